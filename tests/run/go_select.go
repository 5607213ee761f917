package main

import "fmt"

type msg struct {
	id   int
	text string
}

func producer(out chan<- msg, n int, quit <-chan struct{}) {
	for i := 0; i < n; i++ {
		select {
		case out <- msg{i, fmt.Sprint("m", i)}:
		case <-quit:
			return
		}
	}
	close(out)
}

func main() {
	a := make(chan msg)
	b := make(chan msg, 4)
	quit := make(chan struct{})
	go producer(a, 5, quit)
	go producer(b, 5, quit)
	got := 0
	sum := 0
	for a != nil || b != nil {
		select {
		case m, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += m.id
			got++
		case m, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += m.id * 10
			got++
		}
	}
	fmt.Println(got, sum)
	var never chan int
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel is never ready")
	}
	close(quit)
	results := make(chan int)
	for i := 0; i < 50; i++ {
		go func(i int) { results <- i * i }(i)
	}
	t := 0
	for i := 0; i < 50; i++ {
		t += <-results
	}
	fmt.Println(t)
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	x := 0
	for i := 0; i < 1000; i++ {
		ping <- x
		x = <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println(x, ok)
	select {}
}
