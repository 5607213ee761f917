package main

import "fmt"

type Key struct {
	a string
	b [2]int
}

func main() {
	var m map[Key]bool
	fmt.Println(m[Key{"x", [2]int{1, 2}}], len(m))
	m[Key{"x", [2]int{1, 2}}] = true
}
