package main

// A generic function's signature is checked even if it is never
// instantiated: Fn needs two type arguments.
type Fn[A any, B any] func(A) B

func G[T any](f Fn[T]) {}

func main() {}
