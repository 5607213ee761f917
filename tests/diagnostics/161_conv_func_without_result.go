package main

type T int

func main() {
	var x []T
	_ = x
	_ = []func()(T)
}
