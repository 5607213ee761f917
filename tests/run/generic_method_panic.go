package main

import "fmt"

type Stack[E any] struct{ items []E }

func (s *Stack[E]) Push(e E) { s.items = append(s.items, e) }

// PopAs pops the top element and asserts it to T: panics when it is not one.
func (s *Stack[E]) PopAs[T any]() T {
	e := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return any(e).(T)
}

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

// Scale has type parameters of its own; Rect still implements Shape
// through Area.
func (r Rect) Scale[N ~int | ~float64](k N) Rect { return Rect{r.W * float64(k), r.H * float64(k)} }

func main() {
	var s Stack[any]
	s.Push(1)
	s.Push("two")
	var sh Shape = Rect{2, 3}.Scale(2)
	fmt.Println(sh.Area(), Rect{1, 1}.Scale[float64](0.5))
	fmt.Println(s.PopAs[string]())
	s.Push(3)
	safePop(&s)
	s.Push(4)
	fmt.Println(s.PopAs[string]())
}

func safePop(s *Stack[any]) {
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(s.PopAs[float64]())
}
