package main

func F[T ~[]int](x T) { x = append(x, "a") }

func main() {}
