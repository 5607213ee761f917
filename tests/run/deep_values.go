// Values nested deep through interfaces compare, hash and print as in Go:
// no depth cut-off changes an answer, no depth overflows the VM.
package main

import (
	"fmt"
	"strings"
)

type pair struct {
	a interface{}
	b string
}

func nest(n int, leaf interface{}) interface{} {
	v := leaf
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			v = [1]interface{}{v}
		} else {
			v = pair{v, "x"}
		}
	}
	return v
}

func main() {
	for _, n := range []int{10, 52, 53, 101, 1000, 20000} {
		a, b := nest(n, 1), nest(n, 1)
		c := nest(n, 2)
		m := map[interface{}]int{a: n}
		fmt.Println(n, a == b, a == c, m[b], m[c])
	}
	s := fmt.Sprint(nest(600, "leaf"))
	fmt.Println(len(s), strings.Count(s, "{"), s[:40])
	deep := map[interface{}]bool{nest(300, 2): true, nest(300, 1): false, nest(300, 3): true}
	out := fmt.Sprint(deep)
	fmt.Println(len(out), out[len(out)-60:])
	defer func() { fmt.Println("recovered:", recover()) }()
	x := nest(200, []int{1})
	y := nest(200, []int{1})
	fmt.Println(x == y)
}
