// mutex: four goroutines increment one counter under one sync.Mutex, two
// million times in all. Measures an uncontended-to-contended Lock/Unlock
// pair, and under -race the cost of a release and an acquire per pair.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const workers = 4
	const perWorker = 500000
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(workers, "workers,", counter, "increments")
}
