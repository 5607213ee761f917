// race_wake: N goroutines (default 20,000; the first argument) park on one
// channel, are all woken by closing it, and park again on a second one
// before main closes that too. Each woken goroutine has synchronised with
// every other (through the WaitGroup main waited on before the first
// close): under a race detector whose vector clocks have an entry per
// goroutine, N parked clocks of N entries each, O(N²) memory. Deterministic
// output on stdout; run it under -race and compare peak RSS.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := 20000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 0 {
			fmt.Fprintln(os.Stderr, "usage: race_wake [count]")
			os.Exit(2)
		}
		n = v
	}
	first := make(chan struct{})
	second := make(chan struct{})
	var started, woken, done sync.WaitGroup
	started.Add(n)
	woken.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer done.Done()
			started.Done()
			<-first
			woken.Done()
			<-second
		}()
	}
	started.Wait()
	close(first)
	woken.Wait()
	close(second)
	done.Wait()
	fmt.Println(n, "goroutines woken twice")
}
