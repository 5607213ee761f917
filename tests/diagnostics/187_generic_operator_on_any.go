package main

import "fmt"

func Sum[T any](xs []T, zero T) T {
	total := zero
	for _, x := range xs {
		total = zero + x
		_ = total
	}
	return total
}

func main() {
	fmt.Println(Sum([]int{1, 2}, 0))
}
