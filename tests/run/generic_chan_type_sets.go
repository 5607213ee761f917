package main

import "fmt"

// Channels of one element type and mixed directions: receive, range and
// make go through the restricted direction of the type set.

type Recv interface{ chan int | <-chan int }

type Send interface{ chan int | chan<- int }

func Drain[C Recv](c C) int {
	s := 0
	for x := range c {
		s += x
	}
	return s
}

func First[C Recv](c C) (int, bool) {
	x, ok := <-c
	return x, ok
}

func Put[C Send](c C, xs ...int) {
	for _, x := range xs {
		c <- x
	}
}

func Make[C chan int | chan<- int](n int) C {
	return make(C, n)
}

type Ints chan int

func CloseAll[C chan int | Ints](cs ...C) {
	for _, c := range cs {
		close(c)
	}
}

func main() {
	c := make(chan int, 8)
	Put(c, 1, 2, 3)
	var s chan<- int = c
	Put(s, 4)
	x, ok := First(c)
	fmt.Println(x, ok)
	var r <-chan int = c
	x, ok = First(r)
	fmt.Println(x, ok)
	close(c)
	fmt.Println(Drain(r))
	x, ok = First(c)
	fmt.Println(x, ok)

	m := Make[chan int](2)
	m <- 7
	fmt.Println(len(m), cap(m), <-m)
	w := Make[chan<- int](3)
	fmt.Println(len(w), cap(w))

	a, b := make(chan int), make(Ints)
	CloseAll(a)
	CloseAll(b, make(Ints))
	_, ok = <-a
	fmt.Println(ok)
	_, ok = <-b
	fmt.Println(ok)
}
