package main

import "fmt"

type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }
func (s *Stack[T]) Pop() T {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}
func (s Stack[T]) Peek() T { return s[len(s)-1] }
func (s Stack[T]) Empty() bool { return len(s) == 0 }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func main() {
	var s Stack[int]
	s.Push(1)
	s.Push(2)
	s.Push(3)
	fmt.Println(s.Peek(), len(s))
	fmt.Println(s.Pop(), s.Pop(), s.Empty())
	p := MakePair("answer", 42)
	fmt.Println(p)
	fmt.Printf("%v %T\n", p, p)
	ps := []Pair[string, int]{{"a", 1}, {"b", 2}}
	fmt.Println(ps)
	q := Pair[int, []string]{Key: 1, Val: []string{"x", "y"}}
	fmt.Println(q.Key, q.Val, q)
	var ss Stack[string]
	ss.Push("hi")
	fmt.Println(ss, ss.Peek())
}
