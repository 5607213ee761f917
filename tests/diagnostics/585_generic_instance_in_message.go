package main

// An instance prints in a message as Go's type checker prints it: its
// arguments separated by ", ", named types of this package unqualified.
type T[U any, V any] struct{ u U }

type Z int

func main() {
	var x T[Z, []string]
	var y int = x
	_ = y
}
