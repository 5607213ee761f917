package main

import "fmt"

// make's size arguments may have a type parameter's type when every type
// of its set is an integer.

func Slice[T ~[]int, N ~int](n N) T { return make(T, n) }

func Map[N ~int | ~uint8](n N) map[int]int { return make(map[int]int, n) }

func Chan[N ~int64 | ~uint16](n N) chan int { return make(chan int, n) }

func SliceCap[T ~[]E, E any, N ~int | ~int32](l, c N) T { return make(T, l, c) }

type Count int

type Small uint8

func main() {
	s := Slice[[]int](Count(3))
	fmt.Println(len(s), cap(s), s)
	m := Map(Small(4))
	m[1] = 2
	fmt.Println(len(m), m)
	c := Chan(int64(5))
	fmt.Println(len(c), cap(c))
	t := SliceCap[[]string](int32(2), 6)
	fmt.Println(len(t), cap(t), t)
}
