package main

import "fmt"

func main() {
	x := 2
	switch x {
	case 1:
	one:
		fmt.Println("one")
	default:
		fmt.Println("other")
		goto one
	}
}
