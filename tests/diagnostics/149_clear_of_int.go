package main

import "fmt"

func main() {
	n := 3
	clear(n)
	fmt.Println(n)
}
