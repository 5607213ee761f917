package main

import (
	"fmt"
	"strings"
)

type List[E any] struct {
	items []E
}

func (l *List[E]) Push(e E) { l.items = append(l.items, e) }

// Map makes a list of another element type.
func (l List[E]) Map[F any](f func(E) F) List[F] {
	var r List[F]
	for _, e := range l.items {
		r.Push(f(e))
	}
	return r
}

// Fold reduces the list from the left with an accumulator of any type.
func (l List[E]) Fold[A any](acc A, f func(A, E) A) A {
	for _, e := range l.items {
		acc = f(acc, e)
	}
	return acc
}

// Zip pairs the list with another list of any element type.
func (l List[E]) Zip[F any](o List[F]) []Pair[E, F] {
	var r []Pair[E, F]
	for i := range min(len(l.items), len(o.items)) {
		r = append(r, Pair[E, F]{l.items[i], o.items[i]})
	}
	return r
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func (p Pair[A, B]) String() string { return fmt.Sprintf("(%v %v)", p.First, p.Second) }

// With formats the pair beside a value of any comparable type.
func (p Pair[A, B]) With[C comparable](c C) string {
	var zero C
	return fmt.Sprintf("%v+%v(zero %v)", p, c, c == zero)
}

type Tree[K interface{ ~int | ~string }] struct {
	Left, Right *Tree[K]
	Key         K
}

func (t *Tree[K]) Insert(k K) *Tree[K] {
	if t == nil {
		return &Tree[K]{Key: k}
	}
	if k < t.Key {
		t.Left = t.Left.Insert(k)
	} else {
		t.Right = t.Right.Insert(k)
	}
	return t
}

// Walk visits keys in order, collecting f's results.
func (t *Tree[K]) Walk[R any](f func(K) R, out []R) []R {
	if t == nil {
		return out
	}
	out = t.Left.Walk(f, out)
	out = append(out, f(t.Key))
	return t.Right.Walk(f, out)
}

func main() {
	var l List[int]
	for i := 1; i <= 5; i++ {
		l.Push(i)
	}
	s := l.Map(func(i int) string { return strings.Repeat("*", i) })
	fmt.Println(s.items)
	fmt.Println(l.Fold(0, func(a, e int) int { return a + e }))
	fmt.Println(s.Fold("", func(a string, e string) string { return a + "|" + e }))
	fmt.Println(l.Fold[float64](1, func(a float64, e int) float64 { return a * float64(e) / 2 }))
	z := l.Zip(s)
	fmt.Println(z)
	zl := List[Pair[int, string]]{z}
	fmt.Println(zl.Map(func(p Pair[int, string]) int { return p.First * len(p.Second) }).items)
	p := Pair[string, bool]{"k", true}
	fmt.Println(p.With(3), p.With(""), p.With[float64](0))

	var t *Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "e"} {
		t = t.Insert(w)
	}
	fmt.Println(t.Walk(strings.ToUpper, nil))
	fmt.Println(t.Walk(func(k string) int { return len(k) + int(k[0]) }, []int{-1}))
	walk := t.Walk[bool]
	fmt.Println(walk(func(k string) bool { return k > "d" }, nil))
}
