package main

import "fmt"

// A type parameter passed to a generic function whose constraint has a
// core term with a named underlying type (`~string`, `~int`): inference
// unifies the argument's type parameter with the term through its own
// core type.

func h0[P ~string](a P) P { return a + "!" }

func h1[P interface{ ~int }](a P) P { return a * 2 }

func h2[P ~[]E, E any](s P) int { return len(s) }

func g0[P0 interface{ ~string }](a P0) P0 { return h0(a) + h0[P0](a) }

func g1[Q ~int](a Q) Q { return h1(a) + 1 }

func g2[S ~[]int](s S) int { return h2(s) }

type S string
type I int
type L []int

func main() {
	fmt.Println(g0("x"), g0(S("y")), g1(4), g1(I(5)), g2(L{1, 2}))
	fmt.Printf("%T %T\n", g0(S("z")), g1(I(1)))
}
