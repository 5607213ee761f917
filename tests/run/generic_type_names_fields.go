package main

// Runtime names of instances whose type arguments hold struct fields or
// interface methods with unexported names (qualified by their package, as
// Go names instantiated types) and struct tags (printed quoted).

import "fmt"

type G[T any] struct{ v T }

type S struct{ a int }

func main() {
	fmt.Printf("%T\n", G[interface {
		m()
		M()
	}]{})
	fmt.Printf("%T\n", G[func(struct{ a int }) struct{ b byte }]{})
	fmt.Printf("%T\n", G[map[struct{ k rune }]S]{})
	fmt.Printf("%T\n", G[struct {
		S
		s S
	}]{})
	fmt.Printf("%T\n", G[struct {
		a int `json:"x"`
	}]{})
	fmt.Printf("%T\n", G[[]struct{ a int }]{})
	fmt.Printf("%T\n", G[G[struct {
		A int
		b string
	}]]{})
	fmt.Printf("%T\n", struct {
		a byte `x:"{byte}" y:"\"q\""`
	}{})
	fmt.Printf("%T\n", G[struct {
		b []byte `k:"}{"`
	}]{})
	var x any = G[struct{ a int }]{}
	_, ok := x.(G[struct{ a int }])
	fmt.Println(ok)
}
