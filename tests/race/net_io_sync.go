// A value handed over through a TCP connection: the writer sets it, then
// writes a byte; the reader reads the byte, then reads the value. Go's
// race detector orders every write to a descriptor before every read that
// follows (syscall's ioSync), so this is not a race.
package main

import (
	"fmt"
	"net"
)

var shared int

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	done := make(chan int)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			panic(err)
		}
		b := make([]byte, 1)
		if _, err := c.Read(b); err != nil {
			panic(err)
		}
		done <- shared
		c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	go func() {
		shared = 42
		c.Write([]byte{1})
	}()
	fmt.Println("received", <-done)
	c.Close()
	ln.Close()
}
