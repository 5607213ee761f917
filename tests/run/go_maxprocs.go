package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	old := runtime.GOMAXPROCS(3)
	fmt.Println("changed:", old >= 1)
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	fmt.Println("still:", runtime.GOMAXPROCS(-1))
	fmt.Println("previous:", runtime.GOMAXPROCS(1))
	var wg sync.WaitGroup
	n := 0
	var mu sync.Mutex
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("one P:", runtime.GOMAXPROCS(0), n)
	runtime.GOMAXPROCS(2)
	fmt.Println("two Ps:", runtime.GOMAXPROCS(0))
}
