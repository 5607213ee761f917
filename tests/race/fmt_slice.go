package main

import (
	"fmt"
	"sync"
)

// fmt reads the elements of a slice it prints while another goroutine
// writes one.
func main() {
	s := []int{1, 2, 3}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s[1] = 5
	}()
	out := fmt.Sprint(s)
	wg.Wait()
	fmt.Println(len(out))
}
