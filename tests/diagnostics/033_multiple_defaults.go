package main

import "fmt"

func main() {
	x := 1
	switch x {
	default:
		fmt.Println("a")
	default:
		fmt.Println("b")
	}
}
