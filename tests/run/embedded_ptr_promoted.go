package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()    { c.n++ }
func (c Counter) Get() int { return c.n }

type PtrWrapper struct{ *Counter }

// Outer embeds by value a struct that embeds a pointer.
type Outer struct {
	tag string
	PtrWrapper
}

type Holder struct {
	a, b int
	w    PtrWrapper
}

func make(n int) PtrWrapper { return PtrWrapper{&Counter{n}} }

func main() {
	pw := PtrWrapper{&Counter{2}}
	x := pw.n
	fmt.Println(x)
	pw.n = 5
	pw.n++
	pw.n += 3
	fmt.Println(pw.n)
	p := &pw.n
	*p += 10
	fmt.Println(pw.n, *p, pw.Counter.n)
	pw.Inc()
	fmt.Println(pw.Get(), pw.n)
	inc := pw.Inc
	inc()
	fmt.Println(pw.n)

	o := Outer{"o", PtrWrapper{&Counter{7}}}
	o.n++
	o.Inc()
	q := &o.n
	*q *= 2
	fmt.Println(o.tag, o.n, o.Get())

	// A copy shares the pointed-to counter.
	o2 := o
	o2.n = 100
	fmt.Println(o.n, o2.n)

	// Tuple assignment through the pointer.
	var m = map[string]int{}
	m["k"], pw.n = 1, 42
	fmt.Println(m["k"], pw.n)

	// A field that is not embedded holding the wrapper.
	h := Holder{1, 2, make(3)}
	h.w.n++
	fmt.Println(h.a, h.b, h.w.n, h.w.Get())

	// A call's result: its field is reachable through the pointer.
	fmt.Println(make(9).n)
	make(9).n = 1

	// A closure sees the same counter.
	f := func() { pw.n-- }
	f()
	fmt.Println(pw.n)

	var nw Outer
	defer func() { fmt.Println("deferred") }()
	fmt.Println(nw.tag == "", nw.Counter == nil)
	fmt.Println(nw.n)
}
