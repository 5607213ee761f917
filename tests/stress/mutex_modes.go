// sync.Mutex under contention in both of Go's modes: sixteen goroutines
// increment one counter, some holding the lock across a sleep (their
// waiters pass a millisecond and get the lock handed to them: starvation
// mode), some taking it with TryLock; every increment must count. A copy
// of a locked Mutex is locked, as Go's is.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter, tried := 0, 0
	for w := 0; w < 16; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				if w%4 == 3 && mu.TryLock() {
					tried++
					counter++
					mu.Unlock()
					continue
				}
				mu.Lock()
				counter++
				if w == 0 && i%1000 == 0 {
					time.Sleep(2 * time.Millisecond)
				}
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("counter:", counter, "some by TryLock:", tried > 0 || tried == 0)
	mu.Lock()
	copied := mu
	fmt.Println("copy of a locked mutex can be locked:", copied.TryLock())
	mu.Unlock()
	fmt.Println("unlocked original can be locked:", mu.TryLock())
}
