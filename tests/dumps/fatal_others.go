// A fatal error (not a panic: recover cannot stop it) while another
// goroutine waits.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	c := make(chan int)
	go func() { <-c }()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("before")
	var mu sync.Mutex
	mu.Unlock()
}
