// Conversions to unparenthesised slice, array and map type literals whose
// elements are themselves literals, pointers or interfaces.
package main

import "fmt"

type T struct{ a int }

func main() {
	var x [][]int
	y := [][]int(x)
	var p []*int
	q := []*int(p)
	var e []interface{}
	f := []interface{}(e)
	b := [3]byte([]byte("abc"))
	m := map[string][]int(map[string][]int{"a": {1}})
	r := [][2]bool([][2]bool{{true}})
	fmt.Println(len(y), len(q), len(f), b, m, r, []*T(nil) == nil)
}
