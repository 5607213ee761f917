// Prints a struct whose string field doubles, with fmt.Println, until
// memory runs out. fmt builds each line outside the heap: under a memory
// limit the program must still end with Go's `fatal error: runtime: out
// of memory` and exit status 2, the lines printed before it kept.
package main

import "fmt"

type T struct {
	n int
	s string
}

func main() {
	t := T{0, "ab"}
	for i := 0; i < 64; i++ {
		t.s += t.s
		t.n = i
		fmt.Println(t)
	}
}
