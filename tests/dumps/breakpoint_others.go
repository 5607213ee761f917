// runtime.Breakpoint in a goroutine while others wait: Go dies of the
// SIGTRAP and, as for every fatal signal, shows every goroutine whatever
// GOTRACEBACK says (crash then aborts).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func recv(c chan int) {
	<-c
}

func brk() {
	runtime.Breakpoint()
}

func main() {
	c := make(chan int)
	go recv(c)
	go func() { time.Sleep(time.Hour) }()
	done := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		fmt.Println("before")
		brk()
		done <- 1
	}()
	<-done
}
