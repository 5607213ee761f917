// awfy_list: "Are We Fast Yet" List. Builds short linked lists and runs
// the list version of Takeuchi's function over them: pointer chasing,
// recursion and allocation of small objects.
package main

import "fmt"

type Element struct {
	val  int
	next *Element
}

func makeList(length int) *Element {
	if length == 0 {
		return nil
	}
	e := &Element{val: length}
	e.next = makeList(length - 1)
	return e
}

func (e *Element) length() int {
	if e.next == nil {
		return 1
	}
	return 1 + e.next.length()
}

func isShorterThan(x, y *Element) bool {
	xTail, yTail := x, y
	for yTail != nil {
		if xTail == nil {
			return true
		}
		xTail = xTail.next
		yTail = yTail.next
	}
	return false
}

func tail(x, y, z *Element) *Element {
	if isShorterThan(y, x) {
		return tail(tail(x.next, y, z), tail(y.next, z, x), tail(z.next, x, y))
	}
	return z
}

func benchmark() int {
	return tail(makeList(15), makeList(10), makeList(6)).length()
}

func main() {
	total := 0
	for i := 0; i < 600; i++ {
		total += benchmark()
	}
	fmt.Println("list", total)
}
