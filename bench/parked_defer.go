// parked_defer: parked's workload with a deferred call pending in each
// goroutine: 200,000 goroutines that all block on one channel at once.
// Shows what a parked goroutine costs in memory (Go starts each stack at
// 2 KiB). The count is the first argument
// (default 200000), so the whole process's peak RSS can be compared with a
// run of 0 goroutines (bench/parked.sh does, and divides).
// Deterministic results go to stdout; the memory figures, which differ
// between implementations, go to stderr (bench/run also reports max RSS).
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
)

func main() {
	n := 200000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 0 {
			fmt.Fprintln(os.Stderr, "usage: parked_defer [count]")
			os.Exit(2)
		}
		n = v
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	release := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer done.Done()
			started.Done()
			<-release // park here until main closes the channel
		}()
	}
	started.Wait()
	// Every goroutine has run up to its receive; they are parked (or about
	// to park) on release.
	parked := runtime.NumGoroutine() - 1
	runtime.ReadMemStats(&after)

	if n > 0 {
		perG := (after.Sys - before.Sys) / uint64(n)
		fmt.Fprintf(os.Stderr, "memory: %d MiB obtained from the OS, %d bytes per goroutine; stacks in use %d MiB\n",
			(after.Sys-before.Sys)>>20, perG, after.StackInuse>>20)
	}

	close(release)
	done.Wait()
	fmt.Println(parked, "goroutines parked at once, all released")
}
