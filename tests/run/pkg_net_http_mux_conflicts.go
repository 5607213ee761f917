// ServeMux registration as Go 1.22 checks it: invalid patterns (Go's
// messages with offsets), nil handlers, and conflicts between patterns
// (equivalent, overlapping paths with example paths, methods against
// paths, hosts, {$}, multi wildcards), with where each pattern was
// registered; patterns that only look alike register fine and route by
// precedence.
package main

import (
	"fmt"
	"net/http"
	"strings"
)

// recorder is a ResponseWriter that keeps the status and body.
type recorder struct {
	h    http.Header
	code int
	body strings.Builder
}

func (r *recorder) Header() http.Header { return r.h }

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.WriteHeader(200)
	return r.body.Write(b)
}

// stripDirs drops the directories of "registered at DIR/file.go:N".
func stripDirs(s string) string {
	const marker = "registered at "
	var b strings.Builder
	for {
		i := strings.Index(s, marker)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i+len(marker)])
		s = s[i+len(marker):]
		end := strings.IndexByte(s, ')')
		if slash := strings.LastIndexByte(s[:end], '/'); slash >= 0 {
			s = s[slash+1:]
		}
	}
}

func register(mux *http.ServeMux, pattern string) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			_, isErr := r.(error)
			fmt.Printf("  %q: panic (error %v): %s\n", pattern, isErr, stripDirs(fmt.Sprint(r)))
			ok = false
		}
	}()
	mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, pattern)
	})
	return true
}

func main() {
	h := func(w http.ResponseWriter, r *http.Request) {}
	_ = h
	sets := [][]string{
		{"/a", "/a"},
		{"GET /a", "GET /a"},
		{"/a/{x}", "/a/{y}"},
		{"/a/{x}", "/{y}/b"},
		{"/{b}/x", "/b/{x}"},
		{"/a/{x...}", "/{y}/b"},
		{"/{x}/{$}", "/a/{y...}"},
		{"/{x}/{$}", "/a/"},
		{"/a/", "/a/{rest...}"},
		{"/a/{$}", "/a/"},
		{"/a/{$}", "/a/{x}"},
		{"/a/{$}", "/a/{$}"},
		{"GET /a", "/a"},
		{"/a/b", "GET /a/{x}"},
		{"GET /a/{x}", "/a/b"},
		{"GET /a/b", "HEAD /a/{x}"},
		{"HEAD /a/b", "GET /a/{x}"},
		{"POST /a", "GET /a"},
		{"POST /{x}", "POST /{y}"},
		{"/{x}", "/{y}"},
		{"/{x}/{y}", "/{z}/{w}"},
		{"example.com/a", "/a"},
		{"example.com/a", "example.com/{x}"},
		{"example.com/a/{x}", "example.com/{y}/b"},
		{"a.com/{x}", "b.com/{x}"},
		{"/a/b", "/{x}/c", "/a/{y...}", "/{p}/{q}"},
		{"/a/b", "/{x}/c", "/{p}/{q}"},
		{"/x/{a}/c", "/y/{b}/c", "/x/b/{c}"},
		{"/{a}/{b}/{$}", "/{c}/d/"},
		{"/", "/{x...}"},
		{"/", "/{$}", "GET /", "GET /{x...}"},
		{"/a/b/", "/a/{x}/c/"},
		{"/%61/b", "/a/b"},
		{"/a/b", "/a/{x}", "/{x}/b", "/a/"},
	}
	for _, set := range sets {
		fmt.Println(strings.Join(set, "  "))
		mux := http.NewServeMux()
		for _, p := range set {
			if register(mux, p) {
				fmt.Printf("  %q: ok\n", p)
			}
		}
	}

	fmt.Println("invalid patterns")
	mux := http.NewServeMux()
	for _, p := range []string{
		"", "BAD! /", "GET", "noslash", "/a/{x", "/a/b{x}", "/a/{x}y", "/{x}/{x}", "/{...}", "/{}",
		"/{$}/a", "/{a...}/b", "/{1x}", "/{x-y}", "example{.com/", "GET /a/../b", "GET /a//b", "CONNECT /a/../b",
		"/a//b", "GET  \t/spaced", "/caf{é}", "/{é}",
	} {
		if register(mux, p) {
			fmt.Printf("  %q: ok\n", p)
		}
	}
	func() {
		defer func() { fmt.Println("nil handler:", recover()) }()
		mux.Handle("/nil", nil)
	}()
	func() {
		defer func() { fmt.Println("nil func:", recover()) }()
		mux.HandleFunc("/nilf", nil)
	}()
	func() {
		defer func() { fmt.Println("default mux:", stripDirs(fmt.Sprint(recover()))) }()
		http.HandleFunc("/dup/{x}", h)
		http.Handle("/dup/{y}", http.HandlerFunc(h))
	}()

	// Patterns that do not conflict route by precedence.
	mux = http.NewServeMux()
	for _, p := range []string{
		"/", "/{$}", "GET /items/", "GET /items/{id}", "GET /items/special", "GET /items/{id}/edit",
		"POST /items/{id}", "/files/{path...}", "/files/{$}", "example.com/items/{id}",
	} {
		if !register(mux, p) {
			return
		}
	}
	for _, req := range [][3]string{
		{"GET", "", "/"}, {"GET", "", "/x"}, {"GET", "", "/items/"}, {"GET", "", "/items/7"},
		{"GET", "", "/items/special"}, {"POST", "", "/items/7"}, {"DELETE", "", "/items/7"},
		{"HEAD", "", "/items/7"}, {"GET", "", "/items/7/edit"}, {"GET", "", "/files/"},
		{"GET", "", "/files/a/b"}, {"GET", "example.com", "/items/7"}, {"GET", "", "/items/a/b"},
	} {
		r, err := http.NewRequest(req[0], "http://x"+req[2], nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		if req[1] != "" {
			r.Host = req[1]
		}
		w := &recorder{h: http.Header{}}
		mux.ServeHTTP(w, r)
		fmt.Printf("%s %s%s -> %d %q %q\n", req[0], req[1], req[2], w.code, w.body.String(), w.h.Get("Allow"))
	}
}
