package main

// A panic in a time.AfterFunc callback: the goroutine was created by Go's
// timer goroutine function, time.goFunc.

import (
	"fmt"
	"time"
)

func main() {
	time.AfterFunc(time.Millisecond, func() {
		panic("boom in the callback")
	})
	time.Sleep(2 * time.Second)
	fmt.Println("not reached")
}
