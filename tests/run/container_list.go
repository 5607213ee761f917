package main

// container/list: the whole List/Element API, walks in both directions,
// and what operations on elements of another list (or removed ones) do.

import (
	"container/list"
	"fmt"
)

func show(name string, l *list.List) {
	fmt.Print(name, " [", l.Len(), "]:")
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(" ", e.Value)
	}
	fmt.Print(" |")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(" ", e.Value)
	}
	fmt.Println()
}

func main() {
	l := list.New()
	show("empty", l)
	fmt.Println(l.Front() == nil, l.Back() == nil)
	e2 := l.PushBack(2)
	e1 := l.PushFront(1)
	e4 := l.PushBack(4)
	e3 := l.InsertBefore(3, e4)
	e5 := l.InsertAfter(5, e4)
	show("pushed", l)
	fmt.Println(e1.Prev() == nil, e5.Next() == nil, e2.Next() == e3)

	l.MoveToFront(e5)
	show("5 to front", l)
	l.MoveToBack(e1)
	show("1 to back", l)
	l.MoveBefore(e1, e2)
	show("1 before 2", l)
	l.MoveAfter(e5, e4)
	show("5 after 4", l)
	l.MoveAfter(e5, e5)
	l.MoveToFront(l.Front())
	show("no-ops", l)

	fmt.Println("removed", l.Remove(e3))
	show("without 3", l)
	fmt.Println("again", l.Remove(e3), l.Len())
	fmt.Println(e3.Next() == nil, e3.Prev() == nil)

	other := list.New()
	o1 := other.PushBack("a")
	other.PushBack("b")
	fmt.Println(l.InsertBefore(9, o1) == nil, l.InsertAfter(9, o1) == nil)
	l.MoveToFront(o1)
	l.Remove(o1)
	show("other", other)

	l.PushBackList(other)
	show("+other back", l)
	l.PushFrontList(other)
	show("+other front", l)
	l.PushBackList(l)
	show("+itself", l)

	// Removing while walking: keep the next element first.
	for e := l.Front(); e != nil; {
		next := e.Next()
		if _, ok := e.Value.(string); ok {
			l.Remove(e)
		}
		e = next
	}
	show("ints only", l)

	var z list.List
	z.PushFront("zero value works")
	z.PushBack(true)
	show("zero", &z)
	z.Init()
	show("init", &z)
	fmt.Println(l.Init().Len())
}
