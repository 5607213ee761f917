package main

import "fmt"

type Stringer interface {
	String() string
}

func show[T Stringer](v T) string {
	return v.String()
}

func main() {
	fmt.Println(show(42))
}
