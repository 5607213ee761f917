package main

import "fmt"

func one() int { return 1 }

const c = one()

func main() {
	fmt.Println(c)
}
