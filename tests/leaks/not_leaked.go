// Goroutines that wait but are not leaked: on a channel main still
// holds, on a channel in a package variable (alone, or in a select
// with a channel nobody else has), on a WaitGroup main will
// release, asleep, in IO wait on a listener, on a channel only a running
// goroutine holds; and one on a channel reachable only through a
// buffered channel that main holds. None is
// reported, at any collection or at exit, until main lets go of the
// local channels (then the check at exit reports those alone).
package main

import (
	"fmt"
	"net"
	"runtime"
	"sync"
	"time"
)

var global = make(chan int)

// spin starts a goroutine that waits on a channel only a running
// goroutine holds: the spinner, which sends once stop is closed.
func spin(stop chan bool, done chan bool) {
	c := make(chan int)
	go func() {
		<-c
		done <- true
	}()
	go func() {
		for {
			select {
			case <-stop:
				c <- 1
				return
			default:
				runtime.Gosched()
			}
		}
	}()
}

// stash leaves a channel that a goroutine waits on in outer's buffer
// only: its own frame is dead once it returns.
func stash(outer chan chan int) {
	inner := make(chan int)
	go func() { <-inner }() // LEAK chan receive (at exit)
	outer <- inner
}

func main() {
	held := make(chan int)
	go func() { <-held }() // LEAK chan receive (at exit)
	go func() { <-global }()
	go func() {
		// One case on a channel only this goroutine holds, one on the
		// package variable: reachable through the second.
		mine := make(chan int)
		select {
		case <-mine:
		case <-global:
		}
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	done := make(chan bool)
	go func() {
		wg.Wait()
		done <- true
	}()
	go func() { time.Sleep(time.Hour) }()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	go func() {
		c, err := ln.Accept()
		if err == nil {
			c.Close()
		}
	}()
	outer := make(chan chan int, 1)
	stash(outer)
	stop, spun := make(chan bool), make(chan bool)
	spin(stop, spun)
	for i := 0; i < 3; i++ {
		time.Sleep(10 * time.Millisecond)
		runtime.GC()
	}
	wg.Done()
	<-done
	close(stop)
	<-spun
	fmt.Println(len(held), len(outer), "done")
}
