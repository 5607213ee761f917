package main

import "fmt"

type node[T any] struct {
	val  T
	next *node[T]
}

type List[T any] struct {
	head *node[T]
	size int
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Pop() (T, bool) {
	var zero T
	if l.head == nil {
		return zero, false
	}
	v := l.head.val
	l.head = l.head.next
	l.size--
	return v, true
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l List[T]) Len() int { return l.size }

func main() {
	var l List[string]
	l.Push("a")
	l.Push("b")
	l.Push("c")
	l.Each(func(s string) { fmt.Print(s, " ") })
	fmt.Println(l.Len())
	v, ok := l.Pop()
	fmt.Println(v, ok, l.Len())
	li := &List[int]{}
	for i := 0; i < 5; i++ {
		li.Push(i * i)
	}
	sum := 0
	li.Each(func(x int) { sum += x })
	fmt.Println(sum, li.Len())
	for {
		x, ok := li.Pop()
		if !ok {
			break
		}
		fmt.Print(x, ";")
	}
	fmt.Println()
	var e List[float64]
	z, ok := e.Pop()
	fmt.Println(z, ok)
}
