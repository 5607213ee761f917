// Two goroutines write one map without synchronisation: Go's runtime
// catches it and dies with `fatal error: concurrent map writes`.
package main

import "sync"

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10000000; i++ {
				m[i%100+g*1000] = i
			}
		}(g)
	}
	wg.Wait()
	println(len(m))
}
