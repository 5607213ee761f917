package main

import "fmt"

var saved func(int) bool

func Leaky(yield func(int) bool) {
	saved = yield
	yield(1)
}

func main() {
	for x := range Leaky {
		fmt.Println("x =", x)
	}
	fmt.Println("loop over")
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	saved(2)
}
