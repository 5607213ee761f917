package main

func F[T any](a, b T) int { return copy(a, b) }

func main() {}
