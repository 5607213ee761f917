package main

import "fmt"

type Meters float64
type Feet float64

func Scale[T ~float64](x T, f float64) T { return T(float64(x) * f) }

func ToBytes[S ~string](s S) []byte { return []byte(s) }

func FromRunes[S ~string](r []rune) S { return S(r) }

func Sum[T ~int | ~float64, R ~int | ~float64](xs []T) R {
	var r R
	for _, x := range xs {
		r += R(x)
	}
	return r
}

type Name string

func main() {
	m := Meters(10)
	fmt.Println(Scale(m, 3.28), Scale(Feet(2), 0.5))
	fmt.Printf("%T\n", Scale(m, 1))
	fmt.Println(ToBytes(Name("ab")), ToBytes("xyz"))
	fmt.Println(FromRunes[Name]([]rune{'h', 'é'}))
	fmt.Println(Sum[int, float64]([]int{1, 2}), Sum[float64, int]([]float64{1.7, 2.6}))
}
