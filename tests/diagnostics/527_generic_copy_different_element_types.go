package main

func F[T ~[]int, U ~[]string](a T, b U) int { return copy(a, b) }

func main() {}
