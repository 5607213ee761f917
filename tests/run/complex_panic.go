package main

import "fmt"

type C complex64

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(C(3 - 4i))
	}()
	panic(1 + 2i)
}
