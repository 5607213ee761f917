package main

type L[T any] struct{}

func (l L[T]) M() {}

func (l L[U]) M() {}

func main() {}
