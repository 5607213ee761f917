package main

// main calling runtime.Goexit: its deferred calls run, the other
// goroutines go on, and when none is left the program dies with Go's
// "no goroutines" deadlock error (exit status 2).

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	done := make(chan bool)
	go func() {
		<-done
		time.Sleep(5 * time.Millisecond)
		fmt.Println("the other goroutine still runs")
	}()
	defer fmt.Println("main's deferred call")
	defer close(done)
	runtime.Goexit()
	fmt.Println("not reached")
}
