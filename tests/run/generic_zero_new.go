package main

import "fmt"

func NewOf[T any]() *T { return new(T) }

func MakeSlice[T any](n int) []T { return make([]T, n) }

func MakeMap[K comparable, V any]() map[K]V { return make(map[K]V) }

func MakeChan[T any](n int) chan T { return make(chan T, n) }

func IsNil[T any](p *T) bool { return p == nil }

type Pt struct{ X, Y int }

func main() {
	p := NewOf[Pt]()
	p.X = 3
	fmt.Println(*p, *NewOf[string]() == "", *NewOf[float64]())
	s := MakeSlice[bool](3)
	fmt.Println(s, len(MakeSlice[Pt](2)))
	m := MakeMap[string, []int]()
	m["a"] = append(m["a"], 1)
	fmt.Println(m)
	c := MakeChan[Pt](1)
	c <- Pt{1, 2}
	fmt.Println(<-c, cap(c))
	var q *Pt
	fmt.Println(IsNil(q), IsNil(p))
	arr := [3]int{}
	clear(MakeSlice[int](2))
	fmt.Println(arr)
}
