package main

type P[T any] struct{ x T }

func F[T any]() map[P[T]]int { return nil }

func main() {}
