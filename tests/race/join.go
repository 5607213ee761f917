package main

import (
	"fmt"
	"strings"
	"sync"
)

// strings.Join reads the elements of its slice while another goroutine
// writes one.
func main() {
	parts := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		parts[1] = "x"
	}()
	j := strings.Join(parts, ",")
	wg.Wait()
	fmt.Println(len(j))
}
