package main

// An interface with methods cannot be a term of a union.
type Stringer interface{ String() string }

func F[T Stringer | int](x T) T { return x }

func main() {}
