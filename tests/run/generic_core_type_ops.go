package main

import "fmt"

type Num interface{ ~int | ~float64 }

func Scale[S ~[]E, E Num](s S, f E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * f
	}
	return out
}

func Clip[T ~int](x, lo, hi T) T {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

func Count[T comparable](xs []T, v T) (n int) {
	for _, x := range xs {
		if x == v {
			n++
		}
	}
	return
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T) { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool {
	_, ok := s[v]
	return ok
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }
func (l *List[T]) Len() int { return len(l.items) }

func Map[T, U any](xs []T, f func(T) U) []U {
	r := make([]U, 0, len(xs))
	for _, x := range xs {
		r = append(r, f(x))
	}
	return r
}

func Ptr[T any](v T) *T { return &v }

func AsF[T ~int | ~int32](x T) float64 { return float64(x) * 1.5 }

func Str[T ~string](x T) string { return string(x) + "!" }

func ToRunes[T ~string](x T) []rune { return []rune(x) }

func Cmp[T ~int](a, b T) bool { return a == b || a != 0 && b >= 1 }

func Inc[T ~int | ~float64](x T) T { x++; x += 2; x *= 3; return x }

func Mid[T ~[]int](s T) T { return s[1:2] }

func Conv2[T ~int | ~int64, U ~float64 | ~int](x T) U { return U(x) * 2 }

type Bytes []byte

func At[T ~string | ~[]byte](x T, i int) byte { return x[i] }

func Lookup[M ~map[string]int](m M, k string) int { return m[k] + 1 }

func Lookup8[M interface{ ~map[string]int8 }](m M, k string) int8 { return m[k] * 2 }

func IsNil[P ~*int | ~*string](p P) bool { return p == nil }

func One[T ~int | ~float64]() T {
	var z T = 1
	z = z + 2
	return z * 2
}

func Sh[T ~uint | ~uint8](x T, n int) T { return x<<n | x>>1 }

type Point struct{ X, Y int }

func Same[T ~struct{ X, Y int }](a, b T) bool { return a == b }

func Deref[P ~*E, E any](p P) E { return *p }

func main() {
	fmt.Println(Conv2[int, float64](3), Conv2[int64, int](4), At("abc", 1), At(Bytes("xyz"), 2))
	fmt.Println(Lookup(map[string]int{"a": 1}, "a"), Lookup8(map[string]int8{"b": 2}, "b"), IsNil[*int](nil), One[int](), One[float64]())
	fmt.Println(Sh(uint8(3), 2), Same(Point{1, 2}, Point{1, 2}), Deref(&Point{3, 4}))
	fmt.Println(Scale([]float64{1, 2}, 2), Clip(5, 0, 3), Count([]string{"a", "b", "a"}, "a"))
	s := Set[int]{}
	s.Add(3)
	fmt.Println(s.Has(3), s.Has(4))
	var l List[string]
	l.Push("x")
	fmt.Println(l.Len(), Map([]int{1, 2}, func(i int) string { return fmt.Sprint(i * 2) }), *Ptr(4))
	fmt.Println(AsF(int32(3)), Str("a"), ToRunes("hé"), Cmp(1, 1), Inc(1), Inc(1.5), Mid([]int{1, 2, 3}))
}
