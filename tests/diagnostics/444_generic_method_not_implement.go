package main

type S struct{ x int }

func (s S) Map[T any](f func(int) T) T { return f(s.x) }

type Mapper interface{ Map(func(int) int) int }

func main() {
	var m Mapper = S{1}
	_ = m
}
