// Garbage collection while goroutines on several threads build, swap and
// drop linked structures through channels, maps and shared slices. Each
// structure carries a checksum that is verified when it is consumed, so a
// collector that frees something reachable (a missed root or barrier)
// shows up as a wrong sum or a crash.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type node struct {
	val  int
	name string
	next *node
	kids map[string]*node
}

func build(seed, n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		nd := &node{val: seed + i, name: strings.Repeat("x", i%7), next: head}
		if i%5 == 0 {
			nd.kids = map[string]*node{"k": {val: i, name: "kid"}}
		}
		head = nd
	}
	return head
}

func check(h *node) int {
	s := 0
	for ; h != nil; h = h.next {
		s += h.val + len(h.name)
		if h.kids != nil {
			s += h.kids["k"].val
		}
	}
	return s
}

func want(seed, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += seed + i + i%7
		if i%5 == 0 {
			s += i
		}
	}
	return s
}

func main() {
	const workers = 8
	const rounds = 300
	pipe := make(chan *node, 16)
	var shared [workers]*node
	var mu sync.Mutex
	var wg sync.WaitGroup
	bad := 0
	var badMu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				h := build(w*1000+r, 50)
				select {
				case pipe <- h:
				default:
				}
				mu.Lock()
				old := shared[(w+r)%workers]
				shared[(w+r)%workers] = h
				mu.Unlock()
				if old != nil && check(old) != want(old.next.val-48, 50) {
					// old.next.val - 48 recovers the seed: the head holds seed+49.
					badMu.Lock()
					bad++
					badMu.Unlock()
				}
				select {
				case x := <-pipe:
					if check(x) != want(x.val-49, 50) {
						badMu.Lock()
						bad++
						badMu.Unlock()
					}
				default:
				}
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("corrupted structures:", bad)
}
