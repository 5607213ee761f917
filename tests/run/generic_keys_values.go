package main

import (
	"fmt"
	"sort"
)

func Keys[K comparable, V any](m map[K]V) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

func Values[K comparable, V any](m map[K]V) []V {
	r := make([]V, 0, len(m))
	for _, v := range m {
		r = append(r, v)
	}
	return r
}

func Invert[K, V comparable](m map[K]V) map[V]K {
	r := make(map[V]K, len(m))
	for k, v := range m {
		r[v] = k
	}
	return r
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return make(Set[T]) }

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	ks := Keys(m)
	sort.Strings(ks)
	fmt.Println(ks)
	vs := Values(m)
	sort.Ints(vs)
	fmt.Println(vs)
	inv := Invert(m)
	fmt.Println(inv[2], len(inv))
	s := NewSet[int]()
	s.Add(3)
	s.Add(5)
	fmt.Println(s.Has(3), s.Has(4), len(s))
	type point struct{ x, y int }
	ps := Set[point]{}
	ps.Add(point{1, 2})
	fmt.Println(ps.Has(point{1, 2}), ps.Has(point{2, 1}))
}
