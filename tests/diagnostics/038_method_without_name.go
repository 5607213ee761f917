package main

import "fmt"

type T struct{}

func (t T) () {}

func main() {
	fmt.Println(T{})
}
