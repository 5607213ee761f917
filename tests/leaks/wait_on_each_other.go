// Two goroutines each waiting for the other to send first: a deadlock
// between the two that Go's deadlock detector cannot see while main
// runs; leaked once nothing else holds their channels.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func pair() {
	a := make(chan int)
	b := make(chan int)
	go func() {
		a <- <-b // LEAK chan receive
	}()
	go func() {
		b <- <-a // LEAK chan receive
	}()
}

func main() {
	pair()
	time.Sleep(10 * time.Millisecond)
	runtime.GC()
	fmt.Println("done")
}
