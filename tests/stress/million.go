// A million goroutines created and joined, each adding its index into a
// shared counter under a mutex, in batches so a quarter million are alive
// at once.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const total = 1000000
	const batch = 250000
	var mu sync.Mutex
	var wg sync.WaitGroup
	sum := 0
	for b := 0; b < total; b += batch {
		wg.Add(batch)
		for i := b; i < b+batch; i++ {
			go func(i int) {
				mu.Lock()
				sum += i
				mu.Unlock()
				wg.Done()
			}(i)
		}
		wg.Wait()
	}
	fmt.Println("sum", sum, "expected", total*(total-1)/2)
}
