// net/http's client across redirects, with a cookie jar: the first
// request's header follows each hop (User-Agent, custom fields,
// Authorization and Cookie while the chain stays on the host or its
// subdomains, Content-Type only while the body does), Referer is set,
// a custom Host survives a relative redirect, and a Client.Jar receives
// Set-Cookie from every response and supplies cookies to every request,
// with the request's own cookies that a response replaced left to the jar.
// Server and client talk over net.Pipe; the server answers for any host.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
)

type pipeListener struct {
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
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
	s, c := net.Pipe()
	select {
	case l.conns <- s:
		return c, nil
	case <-l.closed:
		return nil, errors.New("listener closed")
	}
}

// jar keeps cookies by host name, and logs what it is given and asked.
type jar struct {
	mu      sync.Mutex
	cookies map[string]map[string]string
}

func (j *jar) SetCookies(u *url.URL, cs []*http.Cookie) {
	j.mu.Lock()
	defer j.mu.Unlock()
	var names []string
	for _, c := range cs {
		if j.cookies[u.Host] == nil {
			j.cookies[u.Host] = map[string]string{}
		}
		j.cookies[u.Host][c.Name] = c.Value
		names = append(names, c.Name+"="+c.Value)
	}
	fmt.Printf("  jar.SetCookies(%s, %v)\n", u, names)
}

func (j *jar) Cookies(u *url.URL) []*http.Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []*http.Cookie
	var names []string
	for k := range j.cookies[u.Host] {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		out = append(out, &http.Cookie{Name: k, Value: j.cookies[u.Host][k]})
	}
	fmt.Printf("  jar.Cookies(%s) = %d\n", u, len(out))
	return out
}

func main() {
	mux := http.NewServeMux()
	show := func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%s %s host=%s\n", r.Method, r.URL.Path, r.Host)
		for _, k := range []string{"User-Agent", "X-Custom", "Authorization", "Cookie", "Content-Type", "Referer"} {
			if v := r.Header.Get(k); v != "" {
				fmt.Fprintf(w, "  %s: %s\n", k, v)
			}
		}
		b, _ := io.ReadAll(r.Body)
		if len(b) > 0 {
			fmt.Fprintf(w, "  body %q\n", b)
		}
	}
	mux.HandleFunc("/show", show)
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		// /to?u=URL&code=N[&set=name=value]
		q := r.URL.Query()
		if set := q.Get("set"); set != "" {
			name, value, _ := strings.Cut(set, "=")
			http.SetCookie(w, &http.Cookie{Name: name, Value: value})
		}
		code := 302
		fmt.Sscan(q.Get("code"), &code)
		w.Header().Set("Location", q.Get("u"))
		w.WriteHeader(code)
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s-" + r.Host})
		show(w, r)
	})

	l := &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
	srv := &http.Server{Handler: mux}
	done := make(chan error)
	go func() { done <- srv.Serve(l) }()
	tr := &http.Transport{DialContext: l.dial}

	to := func(u string, code int, set string) string {
		v := url.Values{}
		v.Set("u", u)
		v.Set("code", fmt.Sprint(code))
		if set != "" {
			v.Set("set", set)
		}
		return "/to?" + v.Encode()
	}
	do := func(c *http.Client, method, u, body string, edit func(*http.Request)) {
		var rd io.Reader
		if body != "" {
			rd = strings.NewReader(body)
		}
		req, err := http.NewRequest(method, u, rd)
		if err != nil {
			fmt.Println(err)
			return
		}
		req.Header.Set("User-Agent", "gol-test")
		req.Header.Set("X-Custom", "kept")
		if edit != nil {
			edit(req)
		}
		fmt.Println(method, u)
		resp, err := c.Do(req)
		if err != nil {
			fmt.Println("  error:", err)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("  -> %s\n%s", resp.Status, b)
		fmt.Printf("  request Cookie after: %q\n", req.Header.Get("Cookie"))
	}

	plain := &http.Client{Transport: tr}
	auth := func(r *http.Request) {
		r.SetBasicAuth("u", "p")
		r.AddCookie(&http.Cookie{Name: "mine", Value: "1"})
	}
	do(plain, "GET", "http://example.com"+to("/show", 302, ""), "", auth)
	do(plain, "GET", "http://example.com"+to("http://sub.example.com/show", 301, ""), "", auth)
	do(plain, "GET", "http://example.com"+to("http://other.org/show", 302, ""), "", auth)
	do(plain, "GET", "http://example.com"+to("http://other.org"+to("http://example.com/show", 302, ""), 302, ""), "", auth)
	do(plain, "GET", "http://example.com:8080"+to("http://example.com:9090/show", 302, ""), "", auth)
	do(plain, "GET", "http://u:p@example.com"+to("/show", 302, ""), "", nil)
	post := func(r *http.Request) {
		r.Header.Set("Content-Type", "text/plain")
		r.Header.Set("Referer", "http://mine.example/")
	}
	do(plain, "POST", "http://example.com"+to("/show", 303, ""), "data", post)
	do(plain, "POST", "http://example.com"+to("/show", 307, ""), "data", post)
	do(plain, "PUT", "http://example.com"+to("/show", 308, ""), "data", func(r *http.Request) { r.Header.Set("Content-Type", "a/b") })
	do(plain, "GET", "http://example.com"+to("/show", 302, ""), "", func(r *http.Request) { r.Host = "custom.example" })
	do(plain, "GET", "http://example.com"+to("http://example.com/show", 302, ""), "", func(r *http.Request) { r.Host = "custom.example" })

	withJar := &http.Client{Transport: tr, Jar: &jar{cookies: map[string]map[string]string{}}}
	do(withJar, "GET", "http://example.com/login", "", nil)
	do(withJar, "GET", "http://example.com/show", "", nil)
	do(withJar, "GET", "http://example.com"+to("/show", 302, "step=one"), "", nil)
	do(withJar, "GET", "http://example.com"+to("/show", 302, "mine=new"), "", func(r *http.Request) {
		r.AddCookie(&http.Cookie{Name: "mine", Value: "old"})
		r.AddCookie(&http.Cookie{Name: "other", Value: "x"})
		r.AddCookie(&http.Cookie{Name: "another", Value: "y"})
	})
	do(withJar, "GET", "http://other.org/show", "", nil)

	srv.Close()
	fmt.Println(<-done)
}
