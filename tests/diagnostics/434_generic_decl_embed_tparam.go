package main

type S[T any] struct {
	T
}

func main() {}
