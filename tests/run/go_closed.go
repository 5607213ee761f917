package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	c := make(chan int, 2)
	c <- 1
	close(c)
	v, ok := <-c
	fmt.Println(v, ok)
	v, ok = <-c
	fmt.Println(v, ok)
	try("send", func() { c <- 3 })
	try("close", func() { close(c) })
	var n chan int
	try("close nil", func() { close(n) })
	size := -1
	try("make", func() { _ = make(chan int, size) })
	q := make(chan int)
	done := make(chan bool)
	close(q)
	go func() {
		defer func() { fmt.Println("sender:", recover()); done <- true }()
		q <- 1
	}()
	<-done
	fmt.Println(<-q)
}
