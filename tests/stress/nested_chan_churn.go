package main

// Many goroutines at once in String methods that wait for a channel a
// feeder goroutine fills: each wait parks its goroutine locked to its
// thread while the feeders' sends race with the parks.

import (
	"fmt"
	"sync"
)

type E struct{ c chan int }

func (e E) Error() string { return fmt.Sprint(<-e.c) }

func main() {
	const workers, rounds = 6, 400
	var wg sync.WaitGroup
	sums := make([]int, workers)
	for w := 0; w < workers; w++ {
		c := make(chan int, w%2)
		go func() {
			for i := 0; i < 2*rounds; i++ {
				c <- i
			}
		}()
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error = E{c}
			for i := 0; i < rounds; i++ {
				var a, b int
				fmt.Sscan(fmt.Sprintf("%v %v", err, err), &a, &b)
				sums[w] += a + b
			}
		}()
	}
	wg.Wait()
	fmt.Println(sums)
}
