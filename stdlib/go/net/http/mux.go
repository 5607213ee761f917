// ServeMux: the request router, with Go 1.22's patterns:
//
//	[METHOD ][HOST]/[PATH]
//
// A path segment is a literal, a wildcard "{name}" (one non-empty
// segment), or, last, "{name...}" (the rest of the path) or "{$}" (the end
// of a path ending in a slash). A pattern ending in "/" matches every path
// below it. Of the patterns that match a request, one with a host wins over
// those without; then the most specific path (segment by segment: a
// literal before a wildcard, a wildcard before a rest-of-path match); then
// one with a method over one without. "GET" also serves HEAD.
//
// Requests for an unclean path ("/a/../b", "//x") are redirected to the
// clean one, and "/tree" to "/tree/" when only the latter is registered. A
// path registered for other methods only answers 405 with an Allow header.
//
// Registering a pattern that conflicts with a registered one panics with
// Go's explanation (see conflict.go): two patterns conflict when some
// request matches both and neither wins by the rules above.

package http

import (
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// ServeMux routes requests to the handler of the best matching pattern.
type ServeMux struct {
	mu       sync.RWMutex
	patterns []*pattern
}

func NewServeMux() *ServeMux { return &ServeMux{} }

// DefaultServeMux is the ServeMux of Handle, HandleFunc and a nil handler.
var DefaultServeMux = NewServeMux()

const (
	segLiteral = 3
	segWild    = 2
	segMulti   = 1
)

type segment struct {
	kind int
	s    string // literal text ("/" for {$}, as in Go) or wildcard name
}

type pattern struct {
	str     string
	method  string
	host    string
	segs    []segment
	handler Handler
	loc     string // where it was registered ("file:line")
}

// parsePattern parses a pattern as Go 1.22 does, with its errors (each
// with the offset in s where the fault was found).
func parsePattern(s string) (p *pattern, err error) {
	if s == "" {
		return nil, errors.New("empty pattern")
	}
	off := 0
	defer func() {
		if err != nil {
			err = fmt.Errorf("at offset %d: %w", off, err)
		}
	}()
	p = &pattern{str: s}
	rest := s
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		p.method = s[:i]
		rest = strings.TrimLeft(s[i+1:], " \t")
		if p.method != "" && !validMethod(p.method) {
			return nil, fmt.Errorf("invalid method %q", p.method)
		}
		off = len(p.method) + 1
	}
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return nil, errors.New("host/path missing /")
	}
	p.host = rest[:i]
	rest = rest[i:]
	if j := strings.IndexByte(p.host, '{'); j >= 0 {
		off += j
		return nil, errors.New("host contains '{' (missing initial '/'?)")
	}
	off += i
	// Paths are cleaned before matching: an unclean one never matches.
	if p.method != "" && p.method != "CONNECT" && rest != cleanPath(rest) {
		return nil, errors.New("non-CONNECT pattern with unclean path can never match")
	}
	seen := map[string]bool{}
	for len(rest) > 0 {
		rest = rest[1:]
		off = len(s) - len(rest)
		if rest == "" {
			// A trailing slash: every path below.
			p.segs = append(p.segs, segment{kind: segMulti})
			break
		}
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			j = len(rest)
		}
		seg := rest[:j]
		rest = rest[j:]
		brace := strings.IndexByte(seg, '{')
		if brace < 0 {
			lit, err := url.PathUnescape(seg)
			if err != nil {
				// Badly escaped: the text as it is.
				lit = seg
			}
			p.segs = append(p.segs, segment{kind: segLiteral, s: lit})
			continue
		}
		if brace != 0 {
			return nil, errors.New("bad wildcard segment (must start with '{')")
		}
		if seg[len(seg)-1] != '}' {
			return nil, errors.New("bad wildcard segment (must end with '}')")
		}
		name := seg[1 : len(seg)-1]
		if name == "$" {
			if rest != "" {
				return nil, errors.New("{$} not at end")
			}
			p.segs = append(p.segs, segment{kind: segLiteral, s: "/"})
			break
		}
		kind := segWild
		if strings.HasSuffix(name, "...") {
			name = strings.TrimSuffix(name, "...")
			kind = segMulti
			if rest != "" {
				return nil, errors.New("{...} wildcard not at end")
			}
		}
		if name == "" {
			return nil, errors.New("empty wildcard")
		}
		if !isWildcardName(name) {
			return nil, fmt.Errorf("bad wildcard name %q", name)
		}
		if seen[name] {
			return nil, fmt.Errorf("duplicate wildcard name %q", name)
		}
		seen[name] = true
		p.segs = append(p.segs, segment{kind: kind, s: name})
	}
	return p, nil
}

// isWildcardName: s is a Go identifier.
func isWildcardName(s string) bool {
	for i, c := range s {
		if !unicode.IsLetter(c) && c != '_' && (i == 0 || !unicode.IsDigit(c)) {
			return false
		}
	}
	return s != ""
}

