package main

type P[T any] struct{ x T }

func F[T any](a, b P[T]) bool { return a == b }

func main() {}
