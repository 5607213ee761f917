// Found by the differential fuzzer (tests/diffz.rs): a function with a
// defer and a result of several words (a struct, an array of structs)
// returned shifted or garbage words, or crashed.
package main

import "fmt"

type T struct {
	a int
	s string
	b int
}

type U struct{ a, b, c int }

// A deferred closure captures a local.
func h() T {
	x := 1
	defer func() { x++ }()
	return T{3, "Go", 4}
}

func f() [2]U {
	x := 7
	defer func() { _ = x }()
	return [2]U{{a: 1}, {a: 2}}
}

// A deferred call, no closure, and a seven-word result.
func g() struct {
	f0 string
	f1 []int
	f2 string
} {
	v := int64(26)
	defer fmt.Println("deferred", v)
	return struct {
		f0 string
		f1 []int
		f2 string
	}{f0: "", f1: []int{-1, 3}, f2: "x"}
}

// Defers in a loop, a struct result.
func k() T {
	for j := 0; j < 2; j++ {
		defer fmt.Println("d", j)
	}
	return T{5, "loop", 6}
}

func main() {
	fmt.Println(f())
	fmt.Println(h())
	fmt.Println(g())
	fmt.Println(k())
}
