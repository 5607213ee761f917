package main

// A String method waits on a channel nobody will send on, while another
// goroutine waits too: Go's deadlock report, with the method's frame.

import (
	"fmt"
	"sync"
)

type T struct{ c chan int }

func (t T) String() string { return fmt.Sprint(<-t.c) }

func main() {
	var mu sync.Mutex
	mu.Lock()
	go func() {
		mu.Lock()
	}()
	fmt.Println("before")
	fmt.Println(T{make(chan int)})
}
