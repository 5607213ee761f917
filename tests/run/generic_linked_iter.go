package main

import (
	"fmt"
	"iter"
)

type List[T any] struct {
	head, tail *elem[T]
}

type elem[T any] struct {
	v    T
	next *elem[T]
}

func (l *List[T]) Append(vs ...T) {
	for _, v := range vs {
		e := &elem[T]{v: v}
		if l.tail == nil {
			l.head = e
		} else {
			l.tail.next = e
		}
		l.tail = e
	}
}

func (l *List[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for e := l.head; e != nil; e = e.next {
			if !yield(e.v) {
				return
			}
		}
	}
}

func (l *List[T]) Enumerate() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for v := range l.All() {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

func main() {
	var l List[string]
	l.Append("a", "b", "c", "d")
	for v := range l.All() {
		if v == "c" {
			break
		}
		fmt.Print(v)
	}
	fmt.Println()
	for i, v := range l.Enumerate() {
		fmt.Print(i, v, ";")
	}
	fmt.Println()
}
