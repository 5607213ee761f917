package main

import "fmt"

func init(n int) {}

func main() {
	fmt.Println("x")
}
