// Hours of sleeping, on a seeded schedule's virtual clock: the run takes
// no real time, the sleepers wake in the order of their durations, and
// the clock starts at Go's playground time.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	done := make(chan string)
	for _, d := range []time.Duration{3 * time.Hour, time.Hour, 2 * time.Hour} {
		go func(d time.Duration) {
			time.Sleep(d)
			done <- d.String()
		}(d)
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-done)
	}
	select {
	case <-time.After(24 * time.Hour):
		fmt.Println("a day later")
	}
	fmt.Println(time.Since(start).Round(time.Hour))
	fmt.Println(start.Unix())
}
