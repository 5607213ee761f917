package main

import "fmt"

func main() {
	const n = 20000
	c := make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) { c <- i }(i)
	}
	s := 0
	for i := 0; i < n; i++ {
		s += <-c
	}
	fmt.Println(s)
	// a chain of goroutines passing a value along
	first := make(chan int)
	in := first
	for i := 0; i < 2000; i++ {
		out := make(chan int)
		go func(in, out chan int) { out <- 1 + <-in }(in, out)
		in = out
	}
	first <- 0
	fmt.Println(<-in)
}
