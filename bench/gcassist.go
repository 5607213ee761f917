// gcassist: allocation that outruns marking. A large live pointer graph (a
// binary tree of about a million nodes) makes each mark long, while two
// goroutines allocate small pointer-holding objects in a tight loop. A
// concurrent collector must then make the allocating goroutines help mark
// (mark assist) or the heap overshoots its goal; run it with
// GODEBUG=gctrace=1 and bench/gc sums the assist CPU time and compares
// each cycle's heap at mark end with its goal. A stop-the-world collector
// never assists (the mutators are stopped while it marks), so it shows 0.
//
// Deterministic results go to stdout; stderr carries the runtime's own
// summary as "key=value" words.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

type tree struct {
	left, right *tree
	val         int
}

type cell struct {
	next *cell
	a, b int
	pad  [4]int
}

const (
	depth    = 20      // live tree: 2^21-1 nodes
	workers  = 2       // allocating goroutines
	perWork  = 4000000 // cells each worker allocates
	ringSize = 4096    // cells each worker keeps alive for a while
)

func build(d, v int) *tree {
	if d == 0 {
		return &tree{val: v}
	}
	return &tree{left: build(d-1, 2*v), right: build(d-1, 2*v+1), val: v}
}

func sum(t *tree) int {
	if t == nil {
		return 0
	}
	return t.val%1000 + sum(t.left) + sum(t.right)
}

// churn allocates cells as fast as it can, keeping the last ringSize of
// them reachable (so they are young garbage, not instant garbage) and
// chaining each to the previous one.
func churn(id int, out []int, wg *sync.WaitGroup) {
	ring := make([]*cell, ringSize)
	var prev *cell
	total := 0
	for i := 0; i < perWork; i++ {
		c := &cell{next: prev, a: i, b: id}
		if i%8 == 0 {
			prev = nil
		} else {
			prev = c
		}
		k := i % ringSize
		if old := ring[k]; old != nil {
			total += old.a & 3
		}
		ring[k] = c
	}
	out[id] = total
	wg.Done()
}

func main() {
	// Build the live graph with the collector off, then collect once
	// (a forced cycle, which bench/gc leaves out): every cycle the trace
	// shows after that is one the allocating goroutines triggered.
	gogc := debug.SetGCPercent(-1)
	live := build(depth, 1)
	debug.SetGCPercent(gogc)
	runtime.GC()

	var wg sync.WaitGroup
	out := make([]int, workers)
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go churn(w, out, &wg)
	}
	wg.Wait()

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "cycles=%d pause_total_us=%d gc_cpu_fraction=%.3f\n",
		ms.NumGC, ms.PauseTotalNs/1000, ms.GCCPUFraction)

	fmt.Println("live tree sum:", sum(live))
	for w, t := range out {
		fmt.Println("worker", w, "checksum:", t)
	}
	fmt.Println("collected:", ms.NumGC > 0)
}
