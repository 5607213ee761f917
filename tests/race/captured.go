package main

import (
	"fmt"
	"time"
)

func main() {
	msg := "hello"
	go func() {
		msg = "bye"
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println(len(msg))
}
