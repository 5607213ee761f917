package main

import "fmt"

func Seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func findPair(n, target int) (int, int, bool) {
	for i := range Seq(n) {
		for j := range Seq(n) {
			if i+j == target && i < j {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

func main() {
	fmt.Println(findPair(5, 7))
	fmt.Println(findPair(3, 9))
	count := 0
	for i := range Seq(4) {
		for j := range Seq(4) {
			if j == i {
				break
			}
			for k := range Seq(3) {
				if k == 1 {
					continue
				}
				count += k + 1
			}
		}
	}
	fmt.Println(count)
	total := 0
L:
	for i := range Seq(10) {
		for {
			if i > 5 {
				break L
			}
			total += i
			break
		}
	}
	fmt.Println(total)
}
