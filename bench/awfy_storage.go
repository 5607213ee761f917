// awfy_storage: "Are We Fast Yet" Storage. Builds a tree of arrays, four
// children per node to depth 7, leaves of 1 to 10 empty slots: allocation
// and the collector.
package main

import "fmt"

type Random struct{ seed int }

func (r *Random) next() int {
	r.seed = ((r.seed * 1309) + 13849) & 65535
	return r.seed
}

type Node struct {
	children []*Node
}

var count int

func buildTreeDepth(depth int, r *Random) *Node {
	count++
	if depth == 1 {
		return &Node{children: make([]*Node, r.next()%10+1)}
	}
	n := &Node{children: make([]*Node, 4)}
	for i := 0; i < 4; i++ {
		n.children[i] = buildTreeDepth(depth-1, r)
	}
	return n
}

func benchmark() int {
	r := &Random{seed: 74755}
	count = 0
	buildTreeDepth(7, r)
	return count
}

func main() {
	total := 0
	for i := 0; i < 100; i++ {
		total += benchmark()
	}
	fmt.Println("storage", total)
}
