package main

import (
	"cmp"
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int64 | ~float64
}

type MyInt int

func (m MyInt) String() string { return "MyInt(" + strconv.Itoa(int(m)) + ")" }

type StringerInt interface {
	~int
	String() string
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Show[T StringerInt](x T) string { return x.String() + "/" + strconv.Itoa(int(x)+1) }

func Elems[S ~[]E, E any](s S) []E {
	var out []E
	for i, e := range s {
		_ = i
		out = append(out, e)
	}
	return out
}

func Idx[S ~[]E, E cmp.Ordered](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

func Conv[T, U Number](x T) U { return U(x) }

func Keys[M ~map[K]V, K comparable, V any](m M) int {
	n := 0
	for k := range m {
		_ = k
		n++
	}
	return n + len(m)
}

func PtrSet[P ~*T, T any](p P, v T) { *p = v }

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Half[T ~int | ~float64](x T) T { return x / 2 }

func Zero[T any]() (z T) { return }

func IsZero[T comparable](x T) bool {
	var z T
	return x == z
}

func Neg[T ~int | ~float64](x T) T { return -x + 1 }

func Bytes[T ~string | ~[]byte](x T) int { return len(x) }

func First[T ~string](s T) byte { return s[0] }

func Shift[T ~int | ~uint8](x T) T { return x << 1 >> 1 }

func Cast[T ~int](x int) T { return T(x) + T(3) }

func Inner[T cmp.Ordered](a, b T) T { return Max(a, b) }

func Ch[C ~chan E, E any](c C, v E) E { c <- v; return <-c }

type Pair[K comparable, V any] struct {
	K K
	V V
}

func MkPair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func Str[T fmt.Stringer](x T) string { return x.String() }

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[MyInt](1, 2))
	fmt.Println(Show(MyInt(4)))
	fmt.Println(Elems([]string{"a", "b"}), Idx([]int{4, 5, 6}, 5))
	fmt.Println(Conv[int, float64](3), Keys(map[string]int{"a": 1}))
	x := 1
	PtrSet(&x, 7)
	fmt.Println(x, Max("a", "b"), Half(7), Half(7.0), Zero[int](), IsZero(0), IsZero("a"))
	fmt.Println(Neg(3), Bytes("abc"), Bytes([]byte{1}), First("xyz"), Shift(uint8(200)), Cast[MyInt](4))
	fmt.Println(Inner(3, 9), Ch(make(chan int, 1), 5), MkPair("a", 1), Str(MyInt(2)))
}
