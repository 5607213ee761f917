// net/http cookies and basic authentication: Cookie.String with every
// attribute (quoting, sanitising with Go's log lines, invalid domains,
// Expires, Max-Age, SameSite), Valid, ParseCookie and ParseSetCookie
// (attributes, both Expires layouts, zones, bad values), a request's
// Cookies/Cookie/CookiesNamed/AddCookie and ErrNoCookie, BasicAuth and
// SetBasicAuth, then a server and a client over net.Pipe: SetCookie in a
// handler, Response.Cookies, cookies and credentials (also from the URL's
// user info) sent by the client.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
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

func showCookie(c *http.Cookie) {
	fmt.Printf("  %q=%q quoted=%v path=%q domain=%q rawexp=%q exp=%d/%v maxage=%d secure=%v httponly=%v samesite=%d part=%v unparsed=%q\n",
		c.Name, c.Value, c.Quoted, c.Path, c.Domain, c.RawExpires, c.Expires.Unix(), c.Expires.IsZero(),
		c.MaxAge, c.Secure, c.HttpOnly, c.SameSite, c.Partitioned, c.Unparsed)
}

func main() {
	// Sanitising logs through the standard logger: without the date, on
	// stdout, so the lines can be compared.
	log.SetFlags(0)
	log.SetOutput(os.Stdout)

	exp := time.Unix(1767323045, 0) // 2026-01-02 03:04:05 UTC
	cookies := []*http.Cookie{
		{Name: "a", Value: "b"},
		{Name: "session", Value: "abc123", Path: "/", Domain: "example.com", Expires: exp, MaxAge: 3600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode},
		{Name: "sp", Value: "has space"},
		{Name: "comma", Value: "x,y"},
		{Name: "q", Value: "plain", Quoted: true},
		{Name: "bad", Value: "a\"b;c\\d\x01e"},
		{Name: "dom", Value: "v", Domain: ".example.org"},
		{Name: "ipdom", Value: "v", Domain: "127.0.0.1"},
		{Name: "ip6", Value: "v", Domain: "::1"},
		{Name: "baddom", Value: "v", Domain: "exa_mple.com"},
		{Name: "path", Value: "v", Path: "/a;b\x7f"},
		{Name: "del", Value: "", MaxAge: -1},
		{Name: "strict", Value: "v", SameSite: http.SameSiteStrictMode},
		{Name: "none", Value: "v", SameSite: http.SameSiteNoneMode, Secure: true, Partitioned: true},
		{Name: "default", Value: "v", SameSite: http.SameSiteDefaultMode},
		{Name: "old", Value: "v", Expires: time.Unix(-11644473601, 0)},
		{Name: "first", Value: "v", Expires: time.Unix(-11644473600, 0)},
		{Name: "bad name", Value: "v"},
		{Name: "", Value: "v"},
		{Name: "utf", Value: "héllo"},
	}
	for _, c := range cookies {
		fmt.Printf("%q valid=%v\n", c.String(), c.Valid())
	}
	var nilCookie *http.Cookie
	fmt.Printf("%q %v\n", nilCookie.String(), nilCookie.Valid())
	fmt.Println((&http.Cookie{Name: "p", Partitioned: true}).Valid())
	fmt.Println((&http.Cookie{Name: "e", Expires: time.Unix(-20000000000, 0)}).Valid())

	// ParseCookie: a Cookie header.
	for _, line := range []string{
		"a=1; b=2;c=\"three\"", "a=1; a=2", "", "  ", "a", "a=1; b", "bad name=1", "a=\"x\"y\"", "x=; y=\"\"", "a=1;",
	} {
		cs, err := http.ParseCookie(line)
		fmt.Printf("ParseCookie %q: %d %v\n", line, len(cs), err)
		for _, c := range cs {
			showCookie(c)
		}
	}
	fmt.Println(http.ParseCookie(strings.Repeat("a=1;", 3000)))

	// ParseSetCookie: a Set-Cookie header.
	for _, line := range []string{
		"id=a3fWa; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Secure; HttpOnly",
		"id=1; expires=Thu, 01-Jan-1970 00:00:10 GMT; path=/p; domain=.Example.com",
		"id=2; Expires=Thu, 01 Jan 1970 00:00:10 PST",
		"id=3; Expires=Thu, 01 Jan 1970 00:00:10 GMT+2",
		"id=4; Expires=Thu, 01 Jan 1970 00:00:10 GMT+24",
		"id=5; Expires=Thu, 01 Jan 1970 00:00:10.5 UTC",
		"id=6; Expires=Thu,  01  Jan  1970  00:00:10  CEST",
		"id=7; Expires=Thu, 31 Feb 2015 07:28:00 GMT",
		"id=8; Expires=Thu, 21 Oct 2015 7:28:00 GMT",
		"id=9; Expires=Thu, 21 Oct 15 07:28:00 GMT",
		"id=10; Expires=tue, 21 oct 2015 07:28:00 +03",
		"id=11; Expires=Tue, 21 Oct 2015 07:28:00 Z",
		"id=12; Expires=Tue, 21 Oct 2015 07:28:00 ABCDEF",
		"id=13; Expires=Tue, 21 Oct 2015 07:28:00 WITA",
		"id=14; Expires=Tue, 21 Oct 2015 24:28:00 GMT",
		"id=15; Max-Age=100; max-age=0",
		"id=16; Max-Age=-5",
		"id=17; Max-Age=007",
		"id=18; Max-Age=abc",
		"id=19; SameSite=Lax",
		"id=20; samesite=STRICT",
		"id=21; SameSite=none",
		"id=22; SameSite=other",
		"id=23; SameSite",
		"id=24; Partitioned; Unknown=1; Path=a\"b; Flag",
		"  id = \"quoted value\" ; Path=/",
		"id=\"q\"",
		"noequals",
		"=v",
		"",
		"id=a\"b",
		"id=1; Dömain=x",
	} {
		c, err := http.ParseSetCookie(line)
		fmt.Printf("ParseSetCookie %q: %v\n", line, err)
		if c != nil {
			showCookie(c)
			fmt.Printf("  raw=%q string=%q\n", c.Raw, c.String())
		}
	}

	// A request's cookies.
	req, _ := http.NewRequest("GET", "http://example.com/", nil)
	c, err := req.Cookie("x")
	fmt.Println(c, err, err == http.ErrNoCookie, len(req.Cookies()))
	req.AddCookie(&http.Cookie{Name: "x", Value: "1", Path: "/ignored"})
	req.AddCookie(&http.Cookie{Name: "y", Value: "two words"})
	req.AddCookie(&http.Cookie{Name: "x", Value: "3"})
	req.AddCookie(&http.Cookie{Name: "new\nline", Value: "q", Quoted: true})
	fmt.Printf("%q\n", req.Header.Get("Cookie"))
	req.Header.Add("Cookie", "z=4; bad name=5; w=\"6\"; v=a\"b; =7")
	for _, c := range req.Cookies() {
		showCookie(c)
	}
	c, err = req.Cookie("x")
	fmt.Println(c.Value, err)
	_, err = req.Cookie("")
	fmt.Println(err)
	fmt.Println(len(req.CookiesNamed("x")), len(req.CookiesNamed("")), len(req.CookiesNamed("none")))

	// Basic authentication.
	req, _ = http.NewRequest("GET", "http://example.com/", nil)
	u, p, ok := req.BasicAuth()
	fmt.Printf("%q %q %v\n", u, p, ok)
	req.SetBasicAuth("Aladdin", "open sesame")
	fmt.Println(req.Header.Get("Authorization"))
	u, p, ok = req.BasicAuth()
	fmt.Printf("%q %q %v\n", u, p, ok)
	for _, h := range []string{
		"basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "BASIC dTpwOnE=", "Bearer xyz", "Basic", "Basic !!!",
		"Basic bm9jb2xvbg==", "Basic Og==", "Basic  dTpw", "Basic dTpw",
	} {
		req.Header.Set("Authorization", h)
		u, p, ok = req.BasicAuth()
		fmt.Printf("%q: %q %q %v\n", h, u, p, ok)
	}

	// A server that sets and reads cookies and credentials.
	mux := http.NewServeMux()
	mux.HandleFunc("/set", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s1", Path: "/", HttpOnly: true})
		http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark mode", MaxAge: 60, Expires: exp})
		http.SetCookie(w, &http.Cookie{Name: "bad name", Value: "dropped"})
		fmt.Fprintln(w, "set")
	})
	mux.HandleFunc("/get", func(w http.ResponseWriter, r *http.Request) {
		for _, c := range r.Cookies() {
			fmt.Fprintf(w, "%s=%s\n", c.Name, c.Value)
		}
		if _, err := r.Cookie("missing"); err != nil {
			fmt.Fprintln(w, err)
		}
	})
	mux.HandleFunc("/private", func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok || user != "admin" || pass != "s3cret" {
			w.Header().Set("WWW-Authenticate", `Basic realm="private"`)
			http.Error(w, "Unauthorized", http.StatusUnauthorized)
			return
		}
		fmt.Fprintf(w, "welcome %s\n", user)
	})
	l := &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
	srv := &http.Server{Handler: mux}
	done := make(chan error)
	go func() { done <- srv.Serve(l) }()
	client := &http.Client{Transport: &http.Transport{DialContext: l.dial}}

	body := func(resp *http.Response) string {
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	resp, err := client.Get("http://example.com/set")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %q\n", resp.Status, body(resp))
	fmt.Printf("%q\n", resp.Header["Set-Cookie"])
	for _, c := range resp.Cookies() {
		showCookie(c)
	}

	req, _ = http.NewRequest("GET", "http://example.com/get", nil)
	for _, c := range resp.Cookies() {
		req.AddCookie(c)
	}
	resp, err = client.Do(req)
	fmt.Printf("%v %q\n", err, body(resp))
	fmt.Println(len(resp.Cookies()))

	for _, creds := range [][2]string{{"admin", "s3cret"}, {"admin", "wrong"}} {
		req, _ = http.NewRequest("GET", "http://example.com/private", nil)
		req.SetBasicAuth(creds[0], creds[1])
		resp, err = client.Do(req)
		fmt.Printf("%s %q %q\n", resp.Status, resp.Header.Get("Www-Authenticate"), body(resp))
	}
	resp, err = client.Get("http://example.com/private")
	fmt.Printf("%s %q\n", resp.Status, body(resp))
	resp, err = client.Get("http://admin:s3cret@example.com/private")
	fmt.Printf("userinfo: %v %s %q\n", err, resp.Status, body(resp))
	req, _ = http.NewRequest("GET", "http://admin:s3cret@example.com/private", nil)
	req.SetBasicAuth("admin", "wrong")
	resp, err = client.Do(req)
	fmt.Printf("header wins: %v %s\n", err, resp.Status)
	body(resp)

	srv.Close()
	fmt.Println(<-done)
}
