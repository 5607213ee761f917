package main

import "fmt"

// 1e-779137 is a valid constant, nonzero but far below float64's range.
func main() {
	var n int = 1e-779137
	fmt.Println(n)
}
