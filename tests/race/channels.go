package main

import "fmt"

func main() {
	counter := 0
	done := make(chan bool)
	tok := make(chan struct{}, 1)
	tok <- struct{}{}
	for i := 0; i < 8; i++ {
		go func() {
			for j := 0; j < 1000; j++ {
				<-tok
				counter++
				tok <- struct{}{}
			}
			done <- true
		}()
	}
	for i := 0; i < 8; i++ {
		<-done
	}
	fmt.Println(counter)
	// unbuffered handoff of a slice
	data := make([]int, 10)
	ch := make(chan []int)
	back := make(chan bool)
	go func() {
		s := <-ch
		for i := range s {
			s[i] = i * i
		}
		back <- true
	}()
	ch <- data
	<-back
	fmt.Println(data)
	// select
	res := make(chan int)
	quit := make(chan bool)
	x := 0
	go func() {
		x = 42
		select {
		case res <- 1:
		case <-quit:
		}
	}()
	select {
	case <-res:
	}
	fmt.Println(x)
	// close
	y := 0
	c := make(chan int)
	go func() { y = 7; close(c) }()
	<-c
	fmt.Println(y)
}
