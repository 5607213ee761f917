package main
// gol-only

import "fmt"

func main() {
	var z complex128
	fmt.Println(z)
}
