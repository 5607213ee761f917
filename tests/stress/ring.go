// A token passed around a ring of 10,000 goroutines for 20 laps: every
// hand-off wakes a parked goroutine, so a lost wakeup hangs the ring.
package main

import "fmt"

const n = 10000
const laps = 20

func main() {
	first := make(chan int)
	in := first
	for i := 0; i < n-1; i++ {
		out := make(chan int)
		go func(in <-chan int, out chan<- int) {
			for v := range in {
				out <- v + 1
			}
			close(out)
		}(in, out)
		in = out
	}
	last := in
	token := 0
	for lap := 0; lap < laps; lap++ {
		first <- token
		token = <-last
	}
	close(first)
	for range last {
	}
	fmt.Println("token", token, "expected", n*laps-laps)
}
