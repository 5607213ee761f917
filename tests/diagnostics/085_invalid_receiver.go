package main

import "fmt"

type T struct{}

func (t **T) M() {}

func main() {
	fmt.Println(T{})
}
