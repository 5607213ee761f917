package main

import "fmt"

const N = 3
const P = 2

type C int

type (
	A1 [N]int
	A2 [P * N]int
	A3 [N + 1]string
	G1[T any] struct{ v T }
	G2[P *C,] struct{ p P }
	A4 [P*2 | 1]int
	A5 [(N)]int
)

type A6 [P * N * 2]bool

func Show[S ~[]E, E any](s S) int { return len(s) }

func F[P *C | *int](p P) string { return fmt.Sprintf("%T", p) }

func main() {
	var c C = 4
	fmt.Println(len(A1{}), len(A2{}), len(A3{}), G1[int]{5}, len(A4{}), len(A5{}), len(A6{}))
	fmt.Println(G2[*C]{&c}.p == &c, F(&c), Show([]int{1, 2}))
}
