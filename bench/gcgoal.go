// gcgoal: does the collector keep the heap near its goal while the live heap
// grows and shrinks? The program keeps a sliding window of buffers (small
// pointer-holding records, each owning a buffer of ints) whose length swings
// between a low and a high mark three times, so the live heap climbs to
// about 45 MB and falls back to about 2 MB, over and over. Run it under
// several GOGC values with GODEBUG=gctrace=1: bench/gc compares each
// cycle's heap at mark end with that cycle's goal.
//
// The buffers are []int, not []byte: gol stores every slice element,
// bytes too, in a whole 8-byte word, so a []byte would weigh eight times
// Go's and the RSS comparison would measure that representation rather
// than the collector.
//
// Deterministic results go to stdout; stderr carries the runtime's own
// summary as "key=value" words (cycles, heap goal at exit).
package main

import (
	"fmt"
	"os"
	"runtime"
)

type record struct {
	id   int
	buf  []int
	prev *record
}

const (
	steps   = 240000 // buffers allocated in all
	lowMark = 500    // window length at the bottom of a swing
	highMrk = 12000  // window length at the top of a swing
	swings  = 3      // up-and-down swings over the run
)

// windowLen is the target window length at step i: a triangle wave between
// lowMark and highMrk, swings times over the run.
func windowLen(i int) int {
	period := steps / swings
	phase := i % period
	half := period / 2
	span := highMrk - lowMark
	if phase < half {
		return lowMark + span*phase/half
	}
	return highMrk - span*(phase-half)/half
}

func main() {
	ring := make([]*record, highMrk+1)
	head, tail, count := 0, 0, 0 // oldest at head, next free at tail
	checksum := 0
	peakLen := 0
	var last *record
	for i := 0; i < steps; i++ {
		size := 128 + (i*37)%640 // 1 KiB to 6 KiB
		r := &record{id: i, buf: make([]int, size), prev: last}
		r.buf[0] = i & 255
		r.buf[size-1] = (i >> 8) & 255
		// Only the newest record links to its predecessor, and the link
		// is cut when the next one arrives: the chain is never long.
		if last != nil {
			last.prev = nil
		}
		last = r
		ring[tail] = r
		tail = (tail + 1) % len(ring)
		count++
		for count > windowLen(i) {
			old := ring[head]
			checksum += int(old.buf[0]) + int(old.buf[len(old.buf)-1]) + old.id%7
			ring[head] = nil
			head = (head + 1) % len(ring)
			count--
		}
		if count > peakLen {
			peakLen = count
		}
	}
	for count > 0 {
		old := ring[head]
		checksum += int(old.buf[0]) + int(old.buf[len(old.buf)-1]) + old.id%7
		ring[head] = nil
		head = (head + 1) % len(ring)
		count--
	}

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "cycles=%d next_gc_mb=%d\n", ms.NumGC, ms.NextGC>>20)

	fmt.Println("steps:", steps)
	fmt.Println("peak window:", peakLen)
	fmt.Println("checksum:", checksum)
	fmt.Println("collected:", ms.NumGC > 0)
}
