package main

import "fmt"

func main() {
	x := 0x
	fmt.Println(x)
}
