package main

import "fmt"

// A constraint that mentions an instance of the type it constrains:
// checking T[U] needs U's method M, which its constraint gives.
type T[U interface{ M() T[U] }] int

type X int

func (x X) M() T[X] { return T[X](x * 2) }

// The same in a generic function's type parameter list, and a generic
// interface never instantiated with a concrete type.
func Twice[U interface{ M() T[U] }](u U) T[U] { return u.M() + u.M() }

type Getter[E any] interface {
	Get() E
}

type Cell[E any] struct{ v E }

func (c Cell[E]) Get() E { return c.v }

func Read[E any, G Getter[E]](g G) E { return g.Get() }

func main() {
	fmt.Println(X(3).M(), Twice(X(5)))
	fmt.Println(Read[string](Cell[string]{"hi"}))
}
