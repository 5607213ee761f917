package main

import "fmt"

type point struct {
	x int
	x string
}

func main() {
	fmt.Println(point{})
}
