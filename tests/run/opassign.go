package main

import "fmt"

var calls int

func key() string { calls++; return "k" }
func idx() int    { calls++; return 1 }

type P struct{ n int }

func ptr(p *P) *P { calls++; return p }

func main() {
	m := map[string]int{}
	m[key()] += 5
	m[key()]++
	s := []int{1, 2, 3}
	s[idx()] *= 10
	s[idx()]--
	p := &P{1}
	ptr(p).n += 41
	arr := [3]int{1, 2, 3}
	pa := &arr
	pa[idx()] <<= 2
	fmt.Println(m["k"], s, p.n, arr, calls)
	var fm map[string]float64
	defer func() { fmt.Println(recover()) }()
	fm["x"] += 1
}
