package main

import "fmt"

func Width[T fmt.Stringer](a T) int {
	return a.String()
}

func main() {}
