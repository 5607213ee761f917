package main

import (
	"fmt"
	"strings"
	"sync"
)

// Printing a slice, a map and a []byte, and joining strings, after the
// goroutine that wrote them is waited for; then under a mutex while
// another goroutine keeps writing.
func main() {
	s := []int{1, 2, 3}
	m := map[int]int{1: 1}
	b := []byte("abc")
	parts := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s[1] = 5
		m[2] = 2
		b[0] = 'x'
		parts[1] = "x"
	}()
	wg.Wait()
	fmt.Println(s, m, string(b), strings.Join(parts, ","))
	fmt.Printf("%s %v\n", b, s)

	var mu sync.Mutex
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			mu.Lock()
			s[i%3] = i
			parts[i%3] = "y"
			mu.Unlock()
		}
	}()
	n := 0
	for i := 0; i < 100; i++ {
		mu.Lock()
		n += len(fmt.Sprint(s)) + len(strings.Join(parts, "-"))
		mu.Unlock()
	}
	wg.Wait()
	fmt.Println(n > 0)
}
