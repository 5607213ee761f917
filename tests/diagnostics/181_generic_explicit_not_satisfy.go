package main

import "fmt"

func max2[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(max2[string]("a", "b"))
}
