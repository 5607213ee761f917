package main

type S struct{ x int }

func (s S) Get[T any](v T) T { return v }

func main() {
	_ = S.Get
}
