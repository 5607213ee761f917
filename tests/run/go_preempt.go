package main

import (
	"fmt"
	"time"
)

func main() {
	x := 0
	go func() {
		for {
			x++
		}
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
