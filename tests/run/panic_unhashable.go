package main

import "fmt"

func main() {
	m := map[any]int{"a": 1}
	fmt.Println(m["a"])
	k := []int{1, 2}
	m[k] = 2
	fmt.Println("unreachable")
}
