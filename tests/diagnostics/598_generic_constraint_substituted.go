package main

// A written constraint that mentions a type parameter prints with the
// instance's type arguments in place: interface{M() T[Z]}, not T[U].
type T[U interface{ M() T[U] }] int

type Z int

var _ T[Z]

func main() {}
