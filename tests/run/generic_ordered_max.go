package main

import "fmt"

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func MinOf[T Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m {
			m = x
		}
	}
	return m
}

type Name string

func main() {
	fmt.Println(Max(3, 9), Max(2.5, -1), Max("abc", "abd"))
	fmt.Println(Max[int64](5, 4))
	fmt.Println(MinOf(5, 2, 8, 1, 9))
	fmt.Println(MinOf("pear", "apple", "fig"))
	fmt.Println(MinOf(Name("zed"), Name("amy")))
	fmt.Println(Max(1, 2.5))
	fmt.Println(MinOf(3, 'a', 2))
	var u uint8 = 200
	fmt.Println(Max(u, 100))
}
