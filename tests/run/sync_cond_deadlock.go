package main

// A goroutine parked in Cond.Wait that nobody signals: the deadlock dump
// shows it waiting as `[sync.Cond.Wait]`, in runtime_notifyListWait
// under (*Cond).Wait, as Go's does.

import (
	"fmt"
	"sync"
)

func waiter(mu *sync.Mutex, c *sync.Cond, ready chan<- bool) {
	mu.Lock()
	ready <- true
	c.Wait()
	mu.Unlock()
}

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := make(chan bool)
	go waiter(&mu, c, ready)
	<-ready
	// Wait released the mutex.
	mu.Lock()
	fmt.Println("locked while the waiter waits")
	mu.Unlock()
	block := make(chan int)
	<-block
}
