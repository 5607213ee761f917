package main

import "fmt"

type Base[T any] struct {
	ID T
}

func (b Base[T]) Describe() string { return fmt.Sprintf("id=%v", b.ID) }

type User struct {
	Base[int]
	Name string
}

type Tagged[T any] struct {
	Base[string]
	Value T
}

func main() {
	u := User{Base[int]{7}, "ann"}
	fmt.Println(u.ID, u.Name, u.Describe())
	t := Tagged[float64]{Base[string]{"x1"}, 2.5}
	fmt.Println(t.Describe(), t.Value, t)
	fmt.Printf("%+v\n", t)
}
