package main

import "slices"

func main() {
	_ = slices.Index[[]int]([]string{}, 1)
}
