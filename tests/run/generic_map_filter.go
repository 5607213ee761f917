package main

import "fmt"

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func Filter[T any](s []T, keep func(T) bool) []T {
	var r []T
	for _, v := range s {
		if keep(v) {
			r = append(r, v)
		}
	}
	return r
}

func Reduce[T, A any](s []T, init A, f func(A, T) A) A {
	acc := init
	for _, v := range s {
		acc = f(acc, v)
	}
	return acc
}

func main() {
	xs := []int{1, 2, 3, 4, 5, 6}
	sq := Map(xs, func(x int) int { return x * x })
	fmt.Println(sq)
	ev := Filter(sq, func(x int) bool { return x%2 == 0 })
	fmt.Println(ev)
	fmt.Println(Reduce(ev, 0, func(a, x int) int { return a + x }))
	strs := Map(xs, func(x int) string { return fmt.Sprintf("<%d>", x) })
	fmt.Println(strs, len(strs))
	fmt.Println(Reduce(strs, "", func(a string, s string) string { return a + s }))
	fmt.Println(len(Filter([]string{}, func(string) bool { return true })))
}
