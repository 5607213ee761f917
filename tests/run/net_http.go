// net/http over real sockets on loopback: a server with a ServeMux and a
// client in one program. GET, POST with a body, a 404, a 405, keep-alive
// (several requests on one connection, counted by the listener), a
// handler's panic (logged; the client sees the connection end), a
// streamed (chunked) response read with bufio.Scanner, and Shutdown.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// countingListener counts the connections it accepts.
type countingListener struct {
	net.Listener
	mu sync.Mutex
	n  int
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.mu.Lock()
		l.n++
		l.mu.Unlock()
	}
	return c, err
}

func (l *countingListener) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.n
}

type firstLine struct{}

func (firstLine) Write(p []byte) (int, error) {
	line, _, _ := strings.Cut(string(p), "\n")
	// "http: panic serving 127.0.0.1:PORT: value": the port changes.
	line = line[strings.Index(line, "http:"):]
	if i := strings.Index(line, "serving "); i >= 0 {
		rest := line[i+len("serving "):]
		line = line[:i+len("serving ")] + "ADDR" + rest[strings.Index(rest, ": "):]
	}
	fmt.Println("server log:", line)
	return len(p), nil
}

func get(c *http.Client, url string) {
	resp, err := c.Get(url)
	if err != nil {
		fmt.Println("GET error:", err != nil)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("GET %s: %s %q type=%q\n", url[strings.LastIndex(url, "/"):], resp.Status, body, resp.Header.Get("Content-Type"))
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintln(w, "Hello world")
	})
	mux.HandleFunc("GET /about", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "About page")
	})
	mux.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/octet-stream")
		fmt.Fprintf(w, "%d bytes: %s", len(b), strings.ToUpper(string(b)))
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(w, "event %d\n", i)
			w.(http.Flusher).Flush()
			time.Sleep(10 * time.Millisecond)
		}
	})
	mux.HandleFunc("/panic", func(w http.ResponseWriter, r *http.Request) {
		panic("something broke")
	})

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	l := &countingListener{Listener: ln}
	srv := &http.Server{Handler: mux, ErrorLog: log.New(firstLine{}, "", 0)}
	served := make(chan error)
	go func() { served <- srv.Serve(l) }()
	base := "http://" + ln.Addr().String()

	client := &http.Client{Timeout: 10 * time.Second}
	get(client, base+"/")
	get(client, base+"/about")
	get(client, base+"/missing")
	resp, err := client.Post(base+"/about", "text/plain", nil)
	if err == nil {
		fmt.Println("POST /about:", resp.Status, resp.Header.Get("Allow"))
		resp.Body.Close()
	}
	resp, err = client.Post(base+"/echo", "text/plain", strings.NewReader("a body to echo"))
	if err == nil {
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("POST /echo: %s %q len=%d\n", resp.Status, b, resp.ContentLength)
	}
	fmt.Println("connections after five requests:", l.count())

	resp, err = client.Get(base + "/stream")
	if err == nil {
		fmt.Println("GET /stream:", resp.Status, resp.TransferEncoding)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			fmt.Println("  streamed:", sc.Text())
		}
		resp.Body.Close()
	}

	_, err = client.Get(base + "/panic")
	fmt.Println("GET /panic fails:", err != nil)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	fmt.Println("shutdown:", srv.Shutdown(ctx))
	fmt.Println("serve returned:", <-served)
	_, err = client.Get(base + "/")
	fmt.Println("GET after shutdown fails:", err != nil)
}
