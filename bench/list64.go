// list64: a linked list of a million nodes, each holding a 64-byte array.
// Go packs the array into 64 bytes of the node (72 with the pointer); the
// peak resident size beside Go's shows what gol's value layout costs.
package main

import "fmt"

type Node struct {
	next *Node
	buf  [64]byte
}

func main() {
	var head *Node
	for i := 0; i < 1000000; i++ {
		n := &Node{next: head}
		n.buf[i%64] = byte(i)
		head = n
	}
	sum, count := 0, 0
	for n := head; n != nil; n = n.next {
		for _, b := range n.buf {
			sum += int(b)
		}
		count++
	}
	fmt.Println(count, sum)
}
