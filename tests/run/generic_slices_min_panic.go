package main

import (
	"fmt"
	"slices"
)

func main() {
	fmt.Println(slices.Min([]int{3, 1, 2}))
	var empty []string
	fmt.Println(slices.Max(empty))
}
