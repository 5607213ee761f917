// runtime/trace.Stop right after the last of many short goroutines ended:
// every one of them must have its last segment, ended "done", in the
// trace, whichever M ran it and whatever that M does next (look for
// work, spin, park).
package main

import (
	"fmt"
	"os"
	"runtime/trace"
	"sync"
)

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	for round := 0; round < 20; round++ {
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				s := 0
				for j := 0; j < 200*i; j++ {
					s += j
				}
				_ = s
			}(i)
		}
		wg.Wait()
	}
	trace.Stop()
	f.Close()
	fmt.Println(1 + 20*8)
}
