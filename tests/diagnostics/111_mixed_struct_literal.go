package main

import "fmt"

type point struct{ x, y int }

func main() {
	p := point{x: 1, 2}
	fmt.Println(p)
}
