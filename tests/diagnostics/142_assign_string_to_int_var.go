package main

import "fmt"

func main() {
	n := 1
	n = "one"
	fmt.Println(n)
}
