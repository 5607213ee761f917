package main

// fmt calls a String method that locks a sync.Mutex another goroutine
// holds: the call waits (its P goes to the others) and goes on when the
// mutex is free; then eight goroutines format such values at once.

import (
	"fmt"
	"sync"
	"time"
)

// T's String method takes a mutex that another goroutine holds for a
// while: fmt calls it, and it must wait as any Go code would.
type T struct {
	mu *sync.Mutex
	n  *int
}

func (t T) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return fmt.Sprintf("T(%d)", *t.n)
}

func main() {
	var mu sync.Mutex
	n := 0
	t := T{&mu, &n}
	mu.Lock()
	done := make(chan bool)
	go func() {
		time.Sleep(20 * time.Millisecond)
		n = 42
		mu.Unlock()
		done <- true
	}()
	fmt.Println(t)
	<-done
	// Many goroutines formatting values whose String methods contend.
	var wg sync.WaitGroup
	out := make([]string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				out[i] = fmt.Sprint(t)
			}
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
