package main

import (
	"fmt"
	"strings"
)

type node struct {
	name string
	next *node
}

// Strings and pointers wait in channel buffers and in blocked senders
// while the other goroutines allocate enough garbage to force collections.
func main() {
	buf := make(chan string, 64)
	nodes := make(chan *node)
	for i := 0; i < 64; i++ {
		buf <- strings.Repeat(fmt.Sprint(i%10), 3)
	}
	go func() {
		var head *node
		for i := 0; i < 20; i++ {
			head = &node{fmt.Sprint("n", i), head}
			nodes <- head
		}
		close(nodes)
	}()
	junk := 0
	for i := 0; i < 200000; i++ {
		s := fmt.Sprint("garbage", i)
		junk += len(s)
	}
	total := 0
	for i := 0; i < 64; i++ {
		s := <-buf
		if s != strings.Repeat(fmt.Sprint(i%10), 3) {
			fmt.Println("corrupt", i, s)
		}
		total += len(s)
	}
	count := 0
	for n := range nodes {
		for p := n; p != nil; p = p.next {
			count++
		}
		for i := 0; i < 2000; i++ {
			_ = fmt.Sprint("more garbage", i)
		}
	}
	fmt.Println(total, count, junk > 0, nodes != nil)
}
