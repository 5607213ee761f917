package main

import "fmt"

type S interface{ M() }
type E interface{ M(); N() }
type T struct{}
func (T) M() {}

func try(f func()) { defer func() { fmt.Println(recover()) }(); f() }

func main() {
	var a any
	var s S
	var e error
	try(func() { _ = a.(int) })
	try(func() { _ = a.(S) })
	try(func() { _ = s.(T) })
	try(func() { _ = s.(E) })
	try(func() { _ = e.(S) })
	s = T{}
	try(func() { _ = s.(E) })
	try(func() { _ = s.(*T) })
	a = "x"
	try(func() { _ = a.(int) })
	try(func() { _ = a == a })
	a = []int{}
	try(func() { _ = a == a })
	type st struct{ f []int }
	a = st{}
	try(func() { _ = a == a })
	var m map[string]int
	try(func() { m["a"] = 1 })
	fmt.Printf("%T %T\n", a, struct{}{})
}
