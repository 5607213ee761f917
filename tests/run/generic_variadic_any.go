package main

import (
	"fmt"
	"strings"
)

func JoinAll[T fmt.Stringer](sep string, xs ...T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

func Count[T comparable](target T, xs ...T) int {
	n := 0
	for _, x := range xs {
		if x == target {
			n++
		}
	}
	return n
}

func Append[T any](dst []T, more ...T) []T { return append(dst, more...) }

func main() {
	fmt.Println(JoinAll("/", Color(0), Color(2), Color(1)))
	fmt.Println(JoinAll[Color](","))
	fmt.Println(Count(2, 1, 2, 3, 2), Count("a"), Count('x', []rune("xax")...))
	s := Append([]int{1}, 2, 3)
	s = Append(s, s...)
	fmt.Println(s, len(Append[string](nil)))
	var anys []any
	anys = Append(anys, 1, "two", 3.0, nil)
	fmt.Println(anys...)
}
