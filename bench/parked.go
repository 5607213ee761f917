// parked: 200,000 goroutines that all block on one channel at once. Shows
// what a parked goroutine costs in memory (Go starts each stack at 2 KiB).
// Deterministic results go to stdout; the memory figures, which differ
// between implementations, go to stderr (bench/run also reports max RSS).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

func main() {
	const n = 200000
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	release := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-release // park here until main closes the channel
			done.Done()
		}()
	}
	started.Wait()
	// Every goroutine has run up to its receive; they are parked (or about
	// to park) on release.
	parked := runtime.NumGoroutine() - 1
	runtime.ReadMemStats(&after)

	perG := (after.Sys - before.Sys) / n
	fmt.Fprintf(os.Stderr, "memory: %d MiB obtained from the OS, %d bytes per goroutine; stacks in use %d MiB\n",
		(after.Sys-before.Sys)>>20, perG, after.StackInuse>>20)

	close(release)
	done.Wait()
	fmt.Println(parked, "goroutines parked at once, all released")
}
