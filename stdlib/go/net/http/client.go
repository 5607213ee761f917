// The client: Client (redirects, timeouts) over a Transport that dials
// plain TCP and keeps idle connections for reuse (HTTP/1.1 keep-alive).
// HTTPS is not provided.

package http

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
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

// A Client sends requests: it follows redirects (up to 10) and bounds each
// request by Timeout.
type Client struct {
	Transport     RoundTripper
	CheckRedirect func(req *Request, via []*Request) error
	Timeout       time.Duration
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
	for {
		if len(via) > 0 {
			if len(via) >= 10 && c.CheckRedirect == nil {
				return nil, uerr(errors.New("stopped after 10 redirects"))
			}
		}
		resp, err := c.transport().RoundTrip(withUserinfo(req))
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
		if code == 307 || code == 308 {
			if req.GetBody == nil && req.Body != nil && req.Body != NoBody {
				c.attachCancel(resp, cancel)
				return resp, nil
			}
			if req.GetBody != nil {
				if body, err = req.GetBody(); err != nil {
					resp.Body.Close()
					return nil, uerr(err)
				}
				getBody = req.GetBody
				contentLength = req.ContentLength
			}
		} else if method != "GET" && method != "HEAD" {
			method = "GET"
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
			Host:          u.Host,
			ctx:           req.Context(),
			Response:      resp,
		}
		if ua := req.Header.Get("User-Agent"); ua != "" {
			next.Header.Set("User-Agent", ua)
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
