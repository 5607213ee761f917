// pingpong: a million round trips between two goroutines over unbuffered
// channels. Each trip is two rendezvous, so each one parks a goroutine and
// wakes the other. Measures the cost of a blocking channel operation and a
// goroutine switch.
package main

import "fmt"

func main() {
	const trips = 1000000
	ping := make(chan int)
	pong := make(chan int)

	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()

	sum := 0
	for i := 0; i < trips; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, open := <-pong
	fmt.Println(trips, "round trips, sum", sum, "pong open:", open)
}
