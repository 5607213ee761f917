// Tuple assignment in Go's two phases: the pointers of the left side's
// indirections are evaluated first (the old p in p, p.x.y = ...); the
// stores, with their nil checks, happen left to right (Go's
// test/fixedbugs/issue23017.go).
package main

type T struct{ x struct{ y int } }

type P struct{ i int }

type Q struct {
	a [3]int
	n *Q
	P
}

func main() {
	var a T
	p := &a
	p, p.x.y = new(T), 7
	println(a.x.y, p.x.y)

	m := map[int]int{}
	var q *P
	func() {
		defer func() { println(recover() != nil) }()
		m[2], q.i = 42, 2
	}()
	println(len(m), m[2])

	r := &Q{}
	r2 := r
	r, r.i, (*r).P.i = nil, 5, 6
	println(r == nil, r2.i)
	r = r2
	r.a[1], r = 9, nil
	println(r2.a[1])
	r = r2
	r.n = &Q{}
	s := r.n
	r.n.i, r.n = 11, nil
	println(s.i, r.n == nil)
	var x, y int
	x, y = y+1, x+2
	println(x, y)
}
