package main

import (
	"fmt"
	"strconv"
)

type Stringer interface {
	String() string
}

type StringableInt interface {
	~int
	String() string
}

type MyInt int

func (m MyInt) String() string { return "MyInt(" + strconv.Itoa(int(m)) + ")" }

type Word string

func (w Word) String() string { return "'" + string(w) + "'" }

func Join[T Stringer](xs []T, sep string) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += sep
		}
		s += x.String()
	}
	return s
}

func Double[T StringableInt](x T) string {
	return (x * 2).String()
}

func main() {
	fmt.Println(Join([]MyInt{1, 2, 3}, ", "))
	fmt.Println(Join([]Word{"a", "b"}, "+"))
	fmt.Println(Double(MyInt(21)))
	var s []Stringer = []Stringer{MyInt(1), Word("x")}
	fmt.Println(Join(s, " "))
}
