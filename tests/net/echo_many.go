// An echo server and ECHO_CONNS (default 10,000) clients in one program,
// every connection open at once: each client sends a message naming
// itself, checks the echo byte for byte, waits until every client is
// connected, then sends and checks a second message. Prints the totals.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
)

func main() {
	n := 10000
	if s := os.Getenv("ECHO_CONNS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					if _, err := c.Write([]byte(line)); err != nil {
						return
					}
				}
			}(c)
		}
	}()

	var connected, done sync.WaitGroup
	connected.Add(n)
	done.Add(n)
	release := make(chan struct{})
	var mu sync.Mutex
	bytes, wrong, failed := 0, 0, 0
	for i := 0; i < n; i++ {
		go func(i int) {
			defer done.Done()
			c, err := net.Dial("tcp", l.Addr().String())
			if err != nil {
				mu.Lock()
				failed++
				if failed == 1 {
					fmt.Println("dial:", err)
				}
				mu.Unlock()
				connected.Done()
				return
			}
			defer c.Close()
			r := bufio.NewReader(c)
			check := func(msg string) {
				c.Write([]byte(msg))
				got, err := r.ReadString('\n')
				mu.Lock()
				bytes += len(got)
				if err != nil || got != msg {
					wrong++
				}
				mu.Unlock()
			}
			check(fmt.Sprintf("client %05d says hello\n", i))
			connected.Done()
			<-release
			check(fmt.Sprintf("client %05d says goodbye\n", i))
		}(i)
	}
	connected.Wait()
	close(release)
	done.Wait()
	l.Close()
	fmt.Printf("%d connections open at once, %d bytes echoed, %d wrong, %d failed\n", n, bytes, wrong, failed)
}
