package main

import "fmt"

type Container[T any] interface {
	Put(T)
	All() []T
}

type Bag[T any] struct{ items []T }

func (b *Bag[T]) Put(v T)  { b.items = append(b.items, v) }
func (b *Bag[T]) All() []T { return b.items }

type Named[T any] struct {
	*Bag[T]
	Name string
}

func Fill[T any](c Container[T], xs ...T) {
	for _, x := range xs {
		c.Put(x)
	}
}

func main() {
	b := &Bag[int]{}
	Fill[int](b, 1, 2, 3)
	fmt.Println(b.All())
	var c Container[string] = &Bag[string]{}
	Fill(c, "x", "y")
	fmt.Println(c.All(), len(c.All()))
	n := Named[float64]{&Bag[float64]{}, "floats"}
	n.Put(1.5)
	fmt.Println(n.Name, n.All())
	var i interface{} = b
	_, ok := i.(Container[int])
	_, ok2 := i.(Container[string])
	fmt.Println(ok, ok2)
}
