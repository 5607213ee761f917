package main

// A method without type parameters given a type argument: the call
// cannot index it, as Go says at the `[`.
type X struct{}

func (X) M() {}

func main() {
	var x X
	x.M[int]()
}
