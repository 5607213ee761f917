package main

import "fmt"

type Box[T any] struct{ items []T }

func (b *Box[T]) Size(x T) int {
	return len(b.items) + len(x)
}

func main() {
	b := &Box[[]int]{}
	fmt.Println(b.Size([]int{1, 2}))
}
