package main

func F[T any](x T) { y := x; y++ }

func main() {}
