package main

import "fmt"

type Box struct {
	v int
}

func main() {
	var b Box[int]
	fmt.Println(b)
}
