package main

import (
	"fmt"
	"os"
	"runtime"
)

// die is only reached on a failed check, as in Go's own tests.
func die() {
	runtime.Breakpoint()
}

func main() {
	if len(os.Args) > 100 {
		die()
	}
	fmt.Println("linked")
}
