// A heap object that only a dead local points to is collected while the
// function that held it is still running: its finalizer runs before the
// function returns.
package main

import (
	"fmt"
	"runtime"
)

type Obj [16]int64

var phase int
var finalizedAt = -1

func collect() {
	runtime.GC()
	runtime.GC()
	runtime.GC()
	phase++
}

//go:noinline
func touch(o *Obj) int64 { return o[3] }

func work() {
	o := new(Obj)
	o[3] = 42
	runtime.SetFinalizer(o, func(*Obj) { finalizedAt = phase })
	fmt.Println("value", touch(o))
	// o is dead from here on.
	collect()
	collect()
	fmt.Println("finalized during work:", finalizedAt >= 0)
}

func main() {
	work()
	fmt.Println("phase", finalizedAt)
}
