// Select storms: 64 producers and 64 consumers on 8 channels of mixed
// capacity, every operation a select over several channels with a
// default or a quit case. Every value sent is received exactly once.
package main

import (
	"fmt"
	"sync"
)

func main() {
	const producers = 64
	const perProducer = 2000
	chans := make([]chan int, 8)
	for i := range chans {
		chans[i] = make(chan int, i%3*4) // capacities 0, 4, 8
	}
	quit := make(chan struct{})
	var sent, got sync.WaitGroup
	results := make(chan int, 64)
	for p := 0; p < producers; p++ {
		sent.Add(1)
		go func(p int) {
			defer sent.Done()
			for k := 0; k < perProducer; k++ {
				v := p*perProducer + k + 1
				a, b := chans[(p+k)%8], chans[(p+3*k+1)%8]
				select {
				case a <- v:
				case b <- v:
				}
			}
		}(p)
	}
	for c := 0; c < 64; c++ {
		got.Add(1)
		go func(c int) {
			defer got.Done()
			sum, n := 0, 0
			for {
				select {
				case v := <-chans[c%8]:
					sum += v
					n++
				case v := <-chans[(c+5)%8]:
					sum += v
					n++
				case <-quit:
					// Drain what is still buffered, without blocking.
					for {
						select {
						case v := <-chans[c%8]:
							sum += v
							n++
						default:
							results <- sum
							return
						}
					}
				}
			}
		}(c)
	}
	sent.Wait()
	close(quit)
	go func() { got.Wait(); close(results) }()
	total := 0
	for s := range results {
		total += s
	}
	nv := producers * perProducer
	fmt.Println("received sum", total, "expected", nv*(nv+1)/2)
}
