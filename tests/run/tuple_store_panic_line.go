package main

import "fmt"

// A store of a multi-line tuple assignment that panics is reported at
// the line of its own left side, not the statement's first line.

type P struct{ x int }

func fill(a, b []int, m map[string]int, p *P, i, j int) {
	a[i],
		m["k"],
		p.x,
		b[j] = 1,
		2,
		3,
		4
}

func main() {
	a, b := []int{0, 0}, []int{0}
	m := map[string]int{}
	p := &P{}
	fill(a, b, m, p, 1, 0)
	fmt.Println(a, b, m, p.x)
	fill(a, b, m, p, 0, 3)
}
