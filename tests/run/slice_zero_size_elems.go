// Slices of zero-size elements take no memory at any length: make accepts
// lengths up to maxInt, append gives a capacity of exactly the new length,
// and a length past maxInt is growslice's panic.
package main

import "fmt"

type T struct{}

func main() {
	s := make([]T, 5)
	s = append(s, T{})
	fmt.Println(len(s), cap(s))
	s = append(s, s...)
	fmt.Println(len(s), cap(s))
	var e []struct{}
	e = append(e, struct{}{})
	fmt.Println(len(e), cap(e), e == nil)
	var z [0]int
	zz := append([][0]int{}, z, z, z)
	fmt.Println(len(zz), cap(zz))
	big := make([]T, 1<<62)
	fmt.Println(len(big))
	defer func() { fmt.Println(recover()) }()
	big = append(big, big...)
	big = append(big, big...)
}
