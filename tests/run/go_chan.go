package main

import "fmt"

type T struct{ n int }

func (t T) Send(c chan int) { c <- t.n }

func main() {
	c := make(chan int)
	done := make(chan bool, 1)
	go func() {
		for i := 0; i < 5; i++ {
			c <- i
		}
		close(c)
	}()
	for v := range c {
		fmt.Println("got", v)
	}
	v, ok := <-c
	fmt.Println(v, ok, len(done), cap(done))
	r := make(chan string, 3)
	for i := 0; i < 3; i++ {
		go func(i int) { r <- fmt.Sprint("w", i) }(i)
	}
	m := map[string]bool{}
	for i := 0; i < 3; i++ {
		m[<-r] = true
	}
	fmt.Println(len(m))
	go T{7}.Send(c2)
	fmt.Println(<-c2)
	q := make(chan int)
	go func() { q <- 1 }()
	select {
	case x := <-q:
		fmt.Println("sel", x)
	}
	select {
	case x, ok := <-q:
		fmt.Println("no", x, ok)
	default:
		fmt.Println("default")
	}
	done <- true
	<-done
}

var c2 = make(chan int)
