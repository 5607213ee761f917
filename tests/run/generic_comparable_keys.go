package main

import "fmt"

type Point struct{ X, Y int }

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	m := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
}

func Uniq[T comparable](xs []T) []T {
	seen := make(map[T]bool)
	var r []T
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			r = append(r, x)
		}
	}
	return r
}

func Equal[T comparable](a, b T) bool { return a == b }

func main() {
	g := GroupBy([]string{"apple", "avocado", "banana", "blueberry", "cherry"}, func(s string) byte { return s[0] })
	fmt.Println(g['a'], g['b'], g['c'], len(g))
	fmt.Println(Uniq([]int{3, 1, 3, 2, 1}))
	fmt.Println(Uniq([]Point{{1, 2}, {1, 2}, {2, 1}}))
	fmt.Println(Equal(Point{1, 2}, Point{1, 2}), Equal[any](1, "1"), Equal([2]int{1}, [2]int{1, 0}))
	var e1, e2 error
	fmt.Println(Equal(e1, e2))
}
