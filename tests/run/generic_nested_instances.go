package main

import "fmt"

type Pair[A, B any] struct {
	First  A
	Second B
}

type List[T any] struct{ items []T }

func (l *List[T]) Add(v T) *List[T] { l.items = append(l.items, v); return l }
func (l *List[T]) Len() int        { return len(l.items) }

func Zip[A, B any](as []A, bs []B) *List[Pair[A, B]] {
	l := &List[Pair[A, B]]{}
	for i := range min(len(as), len(bs)) {
		l.Add(Pair[A, B]{as[i], bs[i]})
	}
	return l
}

type Index[K comparable, V any] map[K]*List[V]

func (ix Index[K, V]) Put(k K, v V) {
	if ix[k] == nil {
		ix[k] = &List[V]{}
	}
	ix[k].Add(v)
}

func main() {
	z := Zip([]string{"a", "b", "c"}, []int{1, 2})
	fmt.Println(z.Len(), z.items)
	fmt.Printf("%T\n", z)
	ix := Index[string, Pair[int, bool]]{}
	ix.Put("x", Pair[int, bool]{1, true})
	ix.Put("x", Pair[int, bool]{2, false})
	ix.Put("y", Pair[int, bool]{3, true})
	fmt.Println(ix["x"].Len(), ix["y"].items, len(ix))
	var pp Pair[Pair[int, string], []Pair[bool, bool]]
	pp.First.Second = "deep"
	pp.Second = append(pp.Second, Pair[bool, bool]{true, false})
	fmt.Printf("%+v\n", pp)
}
