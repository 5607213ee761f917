package main

import (
	"fmt"
	"os"
	"strconv"
)

// make([]int, 1<<N) for N from the command line: Go's fatal error (out of
// memory) up to 2^48 bytes, its makeslice panic beyond.
func main() {
	n, _ := strconv.Atoi(os.Args[1])
	fmt.Println("before")
	s := make([]int, 1<<n)
	fmt.Println(len(s))
}
