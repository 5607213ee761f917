// Workers ranging over a channel nobody closes: when the producer
// returns, they wait forever.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func process(items []int) int {
	jobs := make(chan int)
	var mu sync.Mutex
	sum := 0
	for i := 0; i < 2; i++ {
		go func() {
			for j := range jobs { // LEAK chan receive x2
				mu.Lock()
				sum += j
				mu.Unlock()
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	return sum
}

func main() {
	fmt.Println(process([]int{1, 2, 3, 4}))
	runtime.GC()
	fmt.Println("done")
}
