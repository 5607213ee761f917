// An unrecovered panic while other goroutines wait: GOTRACEBACK decides
// how many of them the report shows.
package main

import (
	"fmt"
	"time"
)

func recv(c chan int) {
	<-c
}

func main() {
	c := make(chan int)
	go recv(c)
	go func() { time.Sleep(time.Hour) }()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("before")
	panic("boom")
}
