package main

import "fmt"

var x = x

func main() {
	fmt.Println(x)
}
