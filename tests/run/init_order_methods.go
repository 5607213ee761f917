// Package initialisation follows references through method bodies: a
// method call, a method value and a method expression all make the
// variable depend on what the method references (Go's
// test/fixedbugs/bug446.go).
package main

import "fmt"

type T int

func (T) get() int { return a }

func (*T) ptr() int { return b }

type E struct{ T }

var first = T(0).get()
var viaExpr = T.get(0)
var viaValue = T(0).get
var viaPtr = (&t).ptr()
var viaPromoted = E{}.get()
var viaPtrExpr = (*T).ptr(&t)

var t T
var a = one()
var b = a + 1

func one() int { return 1 }

func main() {
	fmt.Println(first, viaExpr, viaValue(), viaPtr, viaPromoted, viaPtrExpr, a, b)
}
