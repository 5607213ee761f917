package main

// main calling runtime.Goexit while the only other goroutine blocks
// forever: Go's "all goroutines are asleep" dump, without main.

import (
	"fmt"
	"runtime"
)

func main() {
	c := make(chan int)
	started := make(chan bool)
	go func() {
		fmt.Println("blocked forever")
		close(started)
		<-c
	}()
	<-started
	runtime.Goexit()
}
