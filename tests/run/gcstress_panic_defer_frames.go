// Collections while deferred calls run on top of the frames a panic
// left: the frames below hold pointers the program still needs (the
// owner's named results and locals, read after recovery), while the
// frames the panic passed hold dead ones.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type node struct {
	val  int
	next *node
}

func build(n int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{val: i, next: h}
	}
	return h
}

func sum(h *node) int {
	s := 0
	for ; h != nil; h = h.next {
		s += h.val
	}
	return s
}

func churn() {
	var keep []*node
	for i := 0; i < 200; i++ {
		keep = append(keep, build(20))
		if len(keep) > 10 {
			keep = keep[1:]
		}
	}
	runtime.GC()
}

func fail(depth int, list *node) int {
	local := build(10)
	if depth == 0 {
		var m map[int]int
		m[sum(list)+sum(local)] = 1
	}
	return fail(depth-1, list) + sum(local)
}

func guarded(i int) (res *node, msg string) {
	kept := build(50)
	defer func() {
		churn()
		r := recover()
		churn()
		msg = fmt.Sprint(r)
		res = kept
	}()
	defer churn()
	defer func() {
		buf := make([]byte, 4096)
		n := runtime.Stack(buf, false)
		if !strings.Contains(string(buf[:n]), "main.fail(") {
			panic("the panicking frames are missing")
		}
		churn()
	}()
	fail(5+i%3, build(30))
	return nil, ""
}

func main() {
	total := 0
	for i := 0; i < 20; i++ {
		res, msg := guarded(i)
		total += sum(res)
		if i == 0 {
			fmt.Println(msg)
		}
	}
	fmt.Println(total)
}
