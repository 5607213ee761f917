package main

type L[T any] struct{ v T }

func (l L[T, U]) Get() {
}

func main() {}
