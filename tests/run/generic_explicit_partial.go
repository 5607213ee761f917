package main

import "fmt"

func Convert[To, From ~int | ~int64 | ~float64](xs []From) []To {
	r := make([]To, len(xs))
	for i, x := range xs {
		r[i] = To(x)
	}
	return r
}

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	fmt.Println(Convert[float64]([]int{1, 2, 3}))
	fmt.Println(Convert[int]([]float64{1.9, -2.5}))
	fmt.Println(Convert[int64, int]([]int{7}))
	fmt.Printf("%q %v %v %v\n", Zero[string](), Zero[int](), Zero[*int](), Zero[[]int]() == nil)
	fmt.Println(Zero[struct{ A, B int }]())
}
