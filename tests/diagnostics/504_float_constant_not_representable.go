package main

import "fmt"

// Each factor is a valid constant (Go's floats reach 2^±2147483647); the
// product is past that.
const big = 1e600000000

func main() {
	fmt.Println(big * big > 0)
}
