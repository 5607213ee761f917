package main

type S struct{}

func (S) M[T, U any](t T) {}

func main() {
	var s S
	s.M[int](1)
}
