package main

import "fmt"

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T, less func(a, b T) bool) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if less(v, t.Val) {
		t.Left = t.Left.Insert(v, less)
	} else {
		t.Right = t.Right.Insert(v, less)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func Memo[K comparable, V any](f func(K) V) func(K) V {
	cache := map[K]V{}
	return func(k K) V {
		if v, ok := cache[k]; ok {
			return v
		}
		v := f(k)
		cache[k] = v
		return v
	}
}

func Count[T any](n int, x T) []T {
	if n == 0 {
		return nil
	}
	return append(Count(n-1, x), x)
}

func main() {
	var root *Tree[int]
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		root = root.Insert(v, func(a, b int) bool { return a < b })
	}
	root.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	var st *Tree[string]
	for _, v := range []string{"m", "c", "x"} {
		st = st.Insert(v, func(a, b string) bool { return a > b })
	}
	st.Walk(func(v string) { fmt.Print(v) })
	fmt.Println()
	calls := 0
	sq := Memo(func(n int) int { calls++; return n * n })
	fmt.Println(sq(4), sq(4), sq(5), calls)
	fmt.Println(Count(3, "ab"), len(Count(0, 1.5)))
}
