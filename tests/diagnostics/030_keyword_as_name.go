package main

import "fmt"

func main() {
	var func int
	fmt.Println(1)
}
