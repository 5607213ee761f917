package main

// A String method that fmt calls receives from a channel (waiting
// inside the native) and then increments a variable main writes after
// its send: a race the detector must see across the wait.

import (
	"fmt"
	"time"
)

var shared int

type T struct{ c chan int }

func (t T) String() string {
	<-t.c
	shared++ // races with main's write: no edge orders them
	return "t"
}

func main() {
	c := make(chan int)
	go func() {
		fmt.Println(T{c})
	}()
	c <- 1
	shared = 2 // after the send: unordered with the method's increment
	time.Sleep(50 * time.Millisecond)
}
