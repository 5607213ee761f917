package main

import (
	"fmt"
	"time"
)

func FirstOf[T any](chs ...chan T) (T, int) {
	var zero T
	switch len(chs) {
	case 0:
		return zero, -1
	}
	for {
		for i, c := range chs {
			select {
			case v := <-c:
				return v, i
			default:
			}
		}
		time.Sleep(time.Millisecond)
	}
}

func WithTimeout[T any](c chan T, d time.Duration) (T, bool) {
	select {
	case v := <-c:
		return v, true
	case <-time.After(d):
		var z T
		return z, false
	}
}

func main() {
	a := make(chan string, 1)
	b := make(chan string, 1)
	b <- "from b"
	fmt.Println(FirstOf(a, b))
	c := make(chan float64)
	v, ok := WithTimeout(c, 10*time.Millisecond)
	fmt.Println(v, ok)
	go func() { c <- 2.5 }()
	v, ok = WithTimeout(c, time.Second)
	fmt.Println(v, ok)
}
