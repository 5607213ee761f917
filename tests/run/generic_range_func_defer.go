package main

import "fmt"

func Count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator done")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func first(n int) int {
	for i := range Count(n) {
		if i == 2 {
			return i
		}
	}
	return -1
}

func main() {
	fmt.Println(first(5))
	fmt.Println(first(1))
	for i := range Count(2) {
		fmt.Println("body", i)
	}
}
