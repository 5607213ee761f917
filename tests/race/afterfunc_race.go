package main

import (
	"fmt"
	"time"
)

// Written after time.AfterFunc: the callback's read races with it.
func main() {
	msg := "armed"
	done := make(chan bool)
	time.AfterFunc(5*time.Millisecond, func() {
		fmt.Println(len(msg))
		done <- true
	})
	msg = "changed"
	<-done
}
