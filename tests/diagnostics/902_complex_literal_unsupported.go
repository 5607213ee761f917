package main
// gol-only

import "fmt"

func main() {
	z := 2i
	fmt.Println(z)
}
