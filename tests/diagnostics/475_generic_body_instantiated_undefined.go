package main

import "fmt"

func Print[T any](x T) {
	fmt.Println(x, missing)
}

func main() {
	Print(1)
	Print("a")
}
