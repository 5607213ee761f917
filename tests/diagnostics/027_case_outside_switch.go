package main

import "fmt"

func main() {
	x := 1
	case x:
	fmt.Println(x)
}
