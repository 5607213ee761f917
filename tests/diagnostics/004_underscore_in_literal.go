package main

import "fmt"

func main() {
	x := 1__000
	fmt.Println(x)
}
