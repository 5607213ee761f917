package main

import "fmt"

// An allocation no machine can satisfy: Go's fatal error at once, with
// what was printed before it kept.
func main() {
	fmt.Println("before")
	s := make([]int, 1<<40)
	fmt.Println(len(s))
}
