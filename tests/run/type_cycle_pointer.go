// A cycle of type declarations through a pointer is valid, with two named
// types declared as names in it (Go's test/fixedbugs/bug336.go).
package main

type A struct{ next *B }
type B C
type C A

type L struct{ s []M }
type M N
type N L

func main() {
	a := &A{next: &B{}}
	println(a.next != nil, a.next.next == nil)
	c := C(*a)
	println(c.next != nil)
	l := L{s: []M{{}}}
	println(len(l.s), len(N(l).s))
}