// Handle registers handler for pattern; it panics for an invalid pattern
// or one that conflicts with a registered pattern.
func (mux *ServeMux) Handle(pattern string, handler Handler) {
	mux.register(pattern, handler)
}

func (mux *ServeMux) HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	mux.register(pattern, HandlerFunc(handler))
}

func Handle(pattern string, handler Handler) { DefaultServeMux.register(pattern, handler) }

func HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	DefaultServeMux.register(pattern, HandlerFunc(handler))
}

// register is called by the four registering functions, whose caller's
// position it records for conflict messages.
func (mux *ServeMux) register(patstr string, handler Handler) {
	if patstr == "" {
		panic(errors.New("http: invalid pattern"))
	}
	if handler == nil {
		panic(errors.New("http: nil handler"))
	}
	if f, ok := handler.(HandlerFunc); ok && f == nil {
		panic(errors.New("http: nil handler"))
	}
	p, err := parsePattern(patstr)
	if err != nil {
		panic(fmt.Errorf("parsing %q: %w", patstr, err))
	}
	p.handler = handler
	if _, file, line, ok := runtime.Caller(2); ok {
		p.loc = file + ":" + strconv.Itoa(line)
	} else {
		p.loc = "unknown location"
	}
	mux.mu.Lock()
	defer mux.mu.Unlock()
	for _, q := range mux.possibleConflicts(p) {
		if p.conflictsWith(q) {
			panic(fmt.Errorf("pattern %q (registered at %s) conflicts with pattern %q (registered at %s):\n%s",
				p.str, p.loc, q.str, q.loc, describeConflict(p, q)))
		}
	}
	mux.patterns = append(mux.patterns, p)
}

// match: whether p matches the escaped path; the wildcard values.
func (p *pattern) match(segs []string) (bool, []string, []string) {
	var names, values []string
	for i, s := range p.segs {
		if s.kind == segMulti {
			rest := strings.Join(segs[i:], "/")
			if i >= len(segs) {
				rest = ""
			}
			v, err := url.PathUnescape(rest)
			if err != nil {
				return false, nil, nil
			}
			if s.s != "" {
				names = append(names, s.s)
				values = append(values, v)
			}
			return true, names, values
		}
		if i >= len(segs) {
			return false, nil, nil
		}
		v, err := url.PathUnescape(segs[i])
		if err != nil {
			return false, nil, nil
		}
		switch s.kind {
		case segLiteral:
			// "/" is {$}: the empty segment after a final slash.
			if s.s == "/" && segs[i] != "" || s.s != "/" && v != s.s {
				return false, nil, nil
			}
		case segWild:
			if v == "" {
				return false, nil, nil
			}
			names = append(names, s.s)
			values = append(values, v)
		}
	}
	return len(segs) == len(p.segs), names, values
}

// pathPrecedence: whether a's path is more specific than b's, both matching
// one request.
func pathPrecedence(a, b *pattern) int {
	for i := 0; i < len(a.segs) || i < len(b.segs); i++ {
		ka, kb := 0, 0
		if i < len(a.segs) {
			ka = a.segs[i].kind
		}
		if i < len(b.segs) {
			kb = b.segs[i].kind
		}
		if ka != kb {
			if ka > kb {
				return 1
			}
			return -1
		}
		if ka == segMulti {
			break
		}
	}
	return 0
}

func methodMatches(pm, method string) bool {
	return pm == "" || pm == method || pm == "GET" && method == "HEAD"
}

// best finds the pattern for (method, host, path) and its wildcards.
// Without method restriction (method "") every method matches.
func (mux *ServeMux) best(method, host, path string, anyMethod bool) (*pattern, []string, []string) {
	segs := strings.Split(path[1:], "/")
	var best *pattern
	var bn, bv []string
	for _, p := range mux.patterns {
		if !anyMethod && !methodMatches(p.method, method) {
			continue
		}
		if p.host != "" && !strings.EqualFold(p.host, host) {
			continue
		}
		ok, names, values := p.match(segs)
		if !ok {
			continue
		}
		if best == nil || better(p, best) {
			best, bn, bv = p, names, values
		}
	}
	return best, bn, bv
}

func better(p, q *pattern) bool {
	if (p.host != "") != (q.host != "") {
		return p.host != ""
	}
	if c := pathPrecedence(p, q); c != 0 {
		return c > 0
	}
	return p.method != "" && q.method == ""
}

func stripHostPort(h string) string {
	if !strings.Contains(h, ":") {
		return h
	}
	if i := strings.LastIndex(h, ":"); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
}

// Handler finds the handler for r and its pattern ("" for the 404, 405
// and redirect handlers it makes).
func (mux *ServeMux) Handler(r *Request) (h Handler, pattern string) {
	h, p, _, _ := mux.findHandler(r)
	if p == nil {
		return h, ""
	}
	return h, p.str
}

