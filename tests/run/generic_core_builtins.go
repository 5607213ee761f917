package main

import "fmt"

// copy, delete, clear and composite literals over type parameters, by
// their type sets' core types.

func copyIn[S ~string | ~[]byte](b []byte, s S) int { return copy(b, s) }

func copyAll[T ~[]E, E any](dst, src T) int { return copy(dst, src) }

func drop[M ~map[string]int | ~map[string]bool](m M, k string) { delete(m, k) }

func dropK[M ~map[K]int | ~map[K]bool, K comparable](m M, k K) { delete(m, k) }

func wipe[C ~map[string]int | ~[]int](c C) { clear(c) }

type Point struct{ X, Y int }

func lit[T ~struct{ X, Y int }]() []T { return []T{{1, 2}, {X: 3}} }

func ptrs[T ~*struct{ X int }]() []T { return []T{{X: 1}, {X: 2}} }

func slice[T ~[]int]() T { return T{1, 2, 3} }

func table[M ~map[string]int]() M { return M{"a": 1} }

func arr[A ~[3]int]() A { return A{1, 2} }

type Box[T comparable] struct{ v T }

func same[T comparable](a, b Box[T]) bool { return a == b }

func index[T comparable]() map[[2]T]int { return map[[2]T]int{} }

func main() {
	b := make([]byte, 3)
	fmt.Println(copyIn(b, "hey"), copyIn(b, []byte{1}), b)
	a := []int{0, 0, 0}
	fmt.Println(copyAll(a, []int{4, 5}), a)
	m := map[string]int{"a": 1, "b": 2}
	drop(m, "a")
	dropK(m, "b")
	fmt.Println(len(m))
	mb := map[string]bool{"x": true}
	drop(mb, "x")
	fmt.Println(mb)
	m2 := map[string]int{"z": 26}
	s := []int{1, 2}
	wipe(m2)
	wipe(s)
	fmt.Println(m2, s)
	fmt.Println(lit[Point](), *ptrs[*struct{ X int }]()[1])
	fmt.Println(slice[[]int](), table[map[string]int](), arr[[3]int]())
	fmt.Println(same(Box[int]{1}, Box[int]{1}), same(Box[string]{"a"}, Box[string]{"b"}))
	ix := index[string]()
	ix[[2]string{"a", "b"}] = 1
	fmt.Println(ix)
}
