// Zero-size package variables have addresses, like any other variable.
package main

import "fmt"

var s [2]struct{}
var e struct{}
var z [0]int

func main() {
	p := &s[1]
	q := &e
	r := &z
	fmt.Println(p != nil, q != nil, r != nil, len(*r))
}
