package main

import "fmt"

func hello() { fmt.Println("hello") }

func main() {
	x := hello()
	fmt.Println(x)
}
