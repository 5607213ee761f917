package main
// gol-only

import "fmt"

func first[T any](xs []T) T {
	return xs[0]
}

func main() {
	fmt.Println(first([]int{1, 2}))
}
