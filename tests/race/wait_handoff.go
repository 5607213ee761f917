package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make([]int, 8)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i * 10
		}(i)
	}
	wg.Wait()
	sum := 0
	for _, r := range results {
		sum += r
	}
	fmt.Println(sum)
	m := map[int]int{}
	var once sync.Once
	var rw sync.RWMutex
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			once.Do(func() { m[0] = 1 })
			rw.Lock()
			m[i] = i
			rw.Unlock()
			rw.RLock()
			_ = m[0]
			rw.RUnlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(len(m))
}
