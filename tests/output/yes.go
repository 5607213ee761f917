package main

import "fmt"

// Prints forever: only a closed pipe ends it.
func main() {
	for {
		fmt.Println("y")
	}
}
