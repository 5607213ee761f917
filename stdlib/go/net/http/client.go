// The client: Client (redirects with Go's header rules, timeouts, a
// cookie jar, basic authentication from the URL's user info) over a
// Transport that dials plain TCP and keeps idle connections for reuse
// (HTTP/1.1 keep-alive). HTTPS is not provided; host names are compared
// in lower case where Go compares their punycode forms.

package http

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// RoundTripper executes one HTTP transaction.
type RoundTripper interface {
	RoundTrip(*Request) (*Response, error)
}

// Transport is a RoundTripper over TCP connections, kept for reuse.
type Transport struct {
	DialContext           func(ctx context.Context, network, addr string) (net.Conn, error)
	DisableKeepAlives     bool
	MaxIdleConnsPerHost   int
	ResponseHeaderTimeout time.Duration
	IdleConnTimeout       time.Duration

	mu   sync.Mutex
	idle map[string][]*persistConn
}

// DefaultTransport is the Transport of DefaultClient.
var DefaultTransport RoundTripper = &Transport{}

// DefaultMaxIdleConnsPerHost is the idle connections kept per host when
// MaxIdleConnsPerHost is 0.
const DefaultMaxIdleConnsPerHost = 2

type persistConn struct {
	t    *Transport
	key  string
	conn net.Conn
	br   *bufio.Reader
}

func canonicalAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func (t *Transport) getIdle(key string) *persistConn {
	t.mu.Lock()
	defer t.mu.Unlock()
	list := t.idle[key]
	if len(list) == 0 {
		return nil
	}
	pc := list[len(list)-1]
	t.idle[key] = list[:len(list)-1]
	return pc
}

func (t *Transport) putIdle(pc *persistConn) {
	t.mu.Lock()
	defer t.mu.Unlock()
	max := t.MaxIdleConnsPerHost
	if max == 0 {
		max = DefaultMaxIdleConnsPerHost
	}
	if t.DisableKeepAlives || max < 0 || len(t.idle[pc.key]) >= max {
		pc.conn.Close()
		return
	}
	if t.idle == nil {
		t.idle = make(map[string][]*persistConn)
	}
	t.idle[pc.key] = append(t.idle[pc.key], pc)
}

// CloseIdleConnections closes the connections kept for reuse.
func (t *Transport) CloseIdleConnections() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, list := range t.idle {
		for _, pc := range list {
			pc.conn.Close()
		}
	}
	t.idle = nil
}

func (t *Transport) dial(ctx context.Context, addr string) (*persistConn, error) {
	var conn net.Conn
	var err error
	if t.DialContext != nil {
		conn, err = t.DialContext(ctx, "tcp", addr)
	} else {
		var d net.Dialer
		conn, err = d.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return nil, err
	}
	return &persistConn{t: t, key: addr, conn: conn, br: bufio.NewReader(conn)}, nil
}

// RoundTrip sends req and reads the response header; the body is read
// from the connection as the caller reads it.
func (t *Transport) RoundTrip(req *Request) (*Response, error) {
	if req.URL == nil {
		return nil, errors.New("http: nil Request.URL")
	}
	if req.Header == nil {
		return nil, errors.New("http: nil Request.Header")
	}
	switch req.URL.Scheme {
	case "http":
	case "https":
		return nil, errors.New("gol does not implement https yet")
	default:
		return nil, fmt.Errorf("unsupported protocol scheme %q", req.URL.Scheme)
	}
	if req.URL.Host == "" {
		return nil, errors.New("http: no Host in request URL")
	}
	ctx := req.Context()
	addr := canonicalAddr(req.URL)
	for attempt := 0; ; attempt++ {
		pc := t.getIdle(addr)
		reused := pc != nil
		if pc == nil {
			var err error
			if pc, err = t.dial(ctx, addr); err != nil {
				return nil, err
			}
		}
		resp, err := pc.roundTrip(req)
		if err == nil {
			return resp, nil
		}
		pc.conn.Close()
		// A kept connection the server closed meanwhile: try a new one,
		// when the request can be sent again.
		if reused && attempt == 0 && (req.Body == nil || req.Body == NoBody || req.GetBody != nil) {
			if req.GetBody != nil && req.Body != nil && req.Body != NoBody {
				b, gerr := req.GetBody()
				if gerr != nil {
					return nil, err
				}
				r2 := *req
				r2.Body = b
				req = &r2
			}
			continue
		}
		return nil, err
	}
}

