// sieve: the concurrent prime sieve from the Go tour, for the first 1,500
// primes. A chain of goroutines, one filter per prime found, connected by
// unbuffered channels: every candidate number hops along the chain until a
// filter rejects it. Measures goroutine creation, unbuffered send/receive
// and the scheduler's hand-off between a sender and its waiting receiver.
package main

import "fmt"

// generate sends 2, 3, 4, ... on ch, forever.
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

// filter passes on the values from in that prime does not divide.
func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	const count = 1500
	ch := make(chan int)
	go generate(ch)
	sum, last := 0, 0
	for i := 0; i < count; i++ {
		prime := <-ch
		sum += prime
		last = prime
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	// main returns with 1,501 goroutines still blocked: the program ends
	// anyway, as Go programs do.
	fmt.Println(count, "primes, the last is", last, "and their sum is", sum)
}
