package main

import "fmt"

type Animal interface{ Sound() string; Name() string }
type Base struct{ name string }

func (b Base) Name() string     { return b.name }
func (b *Base) Rename(n string) { b.name = n }

type Dog struct {
	Base
	age int
}

func (d Dog) Sound() string { return "woof" }

type Loud struct {
	*Dog
	vol int
}

type Wrapper struct {
	Animal
	tag string
}

type T struct{ a, b int }

func main() {
	d := Dog{Base{"rex"}, 3}
	fmt.Println(d.Name(), d.Sound())
	d.Rename("max")
	fmt.Println(d.Name())
	var a Animal = d
	fmt.Println(a.Name(), a.Sound())
	l := Loud{&d, 11}
	fmt.Println(l.Name(), l.Sound())
	l.Rename("bolt")
	fmt.Println(d.name)
	a = l
	fmt.Println(a.Name())
	w := Wrapper{a, "w"}
	fmt.Println(w.Name(), w.Sound())
	var a2 Animal = w
	fmt.Println(a2.Sound())
	var a3 Animal = &d
	fmt.Println(a3.Name())
	defer func() { fmt.Println(recover()) }()
	var p *T
	fmt.Println(p.b)
}
