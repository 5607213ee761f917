package main

import (
	"fmt"
	"strconv"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return "Color(" + strconv.Itoa(int(c)) + ")"
}

type Vec struct{ X, Y float64 }

func (v *Vec) String() string { return fmt.Sprintf("(%g, %g)", v.X, v.Y) }

type Wrapper struct {
	C    Color
	Cs   []Color
	V    *Vec
	name string
}

type Deep struct{ W Wrapper }

type Panicky struct{ n int }

func (p Panicky) String() string {
	if p.n == 0 {
		panic("zero!")
	}
	return "ok"
}

type NilOK struct{ v int }

func (n *NilOK) String() string { return "val=" + strconv.Itoa(n.v) }

type ErrT struct{}

func (ErrT) Error() string  { return "as error" }
func (ErrT) String() string { return "as string" }

type GoStr struct{}

func (GoStr) GoString() string { return "GoStr!" }

func main() {
	fmt.Println(Red, Green, Blue, Color(7))
	fmt.Printf("%v %s %d %q %x\n", Green, Green, Green, Green, Green)
	v := Vec{1, 2.5}
	fmt.Println(v, &v)
	fmt.Printf("%v %+v\n", Wrapper{Blue, []Color{Red, Green}, &v, "hidden"}, Wrapper{C: Green})
	fmt.Println(Deep{Wrapper{C: Red}})
	fmt.Println(Panicky{1}, Panicky{0})
	fmt.Printf("[%5v][%-8v]\n", Panicky{0}, Green)
	var np *NilOK
	fmt.Println(np)
	fmt.Println(&NilOK{3})
	fmt.Println(ErrT{})
	fmt.Printf("%v %#v %T\n", GoStr{}, GoStr{}, GoStr{})
	fmt.Println([]fmt.Stringer{Red, &v})
	s := fmt.Sprint(Color(1), " and ", Color(2))
	fmt.Println(s)
}
