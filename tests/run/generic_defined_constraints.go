package main

import "fmt"

type C comparable

type Number interface{ ~int | ~float64 }

type N Number

func eq[T C](a, b T) bool { return a == b }

func sum[T N](xs ...T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

type myint int

func main() {
	fmt.Println(eq(1, 1), eq("a", "b"), sum(1, 2, 3), sum(1.5, 2), sum(myint(4), 5))
}
