package main

import (
	"fmt"
	"sync"
)

// Each goroutine locks its own mutex: nothing orders their writes.
func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	shared := 0
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		shared++
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		shared++
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println(shared > 0)
}
