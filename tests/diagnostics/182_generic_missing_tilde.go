package main

import "fmt"

type MyInt int

func double[T int | int64](v T) T {
	return v * 2
}

func main() {
	fmt.Println(double(MyInt(2)))
}
