// runtime.Caller(1) in a call deferred by a function names the line
// where that function returns: its closing brace when it falls off its
// end, its return statement otherwise. runtime.Stack does not show the
// wrapper a method value calls through.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func line() int {
	_, _, l, _ := runtime.Caller(2)
	return l
}

func falls() {
	defer func() { fmt.Println("falls off its end at", line()) }()
	x := 1
	_ = x
}

func returns() int {
	defer func() { fmt.Println("returns at", line()) }()
	if true {
		return 3
	}
	return 4
}

func empty() {
	defer func() { fmt.Println("empty body ends at", line()) }()
}

type T int

func (t T) M() {
	buf := make([]byte, 4096)
	s := string(buf[:runtime.Stack(buf, false)])
	fmt.Println("wrapper shown:", strings.Contains(s, "-fm"), "method shown:", strings.Contains(s, "main.T.M("))
}

func main() {
	falls()
	returns()
	empty()
	func() {
		defer func() { fmt.Println("literal ends at", line()) }()
	}()
	var t T
	f := t.M
	f()
}
