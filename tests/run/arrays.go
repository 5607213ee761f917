package main

import "fmt"

type Cell struct {
	v    int
	tags [2]string
}

var grid [3][3]int

func sum(a [5]int) int {
	s := 0
	for _, x := range a {
		s += x
	}
	return s
}

func main() {
	a := [5]int{1, 2, 3}
	b := a
	b[4] = 10
	fmt.Println(a, b, sum(a), sum(b), a == b, len(a))
	keyed := [...]string{2: "two", 0: "zero", 4: "four"}
	fmt.Println(len(keyed), keyed[2], keyed[1] == "")
	s := []int{5: 1, 2, 1: 7}
	fmt.Println(s, len(s))
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid)
	var cells [2]Cell
	cells[1].v = 4
	cells[1].tags[0] = "t"
	fmt.Println(cells[1].v, cells[1].tags[0], cells[0].v)
	p := &a
	p[0] = 100
	for i, x := range p {
		if i < 2 {
			fmt.Println(i, x)
		}
	}
	sl := a[1:4]
	sl[0] = 42
	fmt.Println(a[1], len(sl), cap(sl))
	ps := []*Cell{{v: 1}, {v: 2}}
	fmt.Println(ps[0].v + ps[1].v)
	rs := []rune("héllo")
	fmt.Println(len(rs), string(rs[1:3]))
	n := 0
	i := 7
	defer func() { fmt.Println(recover(), n) }()
	n = a[i%8]
}
