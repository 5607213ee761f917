// Builtins and conversions judged by a type parameter's type set inside a
// generic body: make with a size of type T, min/max over an ordered T,
// append of a bytestring T to a []byte, a plain-type constraint, and a
// constraint embedded in an instantiated generic interface.
package main

import (
	"cmp"
	"fmt"
)

type Integer interface{ int | int32 | int64 }

func ones[T Integer](n T) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = T(i + 1)
	}
	return s
}

func clamp[T cmp.Ordered](x, lo, hi T) T { return max(lo, min(x, hi)) }

func add[S ~string | ~[]byte](buf *[]byte, s S) { *buf = append(*buf, s...) }

func zero[T, U int]() (T, U) { return T(0), U(7) }

type Numeric interface{ ~int | ~float64 }

type numAbs[T any] interface {
	Numeric
	Abs() T
}

type myInt int

func (m myInt) Abs() myInt {
	if m < 0 {
		return -m
	}
	return m
}

func absDiff[T numAbs[T]](a, b T) T {
	d := a - b
	return d.Abs()
}

func main() {
	fmt.Println(ones(int32(4)), ones(3))
	fmt.Println(clamp(15, 0, 10), clamp("m", "a", "k"), clamp(2.5, 1, 3))
	var b []byte
	add(&b, "go")
	add(&b, []byte("ph"))
	add(&b, "er")
	fmt.Println(string(b))
	fmt.Println(zero[int, int]())
	fmt.Println(absDiff(myInt(3), myInt(10)))
}
