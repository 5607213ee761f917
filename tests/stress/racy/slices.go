// Racy slice variables: one goroutine stores a 1-element and a
// 65,536-element slice in turn into a global, a captured variable, a
// struct field and an element of a [][]int, while the main goroutine
// indexes, writes, appends to, copies into and re-slices what it read. A
// racy Go program may see either slice, never a mix (the array of one with
// the length of the other, which would let writes land past the small
// array). Also a slice of an array that is a field of a struct, against a
// longer slice: a torn capacity would let stores run over the struct's
// pointer field after the array. The program counts mixed values: it
// prints "torn 0".
package main

import "fmt"

const bigLen = 65536

var g []int
var stop bool

type withArray struct {
	arr  [2]int
	next *withArray
	name string
}

type holder struct {
	s []int
}

func valid(t []int) bool {
	return (len(t) == 1 && cap(t) == 1) || (len(t) == bigLen && cap(t) == bigLen)
}

func main() {
	big := make([]int, bigLen)
	small := make([]int, 1)
	g = small
	local := small
	h := &holder{s: small}
	nested := [][]int{small, small}
	w := &withArray{next: &withArray{name: "inner"}, name: "outer"}
	inner := w.arr[:]
	long := make([]int, 3)
	shared := inner
	done := make(chan bool)
	go func() {
		for i := 0; !stop; i++ {
			v := small
			if i%2 == 1 {
				v = big
			}
			g = v
			local = v
			h.s = v
			nested[1] = v
			if i%2 == 0 {
				shared = inner
			} else {
				shared = long
			}
		}
		done <- true
	}()
	torn := 0
	sum := 0
	for i := 0; i < 200000; i++ {
		var t []int
		switch i % 4 {
		case 0:
			t = g
		case 1:
			t = local
		case 2:
			t = h.s
		case 3:
			t = nested[1]
		}
		// Used before it is checked: a mixed value would write past the
		// small array here.
		t[len(t)-1] = 7
		if !valid(t) {
			torn++
			continue
		}
		sum += t[len(t)-1]
		sum += len(t[len(t)/2:])
		sum += len(t[:cap(t)])
		if i%500 == 0 {
			u := append(t, 1)
			sum += u[len(u)-1]
			sum += copy(t, []int{1, 2, 3})
			for _, x := range t[len(t)-1:] {
				sum += x
			}
		}
		s := shared
		s[len(s)-1] = 12345
		if len(s) != cap(s) || (len(s) != 2 && len(s) != 3) {
			torn++
		}
	}
	stop = true
	<-done
	// The struct after the array is intact.
	fmt.Println(w.next.name, w.name)
	fmt.Println("torn", torn)
	fmt.Println("done", sum > 0)
}
