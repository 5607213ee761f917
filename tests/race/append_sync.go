package main

import (
	"fmt"
	"sync"
)

// The same appends under a mutex, and an append that grows a slice after
// the goroutine that wrote it is waited for.
func main() {
	s := make([]int, 0, 4)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			t := append(s, i)
			_ = t
			mu.Unlock()
		}()
	}
	full := make([]int, 4)
	wg.Add(1)
	go func() {
		defer wg.Done()
		full[2] = 1
	}()
	wg.Wait()
	grown := append(full, 5)
	bs := append([]byte("ab"), "cd"...)
	fmt.Println(len(s), len(grown), grown[2], string(bs))
}
