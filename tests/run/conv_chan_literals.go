// Conversions to unparenthesised channel type literals, and the receive
// that a leading <- makes of them.
package main

import "fmt"

type Ch chan int

func main() {
	c := make(chan int, 3)
	c <- 1
	c <- 2
	d := chan int(c)
	fmt.Println(len(d), cap(d))
	// <-chan int(c) receives from chan int(c).
	v := <-chan int(c)
	fmt.Println(v)
	s := chan<- int(c)
	s <- 3
	fmt.Println(len(c))
	var r <-chan int = c
	fmt.Println(<-(<-chan int)(r))
	n := Ch(c)
	back := chan int(n)
	fmt.Println(<-back)
	// Elements that are themselves closed types.
	cs := make(chan []string, 1)
	cs <- []string{"a", "b"}
	fmt.Println(<-chan []string(cs))
	fp := chan *int(nil)
	fmt.Println(fp == nil)
	ff := chan func() int(nil)
	fmt.Println(ff == nil)
	fr := chan (<-chan int)(nil)
	fmt.Println(fr == nil)
	sr := chan<- <-chan int(nil)
	fmt.Println(sr == nil)
	m := chan map[string]int(nil)
	fmt.Println(m == nil)
	st := chan struct{}(nil)
	fmt.Println(st == nil)
	// In statement headers.
	if chan int(c) != nil {
		fmt.Println("not nil")
	}
	switch x := chan int(c); {
	case x == c:
		fmt.Println("same channel")
	}
	for i := 0; chan int(c) != nil && i < 1; i++ {
		fmt.Println("loop", i)
	}
	fmt.Printf("%T %T %T\n", chan int(c), chan<- int(c), []<-chan int(nil))
}
