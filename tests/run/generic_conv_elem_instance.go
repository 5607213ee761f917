package main

import "fmt"

// A generic type instantiated as the element of a slice, array, map or
// channel type that is converted unparenthesised: `[]G[int](x)`. The
// brackets after the element's name hold type arguments even though a
// `(` follows them.

type G[P any, Q any] struct {
	a P
	b Q
}

type H[T any] []T

func main() {
	var v []G[int32, uintptr] = []G[int32, uintptr](nil)
	w := []G[int, string]([]G[int, string]{{1, "a"}})
	x := map[string]G[int, int](nil)
	y := [2]G[int, int]([2]G[int, int]{{3, 4}})
	c := chan G[int, int](nil)
	m := map[G[int, int]]G[string, int]{{1, 2}: {"k", 3}}
	n := map[G[int, int]]H[int](nil)
	f := []func() G[int, int]{func() G[int, int] { return G[int, int]{5, 6} }}
	fmt.Println(v == nil, w, x == nil, y, c == nil, m, n == nil, f[0]())
	fmt.Println(len([]G[int8, int8](nil)), []H[string]([]H[string]{{"z"}}))
	fmt.Printf("%T %T\n", []G[int, bool](nil), map[string]H[G[int, int]](nil))
}
