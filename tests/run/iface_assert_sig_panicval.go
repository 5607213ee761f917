// A panic value is printed by its Error or String method only when that
// method is Go's `Error() string` or `String() string`: a String() [2]int
// is not called (its result is no string).
package main

import "fmt"

type N int

func (N) String() [2]int { return [2]int{1, 2} }

type S string

func (S) Error() (string, bool) { return "e", true }

func main() {
	defer func() {
		fmt.Println(recover())
		panic(N(5))
	}()
	panic(S("x"))
}
