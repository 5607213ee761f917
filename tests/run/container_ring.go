package main

// container/ring: New, Len, Do, Next/Prev/Move, and Link/Unlink both
// joining two rings and cutting pieces out of one.

import (
	"container/ring"
	"fmt"
)

func show(name string, r *ring.Ring) {
	fmt.Print(name, " [", r.Len(), "]:")
	r.Do(func(v any) { fmt.Print(" ", v) })
	fmt.Println()
}

func fill(n, from int) *ring.Ring {
	r := ring.New(n)
	for i := 0; i < n; i++ {
		r.Value = from + i
		r = r.Next()
	}
	return r
}

func main() {
	fmt.Println(ring.New(0) == nil, ring.New(-1) == nil)
	var nilRing *ring.Ring
	fmt.Println(nilRing.Len())
	nilRing.Do(func(any) { fmt.Println("never") })

	r := fill(5, 0)
	show("r", r)
	show("next", r.Next())
	show("prev", r.Prev())
	show("move 7", r.Move(7))
	show("move -3", r.Move(-3))
	show("move 0", r.Move(0))

	s := fill(3, 10)
	t := r.Link(s)
	show("linked r", r)
	show("old next", t)

	cut := r.Unlink(3)
	show("cut", cut)
	show("rest", r)
	fmt.Println(r.Unlink(0) == nil, r.Unlink(-2) == nil)

	// Link within one ring removes the elements between.
	u := fill(6, 100)
	gone := u.Link(u.Move(3))
	show("u", u)
	show("gone", gone)

	var z ring.Ring
	show("zero", &z)
	fmt.Println(z.Next() == &z, z.Prev() == &z, z.Move(5) == &z)
	z.Value = "solo"
	z.Link(fill(2, 1))
	show("zero linked", &z)

	// Sum via Do and a running walk.
	sum := 0
	big := fill(100, 1)
	big.Do(func(v any) { sum += v.(int) })
	walk := 0
	for p, i := big, 0; i < big.Len(); p, i = p.Next(), i+1 {
		walk += p.Value.(int)
	}
	fmt.Println(sum, walk)
}
