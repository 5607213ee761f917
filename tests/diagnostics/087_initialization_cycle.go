package main

import "fmt"

var a = b + 1
var b = a + 1

func main() {
	fmt.Println(a, b)
}
