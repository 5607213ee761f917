package main

func F[T ~int8](x T) { var y T = 1000; _ = y }

func main() {}
