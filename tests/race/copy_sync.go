package main

import (
	"fmt"
	"sync"
)

// copy after wg.Wait: the goroutine's writes to both slices happen before
// it reads one and writes the other.
func main() {
	src := make([]int, 8)
	dst := make([]int, 8)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		src[3] = 42
		dst[5] = 7
	}()
	wg.Wait()
	n := copy(dst, src)
	b := make([]byte, 4)
	m := copy(b, "gol!")
	fmt.Println(n, dst[3], dst[5], m, string(b))
}
