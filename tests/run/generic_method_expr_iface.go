package main

import (
	"fmt"
	"strings"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Len() int  { return len(s.items) }
func (s Stack[T]) String() string {
	var b strings.Builder
	for i, v := range s.items {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprint(&b, v)
	}
	return "[" + b.String() + "]"
}

type Lener interface{ Len() int }

type Pair[K comparable, V any] struct {
	K K
	V V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.K, p.V) }

func main() {
	s := &Stack[int]{}
	s.Push(1)
	s.Push(2)
	var l Lener = s
	fmt.Println(l.Len())
	var st fmt.Stringer = *s
	fmt.Println(st.String(), st)
	fmt.Println(s)
	push := s.Push
	push(3)
	f := (*Stack[int]).Push
	f(s, 4)
	g := Stack[int].String
	fmt.Println(g(*s))
	fmt.Println(Pair[string, int]{"a", 1})
	ps := []fmt.Stringer{Pair[string, int]{"x", 2}, Pair[int, bool]{3, true}}
	for _, p := range ps {
		fmt.Println(p)
	}
	m := Stack[string].String
	fmt.Println(m(Stack[string]{items: []string{"q"}}))
}
