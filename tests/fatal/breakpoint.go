package main

import (
	"fmt"
	"runtime"
)

func f(n int) {
	fmt.Println("in f", n)
	runtime.Breakpoint()
	fmt.Println("not reached")
}

func main() {
	f(1)
}
