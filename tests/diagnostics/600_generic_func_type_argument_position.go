package main

// A function type as a type argument is placed where Go's parser places
// a function type: at its parameters' '(', not at `func`.
type Set[T comparable] map[T]struct{}

var _ Set[func()]

func main() {}
