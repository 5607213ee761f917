package main

import (
	"fmt"
	"time"
)

func main() {
	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("got", v)
	case <-time.After(5 * time.Millisecond):
		fmt.Println("timeout")
	}
	done := make(chan string)
	go func() {
		time.Sleep(2 * time.Millisecond)
		done <- "worker finished"
	}()
	select {
	case s := <-done:
		fmt.Println(s)
	case <-time.After(5 * time.Second):
		fmt.Println("too slow")
	}
	<-time.After(time.Millisecond)
	fmt.Println("end")
}
