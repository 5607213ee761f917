package main

import "fmt"

func main() {
//line other.go:12x
	fmt.Println("a line directive's line must be a number")
}
