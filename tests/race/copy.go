package main

import (
	"fmt"
	"sync"
)

// copy reads its source while another goroutine writes an element of it.
func main() {
	src := make([]int, 8)
	dst := make([]int, 8)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		src[3] = 42
	}()
	n := copy(dst, src)
	wg.Wait()
	fmt.Println(n)
}
