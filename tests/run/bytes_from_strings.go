// append(b, s...) and copy(b, s) with a string source: growth, room in
// capacity, nil and empty operands, named byte types, overlapping reuse.
package main

import "fmt"

type B []byte
type myByte byte

func main() {
	var b []byte
	b = append(b, ""...)
	fmt.Println(b == nil, len(b), cap(b))
	b = append(b, "hello"...)
	fmt.Println(string(b), len(b), cap(b))
	b = append(b[:2], "LLO world"...)
	fmt.Println(string(b), len(b), cap(b))
	c := make([]byte, 3, 20)
	c = append(c, "abc"...)
	fmt.Println(c, len(c), cap(c))
	n := copy(c, "xy")
	fmt.Println(n, string(c))
	n = copy(c[4:], "0123456789")
	fmt.Println(n, string(c))
	n = copy(c, "")
	fmt.Println(n, string(c))
	var nb B
	nb = append(nb, "named"...)
	fmt.Printf("%T %s\n", nb, nb)
	mb := make([]myByte, 4)
	fmt.Println(copy(mb, []myByte{1, 2}), mb)
	s := "shared"
	d := []byte(s)
	d = append(d[:3], s...)
	fmt.Println(string(d), s)
	big := make([]byte, 0)
	for i := 0; i < 100; i++ {
		big = append(big, "0123456789"...)
	}
	fmt.Println(len(big), cap(big), string(big[995:]))
}
