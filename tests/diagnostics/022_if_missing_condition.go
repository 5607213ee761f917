package main

import "fmt"

func main() {
	if {
		fmt.Println("what")
	}
}
