package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Square struct{ S float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (s Square) Area() float64 { return s.S * s.S }
func (s Square) Name() string  { return "square" }

func Largest[S Shape](shapes []S) S {
	var best S
	for i, s := range shapes {
		if i == 0 || s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

func Names[S Shape](shapes ...S) string {
	var b strings.Builder
	for _, s := range shapes {
		b.WriteString(s.Name())
		b.WriteByte(';')
	}
	return b.String()
}

func main() {
	fmt.Println(Largest([]Rect{{1, 2}, {3, 4}, {2, 2}}))
	fmt.Println(Largest([]Shape{Rect{1, 1}, Square{3}}).Name())
	fmt.Println(Names(Square{1}, Square{2}))
	fmt.Println(Names[Shape](Rect{}, Square{}))
}
