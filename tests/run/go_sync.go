package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				mu.Lock()
				total += n
				runtime.Gosched()
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(total, runtime.NumGoroutine())
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once") })
	}

	time.Sleep(20 * time.Millisecond)
	fmt.Println("slept")
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	defer func() { fmt.Println("recovered:", recover()) }()
	wg.Add(-1)
}
