// A handler's request context ends when the client closes the connection
// (a request without a body at once, a request with one once the handler
// has read it to its end), and a byte that arrives while a handler runs
// (the next request on the connection) is still read as a request.
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

func main() {
	results := make(chan string, 4)
	mux := http.NewServeMux()
	mux.HandleFunc("/wait", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
			results <- "wait: " + r.Context().Err().Error()
		case <-time.After(5 * time.Second):
			results <- "wait: not cancelled"
		}
	})
	mux.HandleFunc("/post", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		select {
		case <-r.Context().Done():
			results <- fmt.Sprintf("post %q: %v", b, r.Context().Err())
		case <-time.After(5 * time.Second):
			results <- "post: not cancelled"
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		// The next request arrives while this one runs and watches its
		// context: no cancellation, and that request is served next.
		done := r.Context().Done()
		time.Sleep(100 * time.Millisecond)
		select {
		case <-done:
			fmt.Fprint(w, "slow cancelled")
		default:
			fmt.Fprintf(w, "slow %v", r.Context().Err())
		}
	})
	mux.HandleFunc("/fast", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "fast")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(ln, mux)
	addr := ln.Addr().String()

	send := func(req string) net.Conn {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			panic(err)
		}
		io.WriteString(c, req)
		return c
	}

	c := send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n")
	time.Sleep(50 * time.Millisecond)
	c.Close()
	fmt.Println(<-results)

	c = send("POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
	time.Sleep(50 * time.Millisecond)
	c.Close()
	fmt.Println(<-results)

	c = send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
	time.Sleep(30 * time.Millisecond)
	io.WriteString(c, "GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	br := bufio.NewReader(c)
	for i := 0; i < 2; i++ {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, strings.TrimSpace(string(b)))
	}
	c.Close()
}
