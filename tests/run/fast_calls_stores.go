// Interface method calls, one-word type assertions and pointer stores,
// the forms the interpreter's fast loop runs, beside the failures it
// leaves to the checked loop: a nil interface's method, a missing
// assertion, a nil pointer store. The list is rebuilt while the
// collector runs, so pointer stores also happen with the write barrier
// on.
package main

import "fmt"

type Shape interface {
	Area(scale int) int
	Name() string
}

type Rect struct{ w, h int }

func (r *Rect) Area(scale int) int { return r.w * r.h * scale }
func (r *Rect) Name() string       { return "rect" }

// Wide has a three-word receiver passed by value through the interface.
type Wide struct {
	a, b int
	s    string
}

func (w Wide) Area(scale int) int { return (w.a + w.b + len(w.s)) * scale }
func (w Wide) Name() string       { return "wide:" + w.s }

type Node struct {
	val  int
	next *Node
}

func try(what string, f func()) {
	defer func() {
		fmt.Println(what, "recovered:", recover())
	}()
	f()
}

func main() {
	shapes := []Shape{&Rect{2, 3}, Wide{1, 2, "xyz"}, &Rect{4, 5}}
	total := 0
	for i := 0; i < 1000; i++ {
		for _, s := range shapes {
			total += s.Area(i % 7)
		}
	}
	fmt.Println("areas", total)
	for _, s := range shapes {
		fmt.Println(s.Name())
	}

	var anys []interface{}
	for i := 0; i < 10; i++ {
		anys = append(anys, &Node{val: i})
	}
	sum := 0
	for _, a := range anys {
		sum += a.(*Node).val
	}
	fmt.Println("asserted", sum)

	// A long list rebuilt many times: the allocation starts collector
	// cycles, during which the same stores go through the barrier.
	var keep []*Node
	for round := 0; round < 40; round++ {
		var head *Node
		for i := 0; i < 20000; i++ {
			n := &Node{val: i}
			n.next = head
			head = n
		}
		keep = append(keep, head)
		if len(keep) > 3 {
			keep[0] = nil
			keep = keep[1:]
		}
	}
	count, vals := 0, 0
	for _, h := range keep {
		for n := h; n != nil; n = n.next {
			count++
			vals += n.val
		}
	}
	fmt.Println("nodes", count, vals)

	try("nil interface", func() {
		var s Shape
		fmt.Println(s.Area(1))
	})
	try("wrong assertion", func() {
		var a interface{} = &Rect{1, 1}
		fmt.Println(a.(*Node).val)
	})
	try("nil store", func() {
		var n *Node
		n.next = &Node{}
	})
	try("nil slice store", func() {
		var ps []*Node
		i := 3
		ps[i] = &Node{}
	})
}
