// echo: a TCP echo server and 100 clients in one program, one million
// 64-byte round trips over loopback. Each client checks every byte it gets
// back. Exercises the netpoller: every read parks its goroutine in IO wait
// until the poller reports the socket readable.
package main

import (
	"fmt"
	"io"
	"net"
	"sync"
)

const (
	clients = 100
	trips   = 10000
	size    = 64
)

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				buf := make([]byte, size)
				for {
					if _, err := io.ReadFull(c, buf); err != nil {
						return
					}
					if _, err := c.Write(buf); err != nil {
						return
					}
				}
			}(c)
		}
	}()
	var wg sync.WaitGroup
	var mu sync.Mutex
	total, bad := 0, 0
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			c, err := net.Dial("tcp", l.Addr().String())
			if err != nil {
				panic(err)
			}
			defer c.Close()
			out := make([]byte, size)
			in := make([]byte, size)
			n, wrong := 0, 0
			for t := 0; t < trips; t++ {
				for j := range out {
					out[j] = byte(id + t + j)
				}
				if _, err := c.Write(out); err != nil {
					panic(err)
				}
				if _, err := io.ReadFull(c, in); err != nil {
					panic(err)
				}
				for j := range in {
					if in[j] != out[j] {
						wrong++
						break
					}
				}
				n += len(in)
			}
			mu.Lock()
			total += n
			bad += wrong
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	l.Close()
	fmt.Println(total, "bytes echoed,", bad, "wrong")
}
