// gcpause: how long the collector stops the program. A large live heap (a
// million small linked objects) and 100,000 parked goroutines, each holding
// pointers of its own on its stack, make every cycle's root set and mark
// work big; then a steady stream of short-lived garbage drives many cycles
// while the live set stays put. A stop-the-world collector pauses for the
// whole mark; a concurrent one only for its short stop phases.
//
// Deterministic results go to stdout; the timing facts, which differ between
// implementations and runs, go to stderr as "key=value" words (bench/gc
// parses them): cycles, max pause and total pause.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

type node struct {
	next *node
	val  int
	pad  [2]int
}

type pair struct {
	a, b *node
}

const (
	live       = 1000000 // live small objects
	parked     = 100000  // parked goroutines
	rounds     = 1000    // garbage rounds
	perRound   = 10000   // garbage objects per round
	sliceEvery = 4       // one garbage slice per this many objects
)

// hold parks until release is closed, keeping its own small chain alive on
// its stack; it reports the chain's sum when it wakes, so the chain must
// have survived every collection meanwhile.
func hold(id int, release chan struct{}, started, done *sync.WaitGroup, sums []int) {
	a := &node{val: id}
	b := &node{next: a, val: 1}
	p := &pair{a: b, b: a}
	started.Done()
	<-release
	sums[id] = p.a.val + p.a.next.val + p.b.val
	done.Done()
}

func main() {
	// The live set: a million nodes, half reachable from a slice, half
	// chained behind them.
	roots := make([]*node, live/2)
	for i := range roots {
		tail := &node{val: i}
		roots[i] = &node{next: tail, val: i}
	}

	release := make(chan struct{})
	var started, done sync.WaitGroup
	sums := make([]int, parked)
	started.Add(parked)
	done.Add(parked)
	for i := 0; i < parked; i++ {
		go hold(i, release, &started, &done, sums)
	}
	started.Wait()

	// Garbage: small objects and slices dropped straight away. One in a
	// thousand replaces a live node, so the live set keeps its size but
	// is not frozen.
	var keep *node
	checksum := 0
	for r := 0; r < rounds; r++ {
		for i := 0; i < perRound; i++ {
			n := &node{val: i}
			n.next = keep
			keep = n
			if i%sliceEvery == 0 {
				s := make([]int, 8+i%40)
				s[len(s)-1] = i
				checksum += len(s) - 8
			}
			if i%1000 == 0 {
				j := (r*perRound + i) % len(roots)
				roots[j] = &node{next: &node{val: j}, val: j}
			}
			if i%64 == 63 {
				keep = nil
			}
		}
	}

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)

	close(release)
	done.Wait()

	// Check the live set survived intact.
	total := 0
	for i, n := range roots {
		if n.val != i || n.next.val != i {
			fmt.Println("corrupt root", i)
			os.Exit(1)
		}
		total += 2
	}
	good := 0
	for i, s := range sums {
		if s == 2*i+1 {
			good++
		}
	}

	var maxPause uint64
	last := int(ms.NumGC)
	if last > 256 {
		last = 256
	}
	for i := 0; i < last; i++ {
		k := (int(ms.NumGC) - 1 - i + 256) % 256
		if ms.PauseNs[k] > maxPause {
			maxPause = ms.PauseNs[k]
		}
	}
	fmt.Fprintf(os.Stderr, "cycles=%d max_pause_us=%d total_pause_us=%d heap_mb=%d\n",
		ms.NumGC, maxPause/1000, ms.PauseTotalNs/1000, ms.HeapAlloc>>20)

	fmt.Println("ok")
	fmt.Println("live objects:", total)
	fmt.Println("goroutines kept their pointers:", good)
	fmt.Println("garbage checksum:", checksum)
	fmt.Println("collected:", ms.NumGC > 0)
}
