package main

import "fmt"

// 1e646456992 is a valid untyped constant; only float64 cannot hold it.
func main() {
	x := 1e646456992
	fmt.Println(x)
}
