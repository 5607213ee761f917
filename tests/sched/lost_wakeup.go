// The waiter checks a flag without holding the lock, then waits: if the
// signal comes between the check and the wait, it is lost and the
// waiter sleeps forever.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		ready = true
		mu.Unlock()
		cond.Signal()
	}()
	if !ready {
		mu.Lock()
		cond.Wait()
		mu.Unlock()
	}
	fmt.Println("woken")
}
