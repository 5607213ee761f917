package main

import "fmt"

func Seq(xs ...int) func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func search(target int, xs ...int) (idx int, found bool) {
	idx = -1
	for i, x := range Seq(xs...) {
		if x == target {
			idx, found = i, true
			return
		}
	}
	return
}

func sumUntil(limit int, xs ...int) (total int) {
	for _, x := range Seq(xs...) {
		if total+x > limit {
			return total
		}
		total += x
	}
	return total * 100
}

func main() {
	fmt.Println(search(3, 5, 4, 3, 2))
	fmt.Println(search(9, 1))
	fmt.Println(sumUntil(6, 1, 2, 3, 4))
	fmt.Println(sumUntil(100, 1, 2))
}
