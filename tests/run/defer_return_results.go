// A function with deferred calls whose results sit over its parameters:
// the results are copied to the frame's base once, before the deferred
// calls run, and stand when a deferred call's panic is recovered.
package main

import "fmt"

func snap(data map[int]int) []int {
	defer func() {}()
	var out []int
	for k := range data {
		out = append(out, k)
	}
	return out
}

func one(x int) []int {
	defer func() {}()
	var out []int
	out = append(out, x, x+1)
	return out
}

func pair(s string) (string, int) {
	defer func() {}()
	defer func() {}()
	return s + "!", len(s)
}

func recovered() int {
	defer func() { fmt.Println("recovered:", recover()) }()
	defer func() { panic("late") }()
	return 5
}

func recovered3(a int) (int, string, bool) {
	defer func() { recover() }()
	defer func() { panic(1) }()
	return a + 1, "x", true
}

func early() (int, int) {
	defer func() { recover() }()
	var m map[int]int
	m[1] = 2
	return 3, 4
}

func named() (r int) {
	defer func() { r *= 2 }()
	return 21
}

func main() {
	s := snap(map[int]int{42: 1})
	fmt.Println(len(s), cap(s), s[0])
	fmt.Println(one(7))
	fmt.Println(pair("go"))
	fmt.Println(recovered())
	fmt.Println(recovered3(7))
	fmt.Println(early())
	fmt.Println(named())
}
