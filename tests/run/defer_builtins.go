package main

import "fmt"

type Res interface{ Close() }
type R struct{ id int }

func (r R) Close() { fmt.Println("closed", r.id) }

type Holder struct {
	Res
}

func f(m map[string]int) (n int) {
	defer delete(m, "a")
	defer func() { n = len(m) }()
	m["b"] = 2
	return 0
}

func g() {
	var r Res = R{1}
	defer r.Close()
	r = R{2}
	h := Holder{R{3}}
	defer h.Close()
	defer fmt.Println("printed at return")
}

func main() {
	m := map[string]int{"a": 1}
	fmt.Println(f(m), len(m))
	g()
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	defer panic(fmt.Sprint("deferred panic ", 42))
	fmt.Println("end of main")
}
