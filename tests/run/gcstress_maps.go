package main

import "fmt"

type Node struct {
	name string
	next *Node
	tags []string
}

func main() {
	m := map[string]*Node{}
	keys := map[[2]int]string{}
	var ifm = map[any][]int{}
	for i := 0; i < 20000; i++ {
		k := fmt.Sprint("key", i)
		m[k] = &Node{name: k, tags: []string{k + "!"}}
		keys[[2]int{i, i * 2}] = k
		if i%100 == 0 {
			ifm[k] = []int{i}
			ifm[i] = []int{-i}
		}
		if i%3 == 0 {
			delete(m, fmt.Sprint("key", i/2))
		}
		// garbage
		_ = make([]byte, 100)
	}
	bad := 0
	for k, n := range m {
		if n.name != k || n.tags[0] != k+"!" {
			bad++
		}
	}
	for p, k := range keys {
		if k != fmt.Sprint("key", p[0]) {
			bad++
		}
	}
	for k, v := range ifm {
		switch x := k.(type) {
		case int:
			if v[0] != -x {
				bad++
			}
		case string:
			if fmt.Sprint("key", v[0]) != x {
				bad++
			}
		}
	}
	fmt.Println(len(m), len(keys), len(ifm), bad)
}
