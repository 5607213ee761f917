package main

// sort.Slice with a less func that sleeps and sends on a channel, on
// main and on another goroutine.

import (
	"fmt"
	"sort"
	"time"
)

func main() {
	xs := []int{5, 2, 9, 1, 7, 3}
	ticks := make(chan int, 100)
	calls := 0
	sort.Slice(xs, func(i, j int) bool {
		time.Sleep(time.Millisecond)
		calls++
		ticks <- calls
		return xs[i] < xs[j]
	})
	fmt.Println(xs, calls > 0, len(ticks) == calls)
	ys := []string{"pear", "fig", "apple", "kiwi"}
	done := make(chan bool)
	go func() {
		sort.Slice(ys, func(i, j int) bool {
			time.Sleep(time.Millisecond)
			return ys[i] < ys[j]
		})
		done <- true
	}()
	<-done
	fmt.Println(ys)
}
