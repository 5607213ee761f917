package main

import "fmt"

func main() {
	defer func() { fmt.Println(recover()) }()
	n := -1
	m := make(map[int]int, n)
	fmt.Println(len(m))
}
