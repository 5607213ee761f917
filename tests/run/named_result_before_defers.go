// `return v` sets a named result before the deferred calls run, so a
// deferred closure sees it (found by the differential fuzzer).
package main

import "fmt"

func f() (r float64) {
	v := 2.5
	defer func() { fmt.Println("deferred sees", r) }()
	return v
}

func h() (r int) {
	v := 7
	defer func() { fmt.Println("deferred sees", r) }()
	return v
}

func k() (r int) {
	v := 7
	defer func() { fmt.Println("deferred sees", r) }()
	return v + 1
}

func main() {
	fmt.Println(f())
	fmt.Println(h())
	fmt.Println(k())
}
