package main

import "fmt"

func f() {}
func g() {}

func main() {
	fmt.Println(f == g)
}
