package main

// A field whose type was reported (Fn needs two type arguments) has an
// invalid type: calling it reports nothing more.
type Fn[A any, B any] func() A

type Box[T any] struct {
	make Fn[T]
}

func (b Box[T]) Get() T { return b.make() }

func main() {}
