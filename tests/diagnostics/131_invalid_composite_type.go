package main

import "fmt"

func main() {
	x := int{1}
	fmt.Println(x)
}
