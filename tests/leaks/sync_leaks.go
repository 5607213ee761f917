// Leaks on each kind of sync object, and on nil channels (leaked by
// definition); main ends in select {} with a goroutine still able to
// end it, which is not a leak.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

func leakAll() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Wait() // LEAK sync.WaitGroup.Wait
	}()
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		c.Wait() // LEAK sync.Cond.Wait
		mu.Unlock()
	}()
	var rw sync.RWMutex
	rw.Lock()
	go func() {
		rw.RLock() // LEAK sync.RWMutex.RLock
	}()
	go func() {
		var nilc chan int
		nilc <- 1 // LEAK chan send (nil chan)
	}()
	a, b := make(chan int), make(chan int, 1)
	b <- 0
	go func() {
		select { // LEAK select
		case <-a:
		case b <- 1:
		}
	}()
	time.Sleep(10 * time.Millisecond)
}

func main() {
	leakAll()
	runtime.GC()
	fmt.Println("done")
	go func() {
		time.Sleep(10 * time.Millisecond)
		runtime.GC()
		os.Exit(0)
	}()
	select {}
}
