// A sender on an unbuffered channel after its receiver gave up on a
// timeout: the classic leak. Found at the first collection after fetch
// returned.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func fetch() int {
	c := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		c <- 1 // LEAK chan send
	}()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Millisecond):
		return -1
	}
}

func main() {
	fmt.Println(fetch())
	time.Sleep(100 * time.Millisecond)
	runtime.GC()
	fmt.Println("done")
}
