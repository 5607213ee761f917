// recover stops a panic when called by the deferred function itself; the
// wrappers behind a deferred interface method, method value or method
// expression are invisible, but a method value called from inside a
// deferred function is one call too deep.
package main

import "fmt"

type I interface{ M() }

type T struct{ name string }

func (t *T) M() { fmt.Println(t.name, "recovered:", recover() != nil) }

type V int

func (v V) M() { fmt.Println("value", int(v), "recovered:", recover() != nil) }

func main() {
	func() {
		defer func() { recover() }()
		var i I = &T{"interface"}
		defer i.M()
		panic("x")
	}()
	func() {
		defer func() { recover() }()
		var i I = &T{"method value"}
		f := i.M
		defer f()
		panic("y")
	}()
	func() {
		defer func() { recover() }()
		defer I.M(&T{"method expression"})
		panic("z")
	}()
	func() {
		defer func() { recover() }()
		defer (&T{"concrete"}).M()
		panic("w")
	}()
	func() {
		defer func() { recover() }()
		var i I = V(7)
		defer i.M()
		panic("v")
	}()
	func() {
		defer func() { recover() }()
		t := &T{"called inside"}
		defer func() {
			f := t.M
			f()
		}()
		panic("u")
	}()
}
