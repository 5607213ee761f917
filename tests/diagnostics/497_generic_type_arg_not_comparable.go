package main

type Set[T comparable] map[T]bool

func F[T any]() Set[T] { return nil }

func main() {}
