package main

import (
	"fmt"
	"sync"
)

// copy writes its destination while another goroutine reads an element
// of it; the bytes of a string copied into a []byte as well.
func main() {
	dst := make([]byte, 8)
	var wg sync.WaitGroup
	wg.Add(1)
	sum := 0
	go func() {
		defer wg.Done()
		sum += int(dst[2])
	}()
	n := copy(dst, "a string")
	wg.Wait()
	fmt.Println(n)
}
