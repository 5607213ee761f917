// A goroutine waiting on a mutex that a leaked goroutine holds: both are
// leaked, found in the same check.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

type state struct {
	mu    sync.Mutex
	ready chan bool
	n     int
}

func start() {
	s := &state{ready: make(chan bool)}
	go func() {
		s.mu.Lock()
		<-s.ready // LEAK chan receive
		s.mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	go func() {
		s.mu.Lock() // LEAK sync.Mutex.Lock
		s.n++
		s.mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
}

func main() {
	start()
	runtime.GC()
	fmt.Println("done")
}
