package main

import "fmt"

func main() {
	m := map[int]int{}
	fmt.Println(cap(m))
}
