package main

import "fmt"

func try(f func()) {
	defer func() { r := recover(); fmt.Printf("%T: %v\n", r, r) }()
	f()
}

func main() {
	var s []int
	var m map[int]int
	var p *int
	z := 0
	var a any = "x"
	try(func() { _ = s[2] })
	try(func() { _ = s[1:5] })
	try(func() { m[1] = 1 })
	try(func() { _ = *p })
	try(func() { _ = 1 / z })
	try(func() { _ = a.(int) })
	try(func() { panic(nil) })
	try(func() { _ = make([]int, z-1) })
	try(func() { var x, y any = []int{}, []int{}; _ = x == y })
}
