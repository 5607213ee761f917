// A panic inside a deferred call that unwinds past that call aborts the
// earlier panic: a recover further out sees only the newest one, and
// deferred calls run in order while the panics replace each other.
package main

import "fmt"

func chain() (got interface{}) {
	defer func() {
		got = recover()
		fmt.Println("again:", recover())
	}()
	defer fmt.Println("chain deferred")
	defer func() {
		panic("third")
	}()
	defer func() {
		fmt.Println("saw", recover())
		panic("second")
	}()
	panic("first")
}

func main() {
	fmt.Println("chain got:", chain())
}
