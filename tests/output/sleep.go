package main

import (
	"fmt"
	"time"
)

// Prints a line, then sleeps long enough to be killed.
func main() {
	fmt.Println("start")
	time.Sleep(60 * time.Second)
	fmt.Println("end")
}
