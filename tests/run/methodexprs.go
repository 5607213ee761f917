package main

import "fmt"

type S struct{ n int }

func (s S) Val() int        { return s.n }
func (s *S) Add(k int) int  { s.n += k; return s.n }

type Valer interface{ Val() int }

type Outer struct {
	*S
	tag string
}

func main() {
	s := S{1}
	f1 := S.Val
	f2 := (*S).Val
	f3 := (*S).Add
	f4 := Valer.Val
	f5 := (*Outer).Add
	f6 := Outer.Val
	fmt.Println(f1(s), f2(&s), f3(&s, 4), s.n, f4(s))
	o := &Outer{&s, "x"}
	fmt.Println(f5(o, 10), f6(*o), s.n)
	fmt.Printf("%T\n", f3)
}
