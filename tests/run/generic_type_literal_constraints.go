package main

import (
	"fmt"
	"strconv"
)

type Setter[T any] interface {
	Set(string)
	*T
}

type IntBox struct{ v int }

func (b *IntBox) Set(s string) { b.v, _ = strconv.Atoi(s) }

type StrBox struct{ s string }

func (b *StrBox) Set(s string) { b.s = "<" + s + ">" }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		p := PT(&out[i])
		p.Set(s)
	}
	return out
}

func FromStrings2[T any, PT interface {
	*T
	Set(string)
}](ss []string) []T {
	var out []T
	for _, s := range ss {
		var v T
		PT(&v).Set(s)
		out = append(out, v)
	}
	return out
}

func Ptr[P *T, T any](x T) P { return &x }

type Num interface{ ~int | ~float64 }

func Deref[T any, P *T](p P) T { return *p }

func main() {
	fmt.Println(FromStrings[IntBox]([]string{"1", "2"}))
	fmt.Println(FromStrings[StrBox]([]string{"a"}))
	fmt.Println(FromStrings2[IntBox]([]string{"7"}))
	p := Ptr[*int](5)
	fmt.Println(*p)
	fmt.Println(Deref(p))
	q := Ptr[*string]("s")
	fmt.Println(*q)
}

// Type-literal constraints other than pointers.
func First[S []E, E any](s S) E { return s[0] }

func Get[M map[K]V, K comparable, V any](m M, k K) (V, bool) {
	v, ok := m[k]
	return v, ok
}

func Send[C chan T, T any](c C, v T) { c <- v }

func Call[F func(int) string](f F) string { return f(7) }

func init() {
	fmt.Println(First([]string{"x", "y"}))
	fmt.Println(Get(map[string]float64{"pi": 3.14}, "pi"))
	c := make(chan int, 1)
	Send(c, 9)
	fmt.Println(<-c)
	fmt.Println(Call(func(i int) string { return fmt.Sprint("n=", i) }))
}
