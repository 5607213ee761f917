package main

import "fmt"

type Ints []int

func mk[S ~[]E, E any](n int) S { return make(S, n, 2*n) }

func mkmap[M ~map[K]V, K comparable, V any]() M { return make(M, 4) }

func mkch[C ~chan E, E any](n int) C { return make(C, n) }

func apply[F ~func(int) int](f F, x int) int { return f(x) }

func lo[T ~int | ~float64 | ~string](a, b T) T { return min(a, b) }

func hi[T ~int | ~float64](a T, b T) T { return max(a, b, 3) }

type Op func(int) int

func main() {
	s := mk[Ints](3)
	fmt.Println(len(s), cap(s), s)
	m := mkmap[map[string]int]()
	m["a"] = 1
	fmt.Println(m)
	c := mkch[chan string](1)
	c <- "x"
	fmt.Println(<-c, cap(c))
	fmt.Println(apply(Op(func(x int) int { return x * 10 }), 4))
	fmt.Println(apply(func(x int) int { return x + 1 }, 4))
	fmt.Println(lo(3, 2), lo("b", "a"), lo(1.5, 2.5))
	fmt.Println(hi(1, 2), hi(7.5, 1))
}
