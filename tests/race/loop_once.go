package main

import (
	"fmt"
	"sync"
)

func main() {
	x := 0
	var wg sync.WaitGroup
	wg.Add(2)
	for k := 0; k < 2; k++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				x = i
			}
		}()
	}
	wg.Wait()
	fmt.Println(x >= 0)
}
