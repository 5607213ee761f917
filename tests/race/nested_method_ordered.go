package main

// The same, with main's write before its send: the receive inside the
// String method orders the increment after it (no race).

import (
	"fmt"
	"time"
)

var shared int

type T struct{ c chan int }

func (t T) String() string {
	<-t.c
	shared++ // ordered after main's write by the channel
	return "t"
}

func main() {
	c := make(chan int)
	done := make(chan bool)
	go func() {
		fmt.Println(T{c})
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	shared = 1
	c <- 1
	<-done
	fmt.Println(shared)
}
