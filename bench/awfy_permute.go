// awfy_permute: "Are We Fast Yet" Permute. Generates every permutation of
// six elements by recursive swapping and counts the calls: method calls
// on a pointer receiver and slice element swaps.
package main

import "fmt"

type Permute struct {
	count int
	v     []int
}

func (p *Permute) swap(i, j int) {
	tmp := p.v[i]
	p.v[i] = p.v[j]
	p.v[j] = tmp
}

func (p *Permute) permute(n int) {
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

func benchmark() int {
	p := &Permute{v: make([]int, 6)}
	p.permute(6)
	return p.count
}

func main() {
	total := 0
	for i := 0; i < 500; i++ {
		total += benchmark()
	}
	fmt.Println("permute", total)
}
