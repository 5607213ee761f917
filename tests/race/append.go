package main

import (
	"fmt"
	"sync"
)

// Two goroutines append to one slice with room to spare: both write its
// first free element.
func main() {
	s := make([]int, 0, 4)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := append(s, i)
			_ = t
		}()
	}
	wg.Wait()
	fmt.Println(len(s), cap(s))
}