func (pc *persistConn) roundTrip(req *Request) (*Response, error) {
	ctx := req.Context()
	if dl, ok := ctx.Deadline(); ok {
		pc.conn.SetDeadline(dl)
	} else {
		pc.conn.SetDeadline(time.Time{})
	}
	stop := make(chan struct{})
	defer close(stop)
	if done := ctx.Done(); done != nil {
		// Cancellation closes the connection under the blocked read.
		go func() {
			select {
			case <-done:
				pc.conn.Close()
			case <-stop:
			}
		}()
	}
	r := req
	if pc.t.DisableKeepAlives && !req.Close {
		r2 := *req
		r2.Close = true
		r = &r2
	}
	if err := r.Write(pc.conn); err != nil {
		return nil, pc.mapErr(ctx, err)
	}
	if d := pc.t.ResponseHeaderTimeout; d > 0 {
		pc.conn.SetReadDeadline(time.Now().Add(d))
	}
	resp, err := ReadResponse(pc.br, req)
	if err != nil {
		return nil, pc.mapErr(ctx, err)
	}
	keep := !resp.Close && !r.Close
	if b, ok := resp.Body.(*body); ok {
		b.onEOF = func() {
			if keep {
				pc.conn.SetDeadline(time.Time{})
				pc.t.putIdle(pc)
			} else {
				pc.conn.Close()
			}
		}
		b.onClose = func() { pc.conn.Close() }
	} else if keep {
		pc.conn.SetDeadline(time.Time{})
		pc.t.putIdle(pc)
	} else {
		pc.conn.Close()
	}
	return resp, nil
}

func (pc *persistConn) mapErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return errors.New("EOF")
	}
	return err
}

// A Client sends requests: it follows redirects (up to 10), bounds each
// request by Timeout, and keeps cookies in Jar when it has one.
type Client struct {
	Transport     RoundTripper
	CheckRedirect func(req *Request, via []*Request) error
	Jar           CookieJar
	Timeout       time.Duration
}

// A CookieJar stores the cookies of responses and gives those a request
// to a URL should send (net/http/cookiejar.Jar is one).
type CookieJar interface {
	SetCookies(u *url.URL, cookies []*Cookie)
	Cookies(u *url.URL) []*Cookie
}

// DefaultClient is the Client of Get, Post, Head and PostForm.
var DefaultClient = &Client{}

type timeoutError struct{ err string }

func (e *timeoutError) Error() string   { return e.err }
func (e *timeoutError) Timeout() bool   { return true }
func (e *timeoutError) Temporary() bool { return true }

func urlErrorOp(method string) string {
	if method == "" {
		return "Get"
	}
	return method[:1] + strings.ToLower(method[1:])
}

func (c *Client) transport() RoundTripper {
	if c.Transport != nil {
		return c.Transport
	}
	return DefaultTransport
}

