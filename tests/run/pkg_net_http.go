// Package net/http over an in-memory listener (net.Pipe): a ServeMux with
// Go 1.22 patterns, the server's framing (Content-Length, chunked,
// keep-alive, HEAD, 404/405/redirects, a handler's panic), and the client
// (GET, POST with a body, redirects, Error, reuse of a connection).
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
)

// pipeListener hands out the server ends of net.Pipe connections.
type pipeListener struct {
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
	dials  int
	mu     sync.Mutex
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80} }

func (l *pipeListener) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	l.mu.Lock()
	l.dials++
	l.mu.Unlock()
	s, c := net.Pipe()
	select {
	case l.conns <- s:
		return c, nil
	case <-l.closed:
		return nil, errors.New("listener closed")
	}
}

// firstLine prints the first line of each log entry (a panic's entry goes
// on with a stack trace).
type firstLine struct{}

func (firstLine) Write(p []byte) (int, error) {
	line, _, _ := strings.Cut(string(p), "\n")
	fmt.Println("log:", line)
	return len(p), nil
}

func show(resp *http.Response, err error) {
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	var keys []string
	for k := range resp.Header {
		if k != "Date" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	fmt.Printf("%s %s len=%d te=%v\n", resp.Proto, resp.Status, resp.ContentLength, resp.TransferEncoding)
	for _, k := range keys {
		fmt.Printf("  %s: %s\n", k, strings.Join(resp.Header[k], ","))
	}
	fmt.Printf("  body %q %v\n", b, err)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "Hello world")
	})
	mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Page", "about")
		fmt.Fprintln(w, "About page")
	})
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "item %s (pattern %q)\n", r.PathValue("id"), r.Pattern)
	})
	mux.HandleFunc("POST /items/", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "created from %q (%d bytes, type %s)\n", b, r.ContentLength, r.Header.Get("Content-Type"))
	})
	mux.HandleFunc("/files/{path...}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "file %q\n", r.PathValue("path"))
	})
	mux.HandleFunc("/exact/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "exact")
	})
	mux.HandleFunc("/tree/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "tree", r.URL.Path)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for i := 0; i < 300; i++ {
			fmt.Fprintf(w, "line %03d of a body longer than the buffer\n", i)
		}
	})
	mux.HandleFunc("/query", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "q=%q all=%v method=%s\n", r.URL.Query().Get("q"), r.FormValue("x"), r.Method)
	})
	mux.HandleFunc("/form", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		fmt.Fprintf(w, "name=%s tags=%v\n", r.PostFormValue("name"), r.Form["tag"])
	})
	mux.HandleFunc("/panic", func(w http.ResponseWriter, r *http.Request) {
		panic("handler failed")
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "teapot here", http.StatusTeapot)
	})
	mux.HandleFunc("/nocontent", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<!DOCTYPE html><p>hi</p>")
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/about", http.StatusFound)
	})
	mux.Handle("/strip/", http.StripPrefix("/strip", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "stripped", r.URL.Path)
	})))

	l := newPipeListener()
	srv := &http.Server{Handler: mux, ErrorLog: log.New(firstLine{}, "", 0)}
	done := make(chan error)
	go func() { done <- srv.Serve(l) }()

	client := &http.Client{Transport: &http.Transport{DialContext: l.dial}}
	base := "http://example.test"
	for _, p := range []string{"/", "/about", "/items/42", "/items/a%2Fb", "/files/a/b/c.txt", "/files/",
		"/exact/", "/exact/x", "/tree", "/tree/x/y", "/a/../about", "/nothing/here", "/big", "/query?q=go+lang&x=1",
		"/error", "/nocontent", "/html", "/redirect", "/strip/x/y", "/strip"} {
		fmt.Println("GET", p)
		show(client.Get(base + p))
	}
	fmt.Println("POST /items/")
	show(client.Post(base+"/items/", "text/plain", strings.NewReader("new thing")))
	fmt.Println("DELETE /items/7")
	req, _ := http.NewRequest("DELETE", base+"/items/7", nil)
	show(client.Do(req))
	fmt.Println("HEAD /about")
	show(client.Head(base + "/about"))
	fmt.Println("POST /form")
	show(client.PostForm(base+"/form?tag=q", url.Values{"name": {"gol"}, "tag": {"a", "b"}}))
	fmt.Println("GET /panic")
	show(client.Get(base + "/panic"))
	fmt.Println("dials so far:", l.dials)

	// A raw exchange: HTTP/1.0, a malformed request, chunked request body.
	raw := func(text string) {
		s, c := net.Pipe()
		l.conns <- s
		go func() {
			io.WriteString(c, text)
		}()
		br := bufio.NewReader(c)
		for {
			line, err := br.ReadString('\n')
			if strings.HasPrefix(line, "Date: ") {
				line = "Date: (now)\r\n"
			}
			fmt.Printf("  %q\n", line)
			if err != nil {
				break
			}
			if line == "\r\n" {
				rest := make([]byte, 200)
				n, _ := br.Read(rest)
				fmt.Printf("  body %q\n", rest[:n])
				break
			}
		}
		c.Close()
	}
	fmt.Println("raw HTTP/1.0")
	raw("GET /about HTTP/1.0\r\n\r\n")
	fmt.Println("raw malformed")
	raw("NONSENSE\r\n\r\n")
	fmt.Println("raw chunked POST")
	raw("POST /items/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n")
	fmt.Println("raw no host")
	raw("GET / HTTP/1.1\r\n\r\n")

	l.Close()
	fmt.Println("serve:", <-done)
	fmt.Println(http.StatusText(http.StatusTeapot), http.CanonicalHeaderKey("x-forwarded-for"), http.DetectContentType([]byte("\x89PNG\x0D\x0A\x1A\x0A")))
	h := http.Header{}
	h.Add("accept", "a")
	h.Add("Accept", "b")
	h.Set("x-one", "1")
	h.Write(os.Stdout)
	fmt.Println(h.Values("ACCEPT"), h.Get("X-One"), len(h.Clone()))
}
