package main

func F[T ~chan int](c T) { c <- "a" }

func main() {}
