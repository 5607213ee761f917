package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []string{"a", "b", "c", "d"}
	s = slices.Insert(s, 2, "X", "Y")
	fmt.Println(s, len(s))
	s = slices.Delete(s, 1, 3)
	fmt.Println(s, len(s))
	s = slices.Insert(s, len(s), "end")
	fmt.Println(s)
	s = slices.Replace(s, 0, 2, "R")
	fmt.Println(s)
	t := make([]int, 3, 10)
	t = slices.Insert(t, 1, 7, 8)
	fmt.Println(t, cap(t))
	u := []int{1, 2, 3, 4, 5}
	v := slices.Delete(u, 1, 2)
	fmt.Println(v, u)
	w := slices.Compact([]string{"a", "a", "b", "b", "b", "a"})
	fmt.Println(w, len(w))
	x := slices.CompactFunc([]string{"A", "a", "B"}, func(p, q string) bool { return (p[0] | 32) == (q[0] | 32) })
	fmt.Println(x)
	fmt.Println(slices.Index([]string{"p", "q"}, "q"), slices.Equal([]int{}, nil))
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	slices.Insert([]int{1}, 5, 2)
}
