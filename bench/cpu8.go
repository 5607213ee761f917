// cpu8: eight CPU-bound goroutines with nothing to share. Run it with
// GOMAXPROCS=1 and GOMAXPROCS=2: with two Ps the wall time should nearly
// halve, because goroutines run in parallel on two OS threads. bench/run
// does both and prints the speedup.
package main

import (
	"fmt"
	"sync"
)

// work is a pure integer loop (an LCG), so each goroutine needs no memory
// and no synchronisation until it reports its result.
func work(seed, rounds int) int {
	x := seed
	for i := 0; i < rounds; i++ {
		x = (x*1103515245 + 12345) & 0x7fffffff
	}
	return x
}

func main() {
	const workers = 8
	const rounds = 20000000 // 160 million steps in all
	results := make([]int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			results[w] = work(w+1, rounds)
		}(w)
	}
	wg.Wait()
	for w, r := range results {
		fmt.Println("worker", w, "->", r)
	}
}
