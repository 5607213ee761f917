package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	queue := []int{}
	done := make(chan bool)
	go func() {
		got := 0
		for got < 5 {
			mu.Lock()
			for len(queue) == 0 {
				c.Wait()
			}
			got += len(queue)
			queue = queue[:0]
			mu.Unlock()
		}
		done <- true
	}()
	for i := 0; i < 5; i++ {
		mu.Lock()
		queue = append(queue, i)
		c.Signal()
		mu.Unlock()
	}
	<-done
	fmt.Println("consumed")
}
