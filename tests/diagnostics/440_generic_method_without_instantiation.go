package main

type S struct{ x int }

func (s S) Map[T any](f func(int) T) T { return f(s.x) }

func main() {
	s := S{1}
	_ = s.Map
}
