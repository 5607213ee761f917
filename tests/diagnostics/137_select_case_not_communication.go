package main

import "fmt"

func main() {
	x := 1
	select {
	case true:
	}
	fmt.Println(x)
}
