// A panic in a deferred call that runtime.Goexit runs, recovered by a
// deferred call further down: the recovering function returns normally
// and its caller goes on (the panic unwound past Goexit's deferred
// call), as in Go.
package main

import (
	"fmt"
	"runtime"
)

func finish() {
	defer fmt.Println("finish's deferred call")
	runtime.Goexit()
}

func mid() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	defer func() {
		panic("in Goexit's deferred call")
	}()
	finish()
	fmt.Println("not reached")
}

func worker(done chan string) {
	defer func() { done <- "worker's deferred call" }()
	mid()
	fmt.Println("after mid")
}

func main() {
	done := make(chan string)
	go worker(done)
	fmt.Println(<-done)
}
