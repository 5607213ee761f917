package main

import (
	"fmt"
	"sync"
	"time"
)

// fmt reads a map it prints while another goroutine deletes from it (the
// delete is over long before: the sleep orders nothing).
func main() {
	m := map[int]int{1: 1, 2: 2}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		delete(m, 2)
	}()
	time.Sleep(20 * time.Millisecond)
	out := fmt.Sprint(m)
	wg.Wait()
	fmt.Println(len(out) > 0)
}
