package main

import (
	"fmt"

)

type Body struct {
	x, y, z, vx, vy, vz, mass float64
}

type Closer interface{ Close() error }
type F struct{ name string }

func (f *F) Close() error { fmt.Println("close", f.name); return nil }

type Graph struct {
	adj map[string][]string
}

func (g *Graph) Add(a, b string) {
	if g.adj == nil {
		g.adj = map[string][]string{}
	}
	g.adj[a] = append(g.adj[a], b)
}

func use(c Closer) {
	defer c.Close()
	fmt.Println("using")
}

func counts(s string) map[rune]int {
	m := make(map[rune]int)
	for _, r := range s {
		m[r]++
	}
	return m
}

func main() {
	bodies := []Body{
		{x: 1, mass: 2},
		{0, 1, 0, 0, 0, 0, 3},
	}
	fmt.Println(bodies[0].mass+bodies[1].mass, len(bodies))
	use(&F{"f1"})
	g := &Graph{}
	g.Add("a", "b")
	g.Add("a", "c")
	g.Add("b", "c")
	fmt.Println(len(g.adj), g.adj["a"], g.adj["b"], g.adj["z"] == nil)
	c := counts("hello world")
	fmt.Println(c['l'], c['o'], c['z'], len(c))
	nested := map[string]map[string]int{}
	for _, w := range []string{"a", "b", "a", "c", "b", "a"} {
		if nested[w] == nil {
			nested[w] = map[string]int{}
		}
		nested[w]["n"]++
	}
	fmt.Println(nested["a"]["n"], nested["b"]["n"], nested["c"]["n"])
	type pair struct {
		k string
		v int
	}
	seen := map[pair]bool{}
	seen[pair{"a", 1}] = true
	fmt.Println(seen[pair{"a", 1}], seen[pair{"a", 2}])
	funcs := map[string]func(int) int{
		"double": func(x int) int { return x * 2 },
		"square": func(x int) int { return x * x },
	}
	fmt.Println(funcs["double"](4), funcs["square"](4))
	total := 0
outer:
	for k, v := range map[int]int{1: 1, 2: 2, 3: 3} {
		switch {
		case k > 100:
			break outer
		case v < 0:
			continue outer
		}
		total += v
	}
	fmt.Println(total)
	var iface any = map[string]int{"x": 1}
	if mm, ok := iface.(map[string]int); ok {
		fmt.Println(mm["x"])
	}
	ptrs := map[string]*Body{"sun": {mass: 10}}
	ptrs["sun"].mass += 5
	fmt.Println(ptrs["sun"].mass)
	arrm := map[string][3]int{"a": {1, 2, 3}}
	fmt.Println(arrm["a"][2])
	defer fmt.Println("deferred print")
	defer println("deferred builtin")
}
