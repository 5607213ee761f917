package main

import "fmt"

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	fs := []float64{1, 2}
	fmt.Println(sum(fs...))
}
