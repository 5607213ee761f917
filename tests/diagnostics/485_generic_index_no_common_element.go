package main

func F[T ~[]int | ~[]string](x T) { _ = x[0] }

func main() {}
