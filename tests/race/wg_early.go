package main

import (
	"fmt"
	"sync"
)

// Done comes before the write: Wait does not order it.
func main() {
	var wg sync.WaitGroup
	result := 0
	wg.Add(1)
	go func() {
		wg.Done()
		result = 1
	}()
	wg.Wait()
	fmt.Println(result >= 0)
}
