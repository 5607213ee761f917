package main

import "fmt"

type Registry[T any] struct {
	items map[string]T
	order []string
}

func NewRegistry[T any]() *Registry[T] {
	return &Registry[T]{items: map[string]T{}}
}

func (r *Registry[T]) Register(name string, v T) {
	r.items[name] = v
	r.order = append(r.order, name)
}

var handlers = NewRegistry[func(int) int]()
var names = Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint("n", i) })

func Map[T, U any](s []T, f func(T) U) []U {
	var r []U
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func init() {
	handlers.Register("double", func(x int) int { return x * 2 })
	handlers.Register("square", func(x int) int { return x * x })
}

var double = Map[int, int]

func main() {
	for _, n := range handlers.order {
		fmt.Println(n, handlers.items[n](7))
	}
	fmt.Println(names)
	fmt.Println(double([]int{5}, func(x int) int { return x + x }))
}
