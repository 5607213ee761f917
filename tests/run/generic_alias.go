package main

import (
	"fmt"
	"slices"
)

type List[T any] []T

func (l List[T]) Len() int { return len(l) }

// Aliases of generic types, and generic aliases.
type IntList = List[int]

type Set[K comparable] = map[K]struct{}

type Pairs[K comparable, V any] = []struct {
	K K
	V V
}

type Lst[T any] = List[T]

// In a group too.
type (
	Vec[T any]          = []T
	Index[K comparable] = map[K]int
)

type Fn[T any] = func(T) T

func apply[T any](f Fn[T], x T) T { return f(x) }

func keys[K comparable](s Set[K]) []K {
	var out []K
	for k := range s {
		out = append(out, k)
	}
	return out
}

func main() {
	var l IntList = IntList{1, 2}
	fmt.Println(l, l.Len())
	s := Set[string]{"b": {}, "a": {}}
	ks := keys(s)
	slices.Sort(ks)
	fmt.Println(ks, len(s))
	// An alias denotes the same type: assignable both ways.
	var m map[string]struct{} = s
	fmt.Println(len(m))
	ps := Pairs[string, int]{{"x", 1}, {"y", 2}}
	for _, p := range ps {
		fmt.Println(p.K, p.V)
	}
	var ll Lst[string] = List[string]{"q"}
	fmt.Println(ll.Len(), fmt.Sprintf("%T", ll))
	fmt.Println(apply(func(x int) int { return x * 3 }, 5))
	fmt.Printf("%T %T\n", s, ps)
	v := Vec[string]{"p"}
	ix := Index[string]{"p": 0}
	fmt.Println(v, ix, len(Vec[Vec[int]]{{1}, {2, 3}}))
}
