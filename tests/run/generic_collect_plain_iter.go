package main

import (
	"fmt"
	"slices"
)

func Evens(limit int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < limit; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	fmt.Println(slices.Collect(Evens(10)))
	var it func(func(string) bool) = slices.Values([]string{"b", "a"})
	fmt.Println(slices.Sorted(it))
}
