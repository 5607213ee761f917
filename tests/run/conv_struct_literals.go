// Conversions to unparenthesised struct type literals.
package main

import "fmt"

type P struct {
	X, Y int
}

type Q struct {
	X, Y int
}

type E struct{}

func main() {
	p := P{1, 2}
	a := struct{ X, Y int }(p)
	fmt.Println(a, a.X+a.Y)
	q := Q(struct{ X, Y int }(p))
	fmt.Println(q)
	e := struct{}(E{})
	fmt.Println(e)
	fmt.Printf("%T\n", struct {
		X int
		Y int
	}(q))
	ps := []struct{ X, Y int }([]struct{ X, Y int }{{3, 4}})
	fmt.Println(ps)
	m := map[string]struct{}(nil)
	fmt.Println(len(m))
	if struct{ X, Y int }(p) == a {
		fmt.Println("equal")
	}
	switch struct{ X, Y int }(q) {
	case a:
		fmt.Println("case a")
	}
	fmt.Println(struct{ X, Y int }(p).Y)
	ptr := (*struct{ X, Y int })(&p)
	ptr.X = 10
	fmt.Println(p)
	fmt.Println(struct{ s string }{"lit"}.s)
}
