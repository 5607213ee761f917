package main

import "fmt"

func main() {
	fmt.Println("start")
}

var s = `never closed
