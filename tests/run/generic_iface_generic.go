package main

import "fmt"

type Getter[T any] interface {
	Get() T
}

type Const[T any] struct{ v T }

func (c Const[T]) Get() T { return c.v }

type Lazy[T any] struct {
	f    func() T
	done bool
	v    T
}

func (l *Lazy[T]) Get() T {
	if !l.done {
		l.v = l.f()
		l.done = true
	}
	return l.v
}

func Sum[T int | float64](gs ...Getter[T]) T {
	var s T
	for _, g := range gs {
		s += g.Get()
	}
	return s
}

func main() {
	calls := 0
	lz := &Lazy[int]{f: func() int { calls++; return 40 }}
	fmt.Println(Sum[int](Const[int]{2}, lz, lz), calls)
	var g Getter[string] = Const[string]{"hello"}
	fmt.Println(g.Get())
	if c, ok := g.(Const[string]); ok {
		fmt.Println("const", c.v)
	}
	fmt.Printf("%T\n", g)
}
