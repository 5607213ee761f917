package main

type Set[K comparable] struct{ m map[K]bool }

type Box[T any] struct{ x T }

func (b Box[T]) S() Set[T] { return Set[T]{} }

func main() {}
