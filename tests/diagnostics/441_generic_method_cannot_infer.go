package main

type S struct{}

func (s S) Zero[T any]() T {
	var z T
	return z
}

func main() {
	_ = S{}.Zero()
}
