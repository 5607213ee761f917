package main

// The parameters and results of a function type are one block, as a
// function's are: a name given twice is redeclared.
type F func(a int) (a string)

func main() {
	var f F
	_ = f
}
