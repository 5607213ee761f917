package main

import (
	"fmt"
	"sync"
)

func Range(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := range Range(10) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(total)
	ch := make(chan int)
	go func() {
		for i := range Range(3) {
			ch <- i * 10
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
