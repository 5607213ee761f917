package main

import "fmt"

func one() int { return 1 }

func main() {
	p := &one()
	fmt.Println(p)
}
