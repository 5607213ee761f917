package main

// String and Error methods that receive from channels other goroutines
// feed, called by fmt (each call blocks inside the native).

import (
	"fmt"
	"strings"
)

// R's String method receives its text from a channel that another
// goroutine feeds.
type R struct{ c chan string }

func (r R) String() string { return "<" + <-r.c + ">" }

type E struct{ c chan int }

func (e E) Error() string {
	v := <-e.c
	return fmt.Sprint("error ", v)
}

func main() {
	c := make(chan string)
	go func() {
		for i := 0; i < 5; i++ {
			c <- strings.Repeat("x", i)
		}
		close(c)
	}()
	r := R{c}
	for i := 0; i < 5; i++ {
		fmt.Println(i, r)
	}
	fmt.Printf("%v|%s\n", r, r)
	ec := make(chan int, 1)
	go func() {
		for i := 0; ; i++ {
			ec <- i
		}
	}()
	var err error = E{ec}
	for i := 0; i < 3; i++ {
		fmt.Println(err)
	}
	s := fmt.Sprintf("%v and %v", err, err)
	fmt.Println(s)
}