// Do sends req and follows the redirects of the responses.
func (c *Client) Do(req *Request) (*Response, error) {
	var via []*Request
	var cancel context.CancelFunc
	if c.Timeout > 0 {
		var ctx context.Context
		ctx, cancel = context.WithTimeout(req.Context(), c.Timeout)
		req = req.WithContext(ctx)
	}
	uerr := func(err error) error {
		if cancel != nil {
			cancel()
		}
		if err == context.DeadlineExceeded && c.Timeout > 0 {
			err = &timeoutError{err.Error() + " (Client.Timeout exceeded while awaiting headers)"}
		}
		return &url.Error{Op: urlErrorOp(via0Method(via, req)), URL: urlString(via, req), Err: err}
	}
	ireq := req
	copyHeaders := c.makeHeadersCopier(ireq)
	stripSensitive := false
	for {
		if len(via) > 0 {
			if len(via) >= 10 && c.CheckRedirect == nil {
				return nil, uerr(errors.New("stopped after 10 redirects"))
			}
		}
		resp, err := c.send(req)
		if err != nil {
			return nil, uerr(err)
		}
		code := resp.StatusCode
		if code != 301 && code != 302 && code != 303 && code != 307 && code != 308 {
			c.attachCancel(resp, cancel)
			return resp, nil
		}
		loc := resp.Header.Get("Location")
		if loc == "" {
			c.attachCancel(resp, cancel)
			return resp, nil
		}
		u, err := req.URL.Parse(loc)
		if err != nil {
			resp.Body.Close()
			return nil, uerr(fmt.Errorf("failed to parse Location header %q: %v", loc, err))
		}
		method := req.Method
		var body io.ReadCloser
		var getBody func() (io.ReadCloser, error)
		contentLength := int64(0)
		includeBody := code == 307 || code == 308
		if includeBody {
			// The first request's body is sent again, if it can be.
			if ireq.GetBody == nil && ireq.Body != nil && ireq.Body != NoBody {
				c.attachCancel(resp, cancel)
				return resp, nil
			}
			if ireq.GetBody != nil {
				if body, err = ireq.GetBody(); err != nil {
					resp.Body.Close()
					return nil, uerr(err)
				}
				getBody = ireq.GetBody
				contentLength = ireq.ContentLength
			}
		} else if method != "GET" && method != "HEAD" {
			method = "GET"
		}
		// A custom Host survives a redirect to a relative location.
		host := u.Host
		if req.Host != "" && req.Host != req.URL.Host {
			if lu, _ := url.Parse(loc); lu != nil && !lu.IsAbs() {
				host = req.Host
			}
		}
		next := &Request{
			Method:        method,
			URL:           u,
			Proto:         "HTTP/1.1",
			ProtoMajor:    1,
			ProtoMinor:    1,
			Header:        make(Header),
			Body:          body,
			GetBody:       getBody,
			ContentLength: contentLength,
			Host:          host,
			ctx:           req.Context(),
			Response:      resp,
		}
		// The first request's header goes on, without credentials and
		// cookies once the chain leaves its domain and without the body's
		// fields when the body is dropped; then the Referer.
		if !stripSensitive && ireq.URL.Host != u.Host && !shouldCopyHeaderOnRedirect(ireq.URL, u) {
			stripSensitive = true
		}
		copyHeaders(next, stripSensitive, !includeBody)
		if ref := refererForURL(req.URL, u, next.Header.Get("Referer")); ref != "" {
			next.Header.Set("Referer", ref)
		}
		via = append(via, req)
		if c.CheckRedirect != nil {
			if err := c.CheckRedirect(next, via); err != nil {
				if err == ErrUseLastResponse {
					c.attachCancel(resp, cancel)
					return resp, nil
				}
				resp.Body.Close()
				return resp, uerr(err)
			}
		}
		// Read a little of the old body so its connection can be reused.
		io.CopyN(io.Discard, resp.Body, 2<<10)
		resp.Body.Close()
		req = next
	}
}

func via0Method(via []*Request, req *Request) string {
	if len(via) > 0 {
		return via[0].Method
	}
	return req.Method
}

func urlString(via []*Request, req *Request) string {
	u := req.URL
	if u == nil {
		return ""
	}
	s := u.String()
	if len(via) > 0 {
		s = strings.TrimSuffix(s, "?")
	}
	return s
}

// attachCancel ends the timeout's context when the body is closed.
// send sends one request of a chain: with the jar's cookies for its URL
// added (to req itself, as Go does) and the response's cookies given to
// the jar.
func (c *Client) send(req *Request) (*Response, error) {
	cookieURL := req.URL
	if req.Host != "" && req.URL != nil {
		u2 := *req.URL
		u2.Host = req.Host
		cookieURL = &u2
	}
	if c.Jar != nil && req.URL != nil {
		if req.Header == nil {
			req.Header = make(Header)
		}
		for _, cookie := range c.Jar.Cookies(cookieURL) {
			req.AddCookie(cookie)
		}
	}
	resp, err := c.transport().RoundTrip(withUserinfo(req))
	if err != nil {
		return nil, err
	}
	if c.Jar != nil {
		if rc := resp.Cookies(); len(rc) > 0 {
			c.Jar.SetCookies(cookieURL, rc)
		}
	}
	return resp, nil
}

