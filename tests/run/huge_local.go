// Locals larger than 10 MB live in the heap (as Go moves them there):
// declaring one costs no pass over its memory, and assignment, range,
// closures and interfaces keep Go's value semantics.
package main

type Rec struct {
	name string
	arr  [2 << 20]int
	tail []int
}

var global [2 << 20]int

var sink interface{}

func fill() int {
	var a [1 << 28]int
	for i := range 10 {
		a[i] = i * i
	}
	a[len(a)-1] = 7
	return a[len(a)-1] + a[9]
}

func copies() {
	var r Rec
	r.name = "r"
	r.arr[5] = 5
	r.tail = []int{1, 2}
	s := r // a copy
	s.arr[5] = 50
	s.name = "s"
	s.tail[0] = 10 // shares the slice's array
	println(r.name, r.arr[5], r.tail[0], s.name, s.arr[5], s.tail[0])

	p := &r
	q := *p
	q.arr[len(q.arr)-1] = 9
	println(q.name, q.arr[5], q.arr[len(q.arr)-1], r.arr[len(r.arr)-1])
	*p = s
	println(r.name, r.arr[5])
	r = Rec{name: "lit", arr: [2 << 20]int{3: 33}}
	println(r.name, r.arr[3], r.arr[5], len(r.tail))

	var x interface{} = q
	q.arr[5] = -1
	y := x.(Rec)
	println(y.name, y.arr[5], q.arr[5])
	sink = q // to an interface variable: a box holding a copy
	q.arr[5] = -2
	println(sink.(Rec).arr[5], q.arr[5])
}

func literals() {
	a := [2 << 20]int{1, 2, 3, 1 << 20: 4}
	println(a[0], a[2], a[1<<20], a[len(a)-1])
	pa := &[2 << 20]int{7: 8}
	println(pa[7])
	b := a
	b[0] = 100
	println(a[0], b[0])
	global[1] = 11
	c := global
	global[1] = 12
	println(c[1], global[1])
	global = b
	println(global[0], global[1])
}

func ranges() {
	var a [2 << 20]int
	a[1] = 1
	sum := 0
	for i, v := range a { // over a copy: the store below is not seen
		if i == 0 {
			a[1] = 100
		}
		sum += v
	}
	n := 0
	for i := range a {
		n += i & 1
	}
	println(sum, n, a[1])
}

func closures() {
	var c [1 << 28]int
	inc := func(k int) { c[k]++ }
	inc(5)
	inc(5)
	done := make(chan bool)
	go func() {
		c[len(c)-1] = 3
		done <- true
	}()
	<-done
	println(c[5], c[len(c)-1])
}

func nested(depth int) int {
	var m [2][1 << 20]int
	m[1][depth] = depth
	if depth == 0 {
		return m[1][0]
	}
	return nested(depth-1) + m[1][depth]
}

func main() {
	println(fill())
	copies()
	literals()
	ranges()
	closures()
	println(nested(4))
}
