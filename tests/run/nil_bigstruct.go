// A nil pointer to a struct too large for slots panics with Go's
// recoverable nil dereference on every use, before anything is copied.
package main

type Big struct {
	i   int
	s   string
	arr [128 << 20]byte
	x   int
}

// Plain holds no pointers, and is smaller: the cases that allocate one
// keep the test's memory modest.
type Plain struct {
	n   int
	arr [16 << 20]byte
}

var p *Big
var pp *Plain

var sink interface{}

func use(v interface{}) { sink = v }

func try(name string, f func()) {
	defer func() {
		e := recover()
		if err, ok := e.(error); ok {
			println(name+":", err.Error())
		} else {
			println(name+": no panic")
		}
	}()
	f()
}

func main() {
	try("_ = *p", func() { _ = *p })
	try("println(p.x)", func() { println(p.x) })
	try("q := *p", func() {
		q := *p
		println(q.i)
	})
	try("&p.arr[5]", func() { println(&p.arr[5] != nil) })
	try("p.arr[:]", func() { println(len(p.arr[:])) })
	try("p.arr[100<<20]", func() { println(p.arr[100<<20]) })
	try("use(*p)", func() { use(*p) })
	try("*p = Big{}", func() { *p = Big{x: 1} })
	try("var b Plain; *pp = b", func() {
		var b Plain
		b.n = 1
		*pp = b
	})
	try("pp.arr = b.arr", func() {
		var b Plain
		pp.arr = b.arr
	})
	try("p.s", func() { println(p.s) })
	try("range p.arr", func() {
		for i, v := range p.arr {
			println(i, v)
		}
	})
	try("for i := range &pp.arr", func() {
		n := 0
		for i := range &pp.arr {
			n += i
		}
		println(n)
	})
	try("for i, _ := range p.arr", func() {
		for i, _ := range p.arr {
			println(i)
		}
	})
	q := new(Plain)
	q.arr[len(q.arr)-1] = 3
	try("non-nil", func() {
		println(q.arr[len(q.arr)-1], len(q.arr[:]))
	})
	println(p.i)
}
