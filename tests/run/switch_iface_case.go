package main

import "fmt"

type point struct{ x, y int }

type big [40]int

type stringer interface{ String() string }

type name string

func (n name) String() string { return string(n) }

func which(t int, cases ...any) string {
	switch t {
	case cases[0]:
		return "first"
	case cases[1]:
		return "second"
	}
	return "none"
}

func main() {
	var i any = 3
	fmt.Println(which(3, i, 4), which(4, i, 4), which(5, i, 4), which(3, int64(3), nil))
	fmt.Println(which(3, []int{1}, 3))

	p := point{1, 2}
	switch p {
	case any(point{1, 3}):
		fmt.Println("wrong point")
	case any(point{1, 2}):
		fmt.Println("point matched through an interface")
	}

	var b big
	b[39] = 7
	var bi any = b
	switch b {
	case bi:
		fmt.Println("big array matched")
	default:
		fmt.Println("big array did not match")
	}

	var s stringer = name("go")
	switch name("go") {
	case s:
		fmt.Println("named string matched a stringer")
	}
	switch "go" {
	case any(name("go")):
		fmt.Println("wrong: different dynamic types")
	case any("go"):
		fmt.Println("string matched")
	}

	var e fmt.Stringer
	switch name("x") {
	case e:
		fmt.Println("wrong: nil interface")
	default:
		fmt.Println("nil interface case does not match a value")
	}

	defer func() { fmt.Println("recovered:", recover()) }()
	f := []int{1}
	var fi any = f
	var fi2 any = f
	switch fi {
	case fi2:
		fmt.Println("not reached")
	}
}
