package main

import "fmt"

type E struct{ msg string }

func (e *E) Error() string { return e.msg }

func inner() (int, *E) { return 3, &E{"bad"} }
func outer() (any, error) { return inner() }
func pass() (int, string) { return 1, "one" }
func pass2() (int, string) { return pass() }

func main() {
	v, err := outer()
	fmt.Println(v, err.Error(), err != nil)
	fmt.Println(pass2())
}
