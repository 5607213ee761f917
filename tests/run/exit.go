package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("exiting")
	defer fmt.Println("deferred: not printed")
	os.Exit(3)
}
