package main

import "fmt"

func Len[S ~string | ~[]byte](s S) int { return len(s) }

func First[S ~[]E, E any](s S) E { return s[0] }

func Last[S ~[]E, E any](s S) (E, bool) {
	if len(s) == 0 {
		var z E
		return z, false
	}
	return s[len(s)-1], true
}

func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S{}, s...)
}

func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

type IDs []int

func (ids IDs) Sum() int {
	t := 0
	for _, x := range ids {
		t += x
	}
	return t
}

func Ptr[T any](v T) *T { return &v }

func main() {
	fmt.Println(Len("hello"), Len([]byte{1, 2}))
	ids := IDs{4, 5, 6}
	fmt.Println(First(ids), First([]string{"q"}))
	l, ok := Last(ids)
	fmt.Println(l, ok)
	c := Clone(ids)
	Reverse(c)
	fmt.Println(c, ids, c.Sum())
	fmt.Printf("%T\n", c)
	fmt.Println(Clone([]int(nil)) == nil)
	p := Ptr(42)
	*p++
	fmt.Println(*p, *Ptr("s"))
}
