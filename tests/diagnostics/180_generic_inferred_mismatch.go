package main

import "fmt"

func pair[T any](a, b T) []T {
	return []T{a, b}
}

func main() {
	fmt.Println(pair(1, "x"))
}
