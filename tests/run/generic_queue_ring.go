package main

import "fmt"

type Queue[T any] struct {
	buf        []T
	head, size int
}

func NewQueue[T any](n int) *Queue[T] { return &Queue[T]{buf: make([]T, n)} }

func (q *Queue[T]) Push(v T) bool {
	if q.size == len(q.buf) {
		return false
	}
	q.buf[(q.head+q.size)%len(q.buf)] = v
	q.size++
	return true
}

func (q *Queue[T]) Pop() (T, bool) {
	var z T
	if q.size == 0 {
		return z, false
	}
	v := q.buf[q.head]
	q.buf[q.head] = z
	q.head = (q.head + 1) % len(q.buf)
	q.size--
	return v, true
}

func main() {
	q := NewQueue[string](3)
	fmt.Println(q.Push("a"), q.Push("b"), q.Push("c"), q.Push("d"))
	v, _ := q.Pop()
	fmt.Println(v, q.Push("e"))
	for {
		v, ok := q.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	qi := NewQueue[[2]int](2)
	qi.Push([2]int{1, 2})
	x, ok := qi.Pop()
	fmt.Println(x, ok)
}
