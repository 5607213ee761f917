package main

// A constraint in a generic type's field is judged once, with the type
// parameter (P, not comparable), not with each instance's argument.
type Set[K comparable] map[K]bool

type Bag[P any] struct {
	items Set[P]
}

var _ Bag[func()]

func main() {}
