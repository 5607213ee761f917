package main

// Collections while goroutines wait inside String methods: each method
// builds a list only its stack holds, blocks on a channel, then receives
// a freshly built list through it while other goroutines allocate; the
// lists must come through whole (GODEBUG=gccheckmark=1 checks the mark).

import (
	"fmt"
	"sync"
)

type node struct {
	v    int
	next *node
	pad  [4]int
}

func build(n, base int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{v: base + i, next: h}
	}
	return h
}

func sum(h *node) int {
	s := 0
	for ; h != nil; h = h.next {
		s += h.v
	}
	return s
}

type Holder struct {
	in  chan *node
	out chan bool
	id  int
}

func (h Holder) String() string {
	mine := build(500, h.id*1000)
	h.out <- true
	got := <-h.in
	return fmt.Sprint(sum(mine), " ", sum(got))
}

func churn(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += sum(build(50, i))
	}
	return t
}

func main() {
	const G = 8
	var wg sync.WaitGroup
	res := make([]string, G)
	for i := 0; i < G; i++ {
		h := Holder{make(chan *node), make(chan bool), i}
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i] = fmt.Sprint(h)
		}()
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-h.out
			churn(300)
			l := build(300, i)
			churn(300)
			h.in <- l
			// The receiver holds the list only in its parked operation
			// until it runs again.
			churn(300)
		}()
	}
	wg.Wait()
	for _, r := range res {
		fmt.Println(r)
	}
}
