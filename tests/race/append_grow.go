package main

import (
	"fmt"
	"sync"
)

// An append that grows a full slice reads the elements it moves while
// another goroutine writes one of them.
func main() {
	full := make([]int, 4)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		full[2] = 1
	}()
	grown := append(full, 5)
	wg.Wait()
	fmt.Println(len(grown))
}
