// Taking the address of a field through a nil pointer panics, also for
// the first field (offset 0) and through an embedded pointer; the panic
// is a runtime error that recover returns.
package main

import "fmt"

type Inner struct {
	a int
	b string
}

type Outer struct {
	*Inner
	n int
}

type Pair struct {
	first  int
	second [3]int
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println(name, "panicked:", err)
			return
		}
		fmt.Println(name, "did not panic")
	}()
	f()
}

var sink *int

func main() {
	var p *Pair
	try("&p.first", func() { sink = &p.first })
	try("&p.second[0]", func() { sink = &p.second[0] })
	o := &Outer{}
	try("&o.a", func() { sink = &o.a })
	try("&o.n", func() { sink = &o.n })
	var v Pair
	try("&v.first", func() { sink = &v.first; *sink = 5 })
	fmt.Println(v.first)
}
