package main

import "fmt"

// Same reports whether two values are equal.
func Same[T any](a, b T) bool {
	return a == b
}

func main() {
	fmt.Println(Same("a", "a"))
}
