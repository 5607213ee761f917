// Goroutines parked on one channel, each with a deferred call pending: the
// count is the first argument. The memory test compares the peak RSS of a
// run with 200,000 and one with 0.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func main() {
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		panic(err)
	}
	release := make(chan int)
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	sum := 0
	var mu sync.Mutex
	for i := 0; i < n; i++ {
		go func() {
			defer done.Done()
			started.Done()
			v := <-release
			mu.Lock()
			sum += v
			mu.Unlock()
		}()
	}
	started.Wait()
	for i := 0; i < n; i++ {
		release <- i
	}
	done.Wait()
	fmt.Println(n, sum)
}
