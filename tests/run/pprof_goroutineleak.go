// runtime/pprof's goroutineleak profile: WriteTo runs the leak check,
// Count gives what it found, as Go 1.26's.
package main

import (
	"fmt"
	"io"
	"runtime/pprof"
	"sync"
	"time"
)

// leaks runs the check twice and counts what the second found: Go's
// may find a goroutine one cycle late (a blocked goroutine's channel
// still in a dead slot of the goroutine that just started it).
func leaks() int {
	p := pprof.Lookup("goroutineleak")
	for i := 0; i < 2; i++ {
		if err := p.WriteTo(io.Discard, 1); err != nil {
			fmt.Println(err)
		}
	}
	return p.Count()
}

func timeout() int {
	c := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		c <- 1
	}()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Millisecond):
		return -1
	}
}

func pair() {
	a, b := make(chan int), make(chan int)
	go func() { a <- <-b }()
	go func() { b <- <-a }()
}

func locked() {
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock() }()
}

var kept = make(chan int)

func main() {
	p := pprof.Lookup("goroutineleak")
	fmt.Println(p.Name(), p.Count(), pprof.Lookup("nosuch") == nil)
	fmt.Println("none yet:", leaks())
	go func() { <-kept }()
	fmt.Println("a global's channel:", leaks())
	fmt.Println(timeout())
	time.Sleep(50 * time.Millisecond)
	fmt.Println("after the timeout:", leaks())
	// Made by a goroutine that has ended, so that no frame keeps a stale
	// copy of their channels or lock (gol has no liveness maps).
	done := make(chan bool)
	go func() {
		pair()
		locked()
		done <- true
	}()
	<-done
	time.Sleep(10 * time.Millisecond)
	fmt.Println("after the pair and the lock:", leaks())
	fmt.Println("goroutines:", pprof.Lookup("goroutine").Count())
}
