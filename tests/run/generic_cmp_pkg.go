package main

import (
	"cmp"
	"fmt"
	"math"
)

type Version struct{ Major, Minor int }

func (a Version) Compare(b Version) int {
	if c := cmp.Compare(a.Major, b.Major); c != 0 {
		return c
	}
	return cmp.Compare(a.Minor, b.Minor)
}

func main() {
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Compare(2.5, 2.5))
	nan := math.NaN()
	fmt.Println(cmp.Compare(nan, 1.0), cmp.Compare(1.0, nan), cmp.Compare(nan, nan))
	fmt.Println(cmp.Less(nan, math.Inf(-1)), cmp.Less(1, 1))
	fmt.Println(Version{1, 2}.Compare(Version{1, 10}), Version{2, 0}.Compare(Version{1, 9}))
	fmt.Println(cmp.Or("", "", "third"), cmp.Or[int](), cmp.Or(0.0, 1.5))
	type MyStr string
	fmt.Println(cmp.Compare(MyStr("x"), MyStr("y")), min(MyStr("b"), "a"))
}
