package main

import "fmt"

func all(xs []int) func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func main() {
	for _, x := range all([]int{1, 2, 3}) {
	L:
		for i := 0; i < 3; i++ {
			if i == x {
				break L
			}
			fmt.Print(i)
		}
		fmt.Println()
	}
Outer:
	for _, x := range all([]int{1, 2, 3}) {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue Outer
			}
			if x == 3 {
				break Outer
			}
			fmt.Println(x, j)
		}
	}
}