// makeHeadersCopier returns the function that gives a redirected request
// the header of the first one. With a jar, the first request's own
// cookies that a response in the chain set again are left to the jar.
func (c *Client) makeHeadersCopier(ireq *Request) func(req *Request, stripSensitive, stripBody bool) {
	ihdr := ireq.Header.Clone()
	if ihdr == nil {
		ihdr = make(Header)
	}
	var icookies map[string][]*Cookie
	if c.Jar != nil && ireq.Header.Get("Cookie") != "" {
		icookies = make(map[string][]*Cookie)
		for _, ck := range ireq.Cookies() {
			icookies[ck.Name] = append(icookies[ck.Name], ck)
		}
	}
	return func(req *Request, stripSensitive, stripBody bool) {
		if c.Jar != nil && icookies != nil {
			changed := false
			for _, ck := range req.Response.Cookies() {
				if _, ok := icookies[ck.Name]; ok {
					delete(icookies, ck.Name)
					changed = true
				}
			}
			if changed {
				ihdr.Del("Cookie")
				var ss []string
				for _, cs := range icookies {
					for _, ck := range cs {
						ss = append(ss, ck.Name+"="+ck.Value)
					}
				}
				sort.Strings(ss)
				ihdr.Set("Cookie", strings.Join(ss, "; "))
			}
		}
		for k, vv := range ihdr {
			sensitive, body := false, false
			switch CanonicalHeaderKey(k) {
			case "Authorization", "Www-Authenticate", "Cookie", "Cookie2", "Proxy-Authorization", "Proxy-Authenticate":
				sensitive = true
			case "Content-Encoding", "Content-Language", "Content-Location", "Content-Type":
				body = true
			}
			if !(sensitive && stripSensitive) && !(body && stripBody) {
				req.Header[k] = vv
			}
		}
	}
}

// shouldCopyHeaderOnRedirect: credentials and cookies follow a redirect
// to the same host or a subdomain of it (host names compared in lower
// case; Go compares their punycode forms).
func shouldCopyHeaderOnRedirect(initial, dest *url.URL) bool {
	ihost, ok1 := asciiLower(initial.Hostname())
	dhost, ok2 := asciiLower(dest.Hostname())
	return ok1 && ok2 && isDomainOrSubdomain(dhost, ihost)
}

// isDomainOrSubdomain: sub is parent or a domain below it.
func isDomainOrSubdomain(sub, parent string) bool {
	if sub == parent {
		return true
	}
	if strings.ContainsAny(sub, ":%") {
		return false
	}
	if !strings.HasSuffix(sub, parent) {
		return false
	}
	return sub[len(sub)-len(parent)-1] == '.'
}

// refererForURL is the Referer of a redirect from lastReq to newReq: the
// one the request had, else lastReq without its user info; none from
// https to http.
func refererForURL(lastReq, newReq *url.URL, explicitRef string) string {
	if lastReq.Scheme == "https" && newReq.Scheme == "http" {
		return ""
	}
	if explicitRef != "" {
		return explicitRef
	}
	referer := lastReq.String()
	if lastReq.User != nil {
		referer = strings.Replace(referer, lastReq.User.String()+"@", "", 1)
	}
	return referer
}

// withUserinfo is req, or a copy of it that sends the user name and
// password of its URL as basic authentication when it has none of its own.
func withUserinfo(req *Request) *Request {
	if req.URL == nil || req.URL.User == nil || req.Header.Get("Authorization") != "" {
		return req
	}
	u := req.URL.User
	password, _ := u.Password()
	r2 := *req
	r2.Header = req.Header.Clone()
	if r2.Header == nil {
		r2.Header = make(Header)
	}
	r2.Header.Set("Authorization", "Basic "+basicAuth(u.Username(), password))
	return &r2
}

func (c *Client) attachCancel(resp *Response, cancel context.CancelFunc) {
	if cancel == nil {
		return
	}
	resp.Body = &cancelBody{resp.Body, cancel}
}

type cancelBody struct {
	rc     io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if err == io.EOF {
		b.cancel()
	}
	return n, err
}

func (b *cancelBody) Close() error {
	err := b.rc.Close()
	b.cancel()
	return err
}

func (c *Client) Get(url string) (*Response, error) {
	req, err := NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func (c *Client) Head(url string) (*Response, error) {
	req, err := NewRequest("HEAD", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func (c *Client) Post(url, contentType string, body io.Reader) (*Response, error) {
	req, err := NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	return c.Do(req)
}

func (c *Client) PostForm(url string, data url.Values) (*Response, error) {
	return c.Post(url, "application/x-www-form-urlencoded", strings.NewReader(data.Encode()))
}

// CloseIdleConnections closes its Transport's idle connections.
func (c *Client) CloseIdleConnections() {
	if t, ok := c.transport().(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

func Get(url string) (*Response, error)  { return DefaultClient.Get(url) }
func Head(url string) (*Response, error) { return DefaultClient.Head(url) }

func Post(url, contentType string, body io.Reader) (*Response, error) {
	return DefaultClient.Post(url, contentType, body)
}

func PostForm(url string, data url.Values) (*Response, error) {
	return DefaultClient.PostForm(url, data)
}
