package main

import "fmt"

// A constraint that is one type without a tilde gives an unknown type
// parameter that type; a tilde term gives it nothing, but unifies with a
// known type argument.

func zero[T any, U int]() U {
	var u U
	return u + 1
}

type Int interface{ int }

func seven[T any, U Int]() U {
	var u U
	return u + 7
}

func first[S ~[]E, E any](s S) E { return s[0] }

func keys[M ~map[K]V, K comparable, V any](m M) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func ptr[P *E, E any](e E) P { return &e }

func pair[T any, U []T](t T) U { return U{t, t} }

func mk[S ~[]E, E any](n int) S { return make(S, n) }

type Names []string

type Pair[K comparable, V any] struct {
	k K
	v V
}

func mkPair[P ~struct {
	k K
	v V
}, K comparable, V any](k K, v V) P {
	return P{k, v}
}

func main() {
	fmt.Println(zero[string](), seven[bool]())
	fmt.Println(first(Names{"ann", "bob"}), first([]float64{2.5}))
	fmt.Println(keys(map[string]bool{"a": true, "b": false}))
	p := ptr(5)
	*p += 1
	fmt.Println(*p)
	fmt.Println(pair(2), pair("x"), len(pair(1.5)))
	fmt.Printf("%T %d\n", mk[Names](3), len(mk[[]int](2)))
	fmt.Println(mkPair[Pair[string, int]]("a", 1))
}
