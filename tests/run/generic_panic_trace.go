package main

import "fmt"

func At[T any](s []T, i int) T {
	return s[i]
}

type Box[T any] struct{ v *T }

func (b Box[T]) Get() T { return *b.v }

func (b *Box[T]) Deref() T { return *b.v }

func main() {
	fmt.Println(At([]int{1, 2}, 1))
	func() {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		fmt.Println(At([]string{"a"}, 3))
	}()
	x := 5
	b := &Box[int]{&x}
	fmt.Println(b.Get(), b.Deref())
	var e Box[string]
	fmt.Println(e.Deref())
}
