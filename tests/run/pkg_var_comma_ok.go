// The comma-ok forms (map index, type assertion, receive) initialise a
// two-variable package-level var declaration (Go's test/fixedbugs/bug227.go,
// bug244.go, bug291.go, issue53619.go).
package main

var m = map[string]int{"a": 1}
var i interface{} = 7
var c = func() chan int { c := make(chan int, 1); c <- 3; return c }()

var v, ok = m["a"]
var n, isInt = i.(int)
var r, open = <-c
var s, isStr = i.(string)
var w, found = m["zz"]
var e, isErr = i.(error)
var x, y = two()
var z, bb = m["a"]

func two() (int, string) { return u, "s" }

var u = 4

func main() {
	println(v, ok, n, isInt, r, open, s, isStr, w, found, e == nil, isErr, x, y, z, bb)
}
