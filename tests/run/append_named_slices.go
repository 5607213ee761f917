// append(a, b...) takes any b assignable to []E: two named slice types
// of one element type mix.
package main

import "fmt"

type A []int
type B []int
type S []string

func main() {
	a := A{1}
	b := B{2, 3}
	a = append(a, b...)
	var c []int = []int{4}
	a = append(a, c...)
	b = append(b, a...)
	fmt.Println(a, b, len(append(S{"x"}, []string{"y"}...)))
}
