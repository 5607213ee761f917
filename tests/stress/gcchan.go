// Collections while values travel through channel buffers and live only
// in goroutine stacks: many parked goroutines make the collector's
// goroutine-stack work long, and receivers take values out of buffers
// while it runs, then keep them in local variables only across more
// allocation. A collector that loses a value moving from a buffer to a
// stack frees a live list, and its checksum goes wrong.
package main

import (
	"fmt"
	"sync"
)

type node struct {
	val  int
	next *node
	pad  []int
}

func build(seed, n int) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{val: seed*31 + i, next: h, pad: make([]int, i%4)}
	}
	return h
}

func sum(h *node) int {
	s := 0
	for ; h != nil; h = h.next {
		s += h.val + len(h.pad)
	}
	return s
}

func want(seed, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += seed*31 + i + i%4
	}
	return s
}

var sink []*node

func churn(k int) int {
	t := 0
	for i := 0; i < k; i++ {
		b := make([]*node, 8)
		b[i%8] = &node{val: i}
		t += len(b)
	}
	return t
}

func main() {
	block := make(chan int)
	var parked sync.WaitGroup
	for i := 0; i < 4000; i++ {
		parked.Add(1)
		go func() {
			defer parked.Done()
			<-block
		}()
	}
	const workers = 4
	const rounds = 60
	const per = 64
	bad := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			ch := make(chan *node, per)
			for r := 0; r < rounds; r++ {
				for i := 0; i < per; i++ {
					ch <- build(w*100000+r*1000+i, 30)
				}
				for i := 0; i < per; i++ {
					h := <-ch
					churn(200)
					if sum(h) != want(w*100000+r*1000+i, 30) {
						mu.Lock()
						bad++
						mu.Unlock()
					}
				}
			}
		}(w)
	}
	wg.Wait()
	close(block)
	parked.Wait()
	fmt.Println("corrupted lists:", bad)
}
