package main

type Box[T any] struct{ v T }

func (b Box[T]) Nest() {
	Box[[]T]{}.Nest()
}

func main() {}
