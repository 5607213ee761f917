// Package-level variables of interface type set by a comma-ok form (a
// type assertion, a map index, a receive): each value is converted to
// its variable's type, and variables that depend on them are set after
// them.
package main

import "fmt"

var c = b
var d = a

var a, b any = any(nil).(bool)

var m = map[string]int{"k": 2}
var v, ok any = m["k"]

var x any = 7
var n, isInt = x.(fmt.Stringer)
var i, yes any = x.(int)

var ch = func() chan int { c := make(chan int, 1); c <- 9; return c }()
var r, got interface{} = <-ch

func main() {
	fmt.Println(a, b, c, d)
	fmt.Println(v, ok)
	fmt.Println(n == nil, isInt)
	fmt.Println(i, yes)
	fmt.Println(r, got)
	fmt.Printf("%T %T\n", i, yes)
}
