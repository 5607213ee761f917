package main

import "fmt"

type Counter[T comparable] struct {
	counts map[T]int
}

func NewCounter[T comparable]() *Counter[T] {
	return &Counter[T]{counts: map[T]int{}}
}

func (c *Counter[T]) Add(v T) { c.counts[v]++ }

func (c *Counter[T]) Get(v T) int { return c.counts[v] }

func apply[T any](xs []T, f func(T)) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	c := NewCounter[string]()
	apply([]string{"a", "b", "a", "a"}, c.Add)
	fmt.Println(c.Get("a"), c.Get("b"), c.Get("z"))
	get := c.Get
	fmt.Println(get("a"))
	add := (*Counter[string]).Add
	add(c, "z")
	fmt.Println(c.Get("z"))
	ci := NewCounter[int]()
	for i := range 10 {
		ci.Add(i % 3)
	}
	fmt.Println(ci.Get(0), ci.Get(1), ci.Get(2))
}
