package main

type S struct{ x int }

func (s *S) Set[T any](v T) {}

func main() {
	S{}.Set(1)
}
