// A heap object that only a dead local points to is collected while its
// function goes on through code whose temporaries the stack maps must
// get right: a range over a map (its key and value slots are written
// only when there is an entry), a select's receive (its destination is
// written only when that case is chosen) and a method call through an
// interface (the callee, and so its arguments, known only when it runs).
// Slots such code leaves unwritten hold what earlier frames left there;
// they must be no roots before the frame writes them.
package main

import (
	"fmt"
	"runtime"
)

type Obj [16]int64

var phase int
var finalizedAt = -1

type namer interface{ Name(sep string, n int) string }

type T struct{ s string }

func (t T) Name(sep string, n int) string { return fmt.Sprint(t.s, sep, n) }

func collect() {
	runtime.GC()
	runtime.GC()
	runtime.GC()
	phase++
}

//go:noinline
func touch(o *Obj) int64 { return o[3] }

func work(m map[string]int, c chan string, n namer) {
	o := new(Obj)
	o[3] = 42
	runtime.SetFinalizer(o, func(*Obj) { finalizedAt = phase })
	fmt.Println("value", touch(o))
	// o is dead from here on.
	sum := 0
	for k, v := range m {
		sum += len(k) * v
	}
	select {
	case s := <-c:
		fmt.Println("got", s, n.Name(":", sum))
	}
	collect()
	collect()
	fmt.Println("finalized during work:", finalizedAt >= 0)
}

// garbage leaves pointers in the slots work's frame will occupy.
func garbage(k int) string {
	a, b, c := fmt.Sprint(k), fmt.Sprint(k+1), fmt.Sprint(k+2)
	return a + b + c
}

func main() {
	fmt.Println(garbage(1))
	c := make(chan string, 1)
	c <- "x"
	work(map[string]int{"a": 1, "bb": 2, "ccc": 3}, c, T{"t"})
	fmt.Println("phase", finalizedAt)
}
