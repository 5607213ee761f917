// A goroutine's unrecovered panic ends the program with status 2 even when
// one of its deferred calls released main before the panic was reported:
// main's return waits for goroutines running a panic's deferred calls.
package main

import "sync"

var sink int

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer func() {
			for i := 0; i < 10000; i++ {
				sink += i
			}
		}()
		defer wg.Done()
		var m map[string]int
		m["x"] = 1
	}()
	wg.Wait()
}
