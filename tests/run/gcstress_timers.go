package main

import (
	"fmt"
	"sync"
	"time"
)

type payload struct {
	name string
	vals []int
}

func main() {
	// AfterFunc closures whose only reference is the pending timer: the
	// collector must keep them (and what they capture) alive.
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < 20; i++ {
		p := &payload{name: fmt.Sprint("p", i), vals: make([]int, 100)}
		for j := range p.vals {
			p.vals[j] = i
		}
		wg.Add(1)
		time.AfterFunc(time.Duration(i%5)*time.Millisecond, func() {
			defer wg.Done()
			s := 0
			for _, v := range p.vals {
				s += v
			}
			mu.Lock()
			sum += s + len(p.name)
			mu.Unlock()
		})
		// Garbage between arming and firing.
		_ = make([]string, 50)
	}
	wg.Wait()
	fmt.Println("sum:", sum)

	// A reset AfterFunc keeps its closure too.
	done := make(chan string)
	t := time.AfterFunc(time.Hour, func() { done <- fmt.Sprint("reset ", 42) })
	for i := 0; i < 100; i++ {
		_ = make([]byte, 1000)
	}
	t.Reset(time.Millisecond)
	fmt.Println(<-done)

	// Values received from timer channels while collecting.
	tk := time.NewTicker(time.Millisecond)
	for i := 0; i < 5; i++ {
		<-tk.C
		_ = fmt.Sprint(i)
	}
	tk.Stop()
	fmt.Println("ticks received")
}
