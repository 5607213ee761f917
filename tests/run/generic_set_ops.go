package main

import (
	"fmt"
	"slices"
)

type Set[T comparable] struct{ m map[T]struct{} }

func NewSet[T comparable](xs ...T) Set[T] {
	s := Set[T]{m: make(map[T]struct{})}
	for _, x := range xs {
		s.m[x] = struct{}{}
	}
	return s
}

func (s Set[T]) Has(x T) bool { _, ok := s.m[x]; return ok }
func (s Set[T]) Len() int     { return len(s.m) }

func (s Set[T]) Union(o Set[T]) Set[T] {
	r := NewSet[T]()
	for k := range s.m {
		r.m[k] = struct{}{}
	}
	for k := range o.m {
		r.m[k] = struct{}{}
	}
	return r
}

func (s Set[T]) Intersect(o Set[T]) Set[T] {
	r := NewSet[T]()
	for k := range s.m {
		if o.Has(k) {
			r.m[k] = struct{}{}
		}
	}
	return r
}

func Sorted[T int | string](s Set[T]) []T {
	var r []T
	for k := range s.m {
		r = append(r, k)
	}
	slices.Sort(r)
	return r
}

func main() {
	a := NewSet(1, 2, 3, 4)
	b := NewSet(3, 4, 5)
	fmt.Println(Sorted(a.Union(b)), Sorted(a.Intersect(b)))
	w := NewSet("x", "y")
	fmt.Println(w.Has("x"), w.Has("z"), w.Len(), Sorted(w))
}
