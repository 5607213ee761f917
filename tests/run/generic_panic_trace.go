package main

import "fmt"

func At[T any](s []T, i int) T {
	return s[i]
}

type Box[T any] struct{ v *T }

func (b Box[T]) Get() T { return *b.v }

func main() {
	fmt.Println(At([]int{1, 2}, 1))
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		var b Box[string]
		fmt.Println(b.Get())
	}()
	fmt.Println(At([]string{"a"}, 3))
}
