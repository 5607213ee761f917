package main

func F[T ~[]int | ~[]string](a, b T) int { return copy(a, b) }

func main() {}
