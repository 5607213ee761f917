package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

// Methods that do not use a type parameter may leave it blank.
func (p Pair[K, _]) K() K     { return p.Key }
func (p Pair[_, V]) V() V     { return p.Val }

func (p Pair[_, _]) String() string { return fmt.Sprint(p.Key, "=", p.Val) }


type Number interface{ ~int | ~float64 }

type Wrapped[T Number] interface {
	~struct{ Value T }
	Get() T
}

type IntBox struct{ Value int }

func (b IntBox) Get() int { return b.Value }

type FloatBox struct{ Value float64 }

func (b FloatBox) Get() float64 { return b.Value }

// T is inferred from U's core type through a declared generic constraint.
func Sum[T Number, U Wrapped[T]](us ...U) T {
	var t T
	for _, u := range us {
		t += u.Get()
	}
	return t
}

// ... and through a literal one.
func First[T any, S interface{ ~struct{ A, B T } }](s S) T {
	return struct{ A, B T }(s).A
}

type AB struct{ A, B string }

func main() {
	p := Pair[int, string]{1, "one"}
	fmt.Println(p.K(), p.V(), p)
	fmt.Println(Sum(IntBox{2}, IntBox{3}), Sum(FloatBox{1.5}, FloatBox{2.25}))
	fmt.Println(First(AB{"a", "b"}), First(struct{ A, B int }{7, 8}))
}
