package main

import (
	"fmt"
	"sync"
)

// A buffered channel as a counting semaphore, acquired by a send: Go's
// memory model orders the k-th receive before the (k+C)-th send
// completes, so the counter is protected.
func main() {
	sem := make(chan struct{}, 1)
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				sem <- struct{}{}
				counter++
				<-sem
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
