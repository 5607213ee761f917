// Racy values laid out with narrow fields: one goroutine stores whole
// structs of a bool, an int16, a string and an int8 (packed in memory at
// Go's offsets, the string's header among them) into a package variable,
// a slice element and a field behind a pointer, while main reads them
// whole. Every value read must be one that was stored (its fields from
// one value), and indexing its string must stay in bounds: the program
// prints "torn 0".
package main

import "fmt"

type V struct {
	b bool
	x int16
	s string
	y int8
}

type holder struct {
	tag uint8
	v   V
}

var shared V

func ok(v V) bool {
	if v.b {
		return len(v.s) == 1 && v.x == 1 && v.y == 1
	}
	return (v.s == "" && v.x == 0 && v.y == 0) || (len(v.s) == 1<<16 && v.x == -2 && v.y == -2)
}

func main() {
	a := V{b: true, x: 1, s: "a", y: 1}
	b := V{b: false, x: -2, s: string(make([]byte, 1<<16)), y: -2}
	vs := make([]V, 4)
	h := &holder{tag: 7}
	done := make(chan bool)
	go func() {
		for i := 0; i < 300000; i++ {
			v := a
			if i%2 == 1 {
				v = b
			}
			shared = v
			vs[i%4] = v
			h.v = v
		}
		done <- true
	}()
	torn, reads := 0, 0
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		for _, v := range []V{shared, vs[reads%4], h.v} {
			reads++
			if !ok(v) {
				torn++
			}
			if len(v.s) > 0 {
				_ = v.s[len(v.s)-1]
			}
		}
	}
	fmt.Println("torn", torn)
	fmt.Println("done", reads > 0 && h.tag == 7)
}
