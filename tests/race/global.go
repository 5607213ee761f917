package main

import (
	"fmt"
	"time"
)

var total int

func add(n int) {
	total += n
}

func main() {
	done := make(chan bool)
	go func() {
		add(1)
		done <- true
	}()
	add(2)
	<-done
	time.Sleep(10 * time.Millisecond)
	fmt.Println("total set")
}
