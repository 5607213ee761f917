// net/http/cookiejar: which cookies a jar keeps and sends back (host-only
// and domain cookies, paths and their defaults, Secure, IP hosts, ports,
// trailing dots, Unicode hosts in punycode, Max-Age and Expires removal,
// a public suffix list), in Go's order (longest path first, then oldest,
// a replaced cookie keeping its place); then a jar under an http.Client
// across a redirect, over net.Pipe.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"time"
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

// psl knows a few public suffixes.
type psl struct{}

func (psl) PublicSuffix(d string) string {
	for _, s := range []string{"co.uk", "uk", "com", "org", "example"} {
		if d == s || strings.HasSuffix(d, "."+s) {
			return s
		}
	}
	i := strings.LastIndex(d, ".")
	return d[i+1:]
}

func (psl) String() string { return "test list" }

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func names(cs []*http.Cookie) string {
	var parts []string
	for _, c := range cs {
		s := c.Name + "=" + c.Value
		if c.Quoted {
			s += "(q)"
		}
		parts = append(parts, s)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func main() {
	jar, err := cookiejar.New(nil)
	fmt.Println(err)
	set := func(u string, cs ...*http.Cookie) {
		jar.SetCookies(mustURL(u), cs)
	}
	get := func(us ...string) {
		for _, u := range us {
			fmt.Printf("  %s -> %s\n", u, names(jar.Cookies(mustURL(u))))
		}
	}
	future := time.Now().Add(time.Hour)
	past := time.Now().Add(-time.Hour)

	fmt.Println("host-only and domain cookies")
	set("http://www.example.com/a/b/page",
		&http.Cookie{Name: "hostonly", Value: "1"},
		&http.Cookie{Name: "dom", Value: "2", Domain: "example.com"},
		&http.Cookie{Name: "dotdom", Value: "3", Domain: ".EXAMPLE.com", Path: "/"},
		&http.Cookie{Name: "other", Value: "4", Domain: "other.com"},
		&http.Cookie{Name: "sub", Value: "5", Domain: "sub.www.example.com"},
		&http.Cookie{Name: "bad", Value: "6", Domain: "..example.com"},
		&http.Cookie{Name: "trail", Value: "7", Domain: "example.com."},
		&http.Cookie{Name: "quoted", Value: "q q", Quoted: true, Path: "/"},
	)
	get("http://www.example.com/a/b/x", "http://www.example.com/a/bc", "http://www.example.com/",
		"http://example.com/a/b/", "http://foo.example.com/a/b/c", "https://WWW.Example.COM.:8080/a/b",
		"http://other.com/", "ftp://www.example.com/a/b/x")

	fmt.Println("paths and order")
	set("http://p.test/dir/sub/page",
		&http.Cookie{Name: "deflt", Value: "1"},
		&http.Cookie{Name: "root", Value: "2", Path: "/"},
		&http.Cookie{Name: "dir", Value: "3", Path: "/dir"},
		&http.Cookie{Name: "dirslash", Value: "4", Path: "/dir/"},
		&http.Cookie{Name: "relative", Value: "5", Path: "rel"},
		&http.Cookie{Name: "deep", Value: "6", Path: "/dir/sub/page/deeper"},
	)
	get("http://p.test/dir/sub/page", "http://p.test/dir/sub", "http://p.test/dir", "http://p.test/dirx",
		"http://p.test/dir/sub/page/deeper/x", "http://p.test")
	set("http://p.test/", &http.Cookie{Name: "root", Value: "replaced", Path: "/"}, &http.Cookie{Name: "root2", Value: "new", Path: "/"})
	get("http://p.test/x")

	fmt.Println("secure")
	set("https://s.test/", &http.Cookie{Name: "sec", Value: "1", Secure: true}, &http.Cookie{Name: "plain", Value: "2"})
	set("http://localhost/", &http.Cookie{Name: "lsec", Value: "3", Secure: true})
	set("http://127.0.0.1/", &http.Cookie{Name: "ipsec", Value: "4", Secure: true})
	set("http://[::1]:8080/", &http.Cookie{Name: "v6sec", Value: "5", Secure: true})
	get("https://s.test/", "http://s.test/", "http://localhost/", "http://127.0.0.1/", "http://[::1]/")

	fmt.Println("IP hosts")
	set("http://10.0.0.1/", &http.Cookie{Name: "ip", Value: "1"}, &http.Cookie{Name: "ipdom", Value: "2", Domain: "10.0.0.1"},
		&http.Cookie{Name: "ipother", Value: "3", Domain: "0.0.1"})
	get("http://10.0.0.1/", "http://10.0.0.1:99/x")

	fmt.Println("expiry and removal")
	set("http://e.test/",
		&http.Cookie{Name: "session", Value: "1"},
		&http.Cookie{Name: "maxage", Value: "2", MaxAge: 3600},
		&http.Cookie{Name: "expires", Value: "3", Expires: future},
		&http.Cookie{Name: "gone", Value: "4", Expires: past},
	)
	get("http://e.test/")
	set("http://e.test/", &http.Cookie{Name: "maxage", MaxAge: -1}, &http.Cookie{Name: "expires", Expires: past},
		&http.Cookie{Name: "missing", MaxAge: -1})
	get("http://e.test/")
	set("http://e.test/", &http.Cookie{Name: "session", MaxAge: -1})
	get("http://e.test/")

	fmt.Println("unicode hosts")
	set("http://bücher.example/", &http.Cookie{Name: "u", Value: "1"})
	get("http://xn--bcher-kva.example/", "http://bücher.example/", "http://BÜCHER.example/")
	set("http://ü.例え.jp/", &http.Cookie{Name: "u2", Value: "2"})
	get("http://xn--tda.xn--r8jz45g.jp/")

	fmt.Println("public suffix list")
	pj, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: psl{}})
	pj.SetCookies(mustURL("http://www.example.co.uk/"), []*http.Cookie{
		{Name: "a", Value: "1", Domain: "example.co.uk"},
		{Name: "b", Value: "2", Domain: "co.uk"},
		{Name: "c", Value: "3", Domain: "uk"},
		{Name: "d", Value: "4"},
	})
	pj.SetCookies(mustURL("http://co.uk/"), []*http.Cookie{{Name: "e", Value: "5", Domain: "co.uk"}})
	for _, u := range []string{"http://www.example.co.uk/", "http://other.example.co.uk/", "http://co.uk/", "http://x.co.uk/"} {
		fmt.Printf("  %s -> %s\n", u, names(pj.Cookies(mustURL(u))))
	}

	fmt.Println("with a client")
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "abc", Path: "/"})
		http.SetCookie(w, &http.Cookie{Name: "login-only", Value: "x"})
		http.Redirect(w, r, "/home", http.StatusFound)
	})
	mux.HandleFunc("/home", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "home sees %q\n", r.Header.Get("Cookie"))
	})
	mux.HandleFunc("/logout", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", MaxAge: -1})
		fmt.Fprintf(w, "logout sees %q\n", r.Header.Get("Cookie"))
	})
	l := &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
	srv := &http.Server{Handler: mux}
	done := make(chan error)
	go func() { done <- srv.Serve(l) }()
	cj, _ := cookiejar.New(nil)
	client := &http.Client{Transport: &http.Transport{DialContext: l.dial}, Jar: cj}
	for _, p := range []string{"/login", "/home", "/logout", "/home"} {
		resp, err := client.Get("http://site.test" + p)
		if err != nil {
			fmt.Println(err)
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("  %s: %s %s", p, resp.Status, b)
	}
	fmt.Println("  jar:", names(cj.Cookies(mustURL("http://site.test/"))))
	srv.Close()
	fmt.Println(<-done)
}
