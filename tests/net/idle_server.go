// A server with one idle connection: the listener waits in Accept and a
// handler in Read, both in IO wait. Prints "ready" and then uses no CPU.
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		os.Exit(1)
	}
	go func() {
		c, err := net.Dial("tcp", l.Addr().String())
		if err != nil {
			fmt.Println("dial:", err)
			os.Exit(1)
		}
		buf := make([]byte, 1)
		c.Read(buf)
	}()
	c, err := l.Accept()
	if err != nil {
		fmt.Println("accept:", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	buf := make([]byte, 1)
	c.Read(buf)
	fmt.Println("unexpected data")
}
