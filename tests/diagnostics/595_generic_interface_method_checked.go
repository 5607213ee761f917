package main

// A generic type's declaration is checked even if the type has no
// instance: the method of the interface F names Fn with one type
// argument where Fn has two.
type Fn[A any, B any] func(A) B

type F[T any] interface {
	Get() Fn[T]
}

func main() {}
