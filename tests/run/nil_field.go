package main

import "fmt"

type Vec struct{ X, Y, Z float64 }

type Body struct {
	Name string
	Pos  Vec
	Mass float64
	Next *Body
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panicked:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	b := &Body{Name: "sun", Pos: Vec{1, 2, 3}, Mass: 5}
	b.Mass -= 1.5
	b.Pos.Y += b.Pos.Z * 2
	(*b).Pos.X = 7
	b.Next = &Body{Name: "earth"}
	b.Next.Mass = 0.25
	b.Next.Pos.Z++
	fmt.Println(b.Name, b.Pos, b.Mass, b.Next.Name, b.Next.Mass, b.Next.Pos)
	x, y := b.Pos.X, (*b).Pos.Y
	fmt.Println(x, y)

	var p *Body
	try("load", func() { fmt.Println(p.Mass) })
	try("load nested", func() { fmt.Println(p.Pos.Z) })
	try("load first", func() { fmt.Println(p.Name) })
	try("store", func() { p.Mass = 1 })
	try("store nested", func() { p.Pos.Y = 1 })
	try("op-assign", func() { p.Mass -= 2 })
	try("incdec", func() { p.Pos.X++ })
	try("star", func() { (*p).Mass = 3 })
	try("chain", func() { b.Next.Next.Mass = 4 })
	try("chain load", func() { fmt.Println(b.Next.Next.Pos.Y) })
	try("tuple", func() { p.Mass, b.Mass = 1, 2 })
	fmt.Println(b.Mass)
	q := b.Next
	q.Pos.X, q = 9, nil
	fmt.Println(b.Next.Pos.X, q == nil)
	fmt.Println(p.Pos.Z)
}
