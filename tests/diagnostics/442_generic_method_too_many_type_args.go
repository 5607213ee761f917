package main

type S struct{}

func (s S) Pair[A, B any](a A, b B) {}

func main() {
	S{}.Pair[int, int, int](1, 2)
}
