// Allocates 10 GB in total (a million 10,000-byte objects) while keeping a
// small, changing live set: a list of every 1000th object, dropped every
// 100,000. The collector must reclaim the rest as it goes.
package main

import "fmt"

type node struct {
	next *node
	buf  []int
}

func main() {
	var keep *node
	total := 0
	for i := 0; i < 1000000; i++ {
		n := &node{buf: make([]int, 1250)}
		n.buf[i%1250] = i
		total += len(n.buf) * 8
		if i%1000 == 0 {
			n.next = keep
			keep = n
			if i%100000 == 0 {
				keep = nil
			}
		}
	}
	live := 0
	for n := keep; n != nil; n = n.next {
		live++
	}
	fmt.Println(total, live)
}
