// TCP over loopback: a read deadline that passes (i/o timeout, Timeout(),
// os.ErrDeadlineExceeded), the late data read after clearing it, a
// deadline moved earlier and later while a reader waits, a refused dial,
// and a Close while another goroutine reads (net.ErrClosed).
package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"
)

// pair is a connected client and server over loopback.
func pair(l net.Listener) (net.Conn, net.Conn) {
	ch := make(chan net.Conn)
	go func() {
		c, err := l.Accept()
		if err != nil {
			panic(err)
		}
		ch <- c
	}()
	c, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		panic(err)
	}
	return c, <-ch
}

// describe prints an error without the addresses (ports change per run).
func describe(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[:strings.Index(s, " ")] + " ...: " + s[i+2:]
	}
	var ne net.Error
	timeout := errors.As(err, &ne) && ne.Timeout()
	return fmt.Sprintf("%s (timeout=%v deadline=%v closed=%v)", s, timeout,
		errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, net.ErrClosed))
}

func main() {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	fmt.Println("listening on", l.Addr().Network(), strings.HasPrefix(l.Addr().String(), "127.0.0.1:"))

	c, s := pair(l)
	buf := make([]byte, 16)

	// A deadline in the past fails at once.
	c.SetReadDeadline(time.Now().Add(-time.Second))
	_, err = c.Read(buf)
	fmt.Println("past deadline:", describe(err))

	// A deadline 50 ms ahead passes while the reader waits.
	start := time.Now()
	c.SetReadDeadline(start.Add(50 * time.Millisecond))
	_, err = c.Read(buf)
	waited := time.Since(start)
	fmt.Println("timeout:", describe(err), waited >= 40*time.Millisecond, waited < 2*time.Second)

	// Cleared, the deadline no longer fails reads: the late data arrives.
	c.SetReadDeadline(time.Time{})
	go func() {
		time.Sleep(30 * time.Millisecond)
		s.Write([]byte("late data"))
	}()
	n, err := c.Read(buf)
	fmt.Printf("after clearing: %q %v\n", buf[:n], err)

	// A far deadline moved earlier while the reader waits: it wakes then.
	c.SetReadDeadline(time.Now().Add(time.Hour))
	go func() {
		time.Sleep(30 * time.Millisecond)
		c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	}()
	start = time.Now()
	_, err = c.Read(buf)
	fmt.Println("moved earlier:", describe(err), time.Since(start) < 10*time.Second)

	// A near deadline moved later: data written before the later one wins.
	c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	go func() {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		time.Sleep(300 * time.Millisecond)
		s.Write([]byte("in time"))
	}()
	n, err = c.Read(buf)
	fmt.Printf("moved later: %q %v\n", buf[:n], err)
	c.SetReadDeadline(time.Time{})

	// Writes have their own deadline.
	s.SetWriteDeadline(time.Now().Add(-time.Second))
	_, err = s.Write([]byte("x"))
	fmt.Println("write deadline:", describe(err))
	s.SetWriteDeadline(time.Time{})

	// Close while another goroutine reads: it wakes with ErrClosed.
	done := make(chan error)
	go func() {
		_, err := c.Read(buf)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	c.Close()
	fmt.Println("closed under a reader:", describe(<-done))
	_, err = c.Write([]byte("x"))
	fmt.Println("write after close:", describe(err))
	fmt.Println("second close:", describe(c.Close()))

	// The peer sees the end of the stream.
	n, err = s.Read(buf)
	fmt.Println("peer reads:", n, err == io.EOF)
	s.Close()

	// A port nobody listens on.
	free, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := free.Addr().String()
	free.Close()
	_, err = net.Dial("tcp", addr)
	fmt.Println("refused:", describe(err), strings.Contains(err.Error(), "dial tcp "+addr))
	_, err = net.DialTimeout("tcp", addr, time.Second)
	fmt.Println("refused with timeout:", describe(err))

	// Accept on a closed listener.
	l.Close()
	_, err = l.Accept()
	fmt.Println("accept after close:", describe(err))

	// Listening twice on one address.
	l2, _ := net.Listen("tcp", "127.0.0.1:0")
	_, err = net.Listen("tcp", l2.Addr().String())
	fmt.Println("in use:", describe(err))
	l2.Close()
}
