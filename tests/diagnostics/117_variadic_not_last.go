package main

import "fmt"

func f(xs ...int, last int) {}

func main() {
	fmt.Println("x")
}
