package main

type S struct{}

func (s S) Pair[A, B any](a A, b B) {}

func main() {
	_ = S{}.Pair[int]
}