func (mux *ServeMux) findHandler(r *Request) (Handler, *pattern, []string, []string) {
	// Unlocked without defer (once per request): routing runs no code of
	// the program's, so nothing between can panic.
	mux.mu.RLock()
	h, p, names, values := mux.findHandlerLocked(r)
	mux.mu.RUnlock()
	return h, p, names, values
}

func (mux *ServeMux) findHandlerLocked(r *Request) (Handler, *pattern, []string, []string) {
	host := stripHostPort(r.Host)
	path := r.URL.EscapedPath()
	if r.Method == "CONNECT" {
		p, n, v := mux.best(r.Method, host, path, false)
		if p == nil {
			return NotFoundHandler(), nil, nil, nil
		}
		return p.handler, p, n, v
	}
	clean := cleanPath(path)
	p, names, values := mux.best(r.Method, host, clean, false)
	if !exactMatch(p, clean) && !strings.HasSuffix(clean, "/") {
		// "/tree" when "/tree/" matches exactly: redirect there.
		if q, _, _ := mux.best(r.Method, host, clean+"/", false); exactMatch(q, clean+"/") {
			u := &url.URL{Path: clean + "/", RawQuery: r.URL.RawQuery}
			return RedirectHandler(u.String(), StatusMovedPermanently), nil, nil, nil
		}
	}
	if clean != path {
		u := &url.URL{Path: clean, RawQuery: r.URL.RawQuery}
		return RedirectHandler(u.String(), StatusMovedPermanently), nil, nil, nil
	}
	if p == nil {
		if allowed := mux.allowedMethods(host, clean); len(allowed) > 0 {
			return HandlerFunc(func(w ResponseWriter, r *Request) {
				w.Header().Set("Allow", strings.Join(allowed, ", "))
				Error(w, StatusText(StatusMethodNotAllowed), StatusMethodNotAllowed)
			}), nil, nil, nil
		}
		return NotFoundHandler(), nil, nil, nil
	}
	return p.handler, p, names, values
}

// exactMatch: p matches path without a non-empty rest-of-path match.
func exactMatch(p *pattern, path string) bool {
	if p == nil {
		return false
	}
	if p.segs[len(p.segs)-1].kind != segMulti {
		return true
	}
	if path[len(path)-1] != '/' {
		return false
	}
	return len(p.segs) == strings.Count(path, "/")
}

// allowedMethods lists the methods of the patterns matching path, sorted
// (HEAD beside GET).
func (mux *ServeMux) allowedMethods(host, path string) []string {
	segs := strings.Split(path[1:], "/")
	set := map[string]bool{}
	for _, p := range mux.patterns {
		if p.method == "" {
			continue
		}
		if p.host != "" && !strings.EqualFold(p.host, host) {
			continue
		}
		if ok, _, _ := p.match(segs); ok {
			set[p.method] = true
			if p.method == "GET" {
				set["HEAD"] = true
			}
		}
	}
	var ms []string
	for m := range set {
		ms = append(ms, m)
	}
	sort.Strings(ms)
	return ms
}

// ServeHTTP dispatches r to its handler, with the pattern's wildcards set.
func (mux *ServeMux) ServeHTTP(w ResponseWriter, r *Request) {
	if r.RequestURI == "*" {
		if r.ProtoAtLeast(1, 1) {
			w.Header().Set("Connection", "close")
		}
		w.WriteHeader(StatusBadRequest)
		return
	}
	h, p, names, values := mux.findHandler(r)
	if p != nil {
		r.Pattern = p.str
		r.pathNames = names
		r.pathValues = values
	}
	h.ServeHTTP(w, r)
}

// isClean: p is rooted and has no empty, "." or ".." element (but for a
// final slash), so cleanPath would return it unchanged.
func isClean(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	for i := 1; i < len(p); i++ {
		if p[i-1] != '/' {
			continue
		}
		// An element starts at i.
		switch {
		case p[i] == '/':
			return false
		case p[i] == '.' && (i+1 == len(p) || p[i+1] == '/'):
			return false
		case p[i] == '.' && i+1 < len(p) && p[i+1] == '.' && (i+2 == len(p) || p[i+2] == '/'):
			return false
		}
	}
	return true
}

// cleanPath is the canonical form of a URL path: rooted, without "." and
// ".." elements or repeated slashes, keeping a final slash.
func cleanPath(p string) string {
	if isClean(p) {
		return p
	}
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	var out []string
	for _, e := range strings.Split(p, "/") {
		switch e {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, e)
		}
	}
	np := "/" + strings.Join(out, "/")
	last := p[len(p)-1]
	if np != "/" && (last == '/' || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")) {
		if last == '/' {
			np += "/"
		}
	}
	return np
}
