// Natives that look for methods (fmt's Stringer, error and GoStringer,
// errors' Unwrap, Is and As) take one only with the signature Go's
// interfaces ask for: a String() [2]int is not a Stringer.
package main

import (
	"errors"
	"fmt"
)

type A struct{ x int }

func (A) String() [2]int { return [2]int{1, 2} }

type B struct{ y int }

func (B) Error() struct{ a, b int } { return struct{ a, b int }{3, 4} }

type C struct{}

func (C) GoString() [2]int { return [2]int{5, 6} }

type D int

func (D) String() string { return "D!" }

type E struct{ msg string }

func (e E) Error() string { return e.msg }
func (E) Timeout() int  { return 1 }

// Optional methods of errors with other signatures than Go asks for.
type W struct{}

func (W) Error() string   { return "w" }
func (W) Unwrap() [3]int  { return [3]int{1, 2, 3} }
func (W) Is(e any) bool   { return true }
func (W) As(e error) bool { return true }

type Timeouter interface{ Timeout() bool }
type TimeoutInt interface{ Timeout() int }

func main() {
	fmt.Println(A{7}, B{8}, D(1))
	fmt.Printf("%v %s %#v %#v\n", A{7}, B{8}, C{}, D(2))
	var err error = fmt.Errorf("wrap: %w", E{"inner"})
	var t Timeouter
	fmt.Println(errors.As(err, &t))
	var ti TimeoutInt
	fmt.Println(errors.As(err, &ti), ti)
	var ta interface{ Timeout() int }
	fmt.Println(errors.As(err, &ta), ta)
	var tb interface{ Timeout() bool }
	fmt.Println(errors.As(err, &tb), tb)

	var w error = W{}
	fmt.Println(errors.Unwrap(w), errors.Is(w, E{"x"}))
	var e2 E
	fmt.Println(errors.As(w, &e2), e2)
	fmt.Println(fmt.Errorf("x %w", B{8}))
}
