package main

import (
	"fmt"
	"sync"
)

type stats struct {
	hits, misses int
}

// Each goroutine writes its own element; main reads them all after
// Wait: Done happens before Wait returns, so nothing races.
func main() {
	var wg sync.WaitGroup
	out := make([]stats, 6)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := &out[i]
			for k := 0; k < 50; k++ {
				if k%3 == 0 {
					s.hits++
				} else {
					s.misses++
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, s := range out {
		total += s.hits + s.misses
	}
	fmt.Println(total, out[0])
}
