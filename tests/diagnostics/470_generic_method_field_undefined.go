package main

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) {
	l.nxt = &List[T]{val: v}
}

func main() {}
