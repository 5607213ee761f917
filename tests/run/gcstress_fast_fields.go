// Field access through pointers in the interpreter's fast loop, with a
// collection at every safepoint (gcstress_): one-word stores of pointer
// and non-pointer fields, string (two-word) and slice (three-word) fields
// loaded whole, and methods that return nothing called in recursion.
package main

import "fmt"

type Node struct {
	count int
	name  string
	v     []int
	next  *Node
}

func (p *Node) swap(i, j int) {
	tmp := p.v[i]
	p.v[i] = p.v[j]
	p.v[j] = tmp
}

func (p *Node) permute(n int) {
	p.count++
	if n != 0 {
		n1 := n - 1
		p.permute(n1)
		for i := n1; i >= 0; i-- {
			p.swap(n1, i)
			p.permute(n1)
			p.swap(n1, i)
		}
	}
}

func (p *Node) link(q *Node) {
	p.next = q
}

func main() {
	var head *Node
	for k := 0; k < 40; k++ {
		n := &Node{name: fmt.Sprint("n", k), v: make([]int, 5)}
		for i := range n.v {
			n.v[i] = i * k
		}
		n.link(head)
		head = n
		n.permute(4)
	}
	total, sum, names := 0, 0, ""
	for p := head; p != nil; p = p.next {
		total += p.count
		for i := 0; i < len(p.v); i++ {
			sum += p.v[i] * (i + 1)
		}
		if len(p.name) > 2 {
			names += p.name[2:]
		}
	}
	fmt.Println(total, sum, names)
	var empty Node
	empty.permute(0)
	fmt.Println(empty.count, empty.name == "", len(empty.v), empty.next == nil)
}
