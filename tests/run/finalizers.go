// runtime.SetFinalizer: a finalizer runs once, on its own goroutine, after
// its object is found unreachable; an object reachable from another
// finalizable object waits for that one's finalizer first; a removed
// finalizer never runs; interface-typed finalizers get the object boxed.
package main

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
)

type T struct {
	name string
	next *T
	buf  [4]int
}

type Named interface{ Name() string }

func (t *T) Name() string { return t.name }

func setup(done chan string) {
	a := &T{name: "a"}
	b := &T{name: "b"}
	a.next = b
	runtime.SetFinalizer(a, func(t *T) { done <- t.name + " (next " + t.next.name + ")" })
	runtime.SetFinalizer(b, func(t *T) { done <- t.name })
	c := &T{name: "c"}
	runtime.SetFinalizer(c, func(t *T) { done <- "c must not be finalized" })
	runtime.SetFinalizer(c, nil)
	d := &T{name: "d"}
	runtime.SetFinalizer(d, func(x interface{}) { done <- "any " + x.(*T).name })
	e := &T{name: "e"}
	runtime.SetFinalizer(e, func(n Named) { done <- "Named " + n.Name() })
}

func main() {
	done := make(chan string, 10)
	setup(done)
	// Round 0: a, d and e (b is reachable from a), in no set order.
	runtime.GC()
	var first []string
	for len(first) < 3 {
		first = append(first, <-done)
	}
	sort.Strings(first)
	fmt.Println("round 0:", strings.Join(first, ", "))
	// Round 1: b, now that a is gone.
	runtime.GC()
	fmt.Println("round 1:", <-done)
	runtime.GC()
	runtime.GC()
	select {
	case s := <-done:
		fmt.Println("unexpected:", s)
	default:
		fmt.Println("nothing more")
	}
}
