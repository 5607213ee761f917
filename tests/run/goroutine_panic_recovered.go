// A panic recovered in a goroutine after its deferred call released main
// does not hold main's return up: the program exits normally.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer func() {
				if recover() != nil {
					mu.Lock()
					got++
					mu.Unlock()
				}
			}()
			defer wg.Done()
			panic(i)
		}()
	}
	wg.Wait()
	fmt.Println("main returns")
}
