package main

type L[T any] struct{ v T }

func (l L[T]) M() T {
	return 0
}

func main() {}
