package main

import "fmt"

const N = 3

type A [N]int
type B [N * 2]int
type S[T struct{ x int }] struct{ v T }
type M[K comparable, V any, MM map[K]V] struct{ m MM }
type F[P func(int) int] struct{ f P }
type C[P chan int] struct{ c P }
type Sl[E any, T []E] struct{ s T }
type Pt[P interface{ *int }] struct{ p P }
type Pt2[T any, P *T] struct{ p P }

func main() {
	var a A
	var b B
	s := S[struct{ x int }]{v: struct{ x int }{7}}
	m := M[string, int, map[string]int]{m: map[string]int{"a": 1}}
	f := F[func(int) int]{f: func(i int) int { return i * 2 }}
	sl := Sl[int, []int]{s: []int{1, 2}}
	x := 5
	p := Pt[*int]{p: &x}
	p2 := Pt2[int, *int]{p: &x}
	fmt.Println(len(a), len(b), s.v.x, m.m["a"], f.f(4), sl.s, *p.p, *p2.p)
}
