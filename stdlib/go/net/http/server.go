// The server: Handler and ResponseWriter, the connection loop (one
// goroutine per connection, requests in turn, keep-alive), how a response
// is framed (Content-Length when the handler's whole output is known,
// chunked otherwise), panics in handlers, and graceful shutdown.

package http

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A Handler responds to an HTTP request.
type Handler interface {
	ServeHTTP(ResponseWriter, *Request)
}

// HandlerFunc makes an ordinary function a Handler.
type HandlerFunc func(ResponseWriter, *Request)

func (f HandlerFunc) ServeHTTP(w ResponseWriter, r *Request) { f(w, r) }

// A ResponseWriter builds a response: its header, status and body.
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

// Flusher is a ResponseWriter that can send what it buffered.
type Flusher interface {
	Flush()
}

var (
	ErrServerClosed    = errors.New("http: Server closed")
	ErrAbortHandler    = errors.New("net/http: abort Handler")
	ErrBodyNotAllowed  = errors.New("http: request method or response status code does not allow body")
	ErrContentLength   = errors.New("http: wrote more than the declared Content-Length")
	ErrHandlerTimeout  = errors.New("http: Handler timeout")
	ErrMissingFile     = errors.New("http: no such file")
	ErrNoLocation      = errors.New("http: no Location header in response")
	ErrUseLastResponse = errors.New("net/http: use last response")
)

// A Server serves HTTP on the connections of its listeners.
type Server struct {
	Addr              string
	Handler           Handler
	ReadTimeout       time.Duration
	ReadHeaderTimeout time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	MaxHeaderBytes    int
	ErrorLog          *log.Logger
	BaseContext       func(net.Listener) context.Context

	mu         sync.Mutex
	listeners  []net.Listener
	conns      map[*conn]bool
	onShutdown []func()
	// inShutdown is read on every request, so it is an atomic; it is set
	// under mu (with the listener and connection sets).
	inShutdown atomic.Bool
}

// ListenAndServe listens on TCP address addr and serves handler (nil:
// DefaultServeMux). It always returns a non-nil error.
func ListenAndServe(addr string, handler Handler) error {
	server := &Server{Addr: addr, Handler: handler}
	return server.ListenAndServe()
}

// Serve serves handler on the connections l accepts.
func Serve(l net.Listener, handler Handler) error {
	srv := &Server{Handler: handler}
	return srv.Serve(l)
}

func (s *Server) logf(format string, args ...any) {
	if s.ErrorLog != nil {
		s.ErrorLog.Printf(format, args...)
	} else {
		log.Printf(format, args...)
	}
}

func (s *Server) shuttingDown() bool {
	return s.inShutdown.Load()
}

func (s *Server) ListenAndServe() error {
	if s.shuttingDown() {
		return ErrServerClosed
	}
	addr := s.Addr
	if addr == "" {
		addr = ":http"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Serve accepts connections on l, each served by a goroutine of its own,
// until l fails or the server shuts down (ErrServerClosed).
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.inShutdown.Load() {
		s.mu.Unlock()
		l.Close()
		return ErrServerClosed
	}
	s.listeners = append(s.listeners, l)
	if s.conns == nil {
		s.conns = make(map[*conn]bool)
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		for i, x := range s.listeners {
			if x == l {
				s.listeners = append(s.listeners[:i], s.listeners[i+1:]...)
				break
			}
		}
		s.mu.Unlock()
		l.Close()
	}()
	base := context.Background()
	if s.BaseContext != nil {
		base = s.BaseContext(l)
		if base == nil {
			panic("BaseContext returned a nil context")
		}
	}
	var tempDelay time.Duration
	for {
		rw, err := l.Accept()
		if err != nil {
			if s.shuttingDown() {
				return ErrServerClosed
			}
			if ne, ok := err.(net.Error); ok && ne.Temporary() {
				if tempDelay == 0 {
					tempDelay = 5 * time.Millisecond
				} else {
					tempDelay *= 2
				}
				if max := 1 * time.Second; tempDelay > max {
					tempDelay = max
				}
				s.logf("http: Accept error: %v; retrying in %v", err, tempDelay)
				time.Sleep(tempDelay)
				continue
			}
			return err
		}
		tempDelay = 0
		c := &conn{server: s, rwc: rw}
		if !s.track(c) {
			rw.Close()
			return ErrServerClosed
		}
		go c.serve(base)
	}
}

func (s *Server) track(c *conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inShutdown.Load() {
		return false
	}
	s.conns[c] = true
	return true
}

func (s *Server) untrack(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
}

// RegisterOnShutdown registers f to run (in a goroutine) at Shutdown.
func (s *Server) RegisterOnShutdown(f func()) {
	s.mu.Lock()
	s.onShutdown = append(s.onShutdown, f)
	s.mu.Unlock()
}

// Close closes the listeners and every connection at once.
func (s *Server) Close() error {
	s.mu.Lock()
	s.inShutdown.Store(true)
	var err error
	for _, l := range s.listeners {
		if e := l.Close(); e != nil && err == nil {
			err = e
		}
	}
	for c := range s.conns {
		c.rwc.Close()
	}
	s.mu.Unlock()
	return err
}

// Shutdown closes the listeners, then the idle connections, and waits for
// the active ones to finish their requests (or ctx to end).
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.inShutdown.Store(true)
	var err error
	for _, l := range s.listeners {
		if e := l.Close(); e != nil && err == nil {
			err = e
		}
	}
	for _, f := range s.onShutdown {
		go f()
	}
	s.mu.Unlock()
	pollInterval := time.Millisecond
	for {
		if s.closeIdleConns() {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
		if pollInterval < 500*time.Millisecond {
			pollInterval *= 2
		}
	}
}

// closeIdleConns closes idle connections; whether none is left.
func (s *Server) closeIdleConns() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	quiescent := true
	for c := range s.conns {
		if c.isIdle() {
			c.rwc.Close()
			delete(s.conns, c)
		} else {
			quiescent = false
		}
	}
	return quiescent
}

// conn is the server side of one connection.
type conn struct {
	server     *Server
	rwc        net.Conn
	remoteAddr string
	// idle: waiting for the next request (Shutdown closes idle
	// connections); an atomic, as it changes twice per request.
	idle atomic.Bool
}

func (c *conn) setIdle(idle bool) { c.idle.Store(idle) }

func (c *conn) isIdle() bool { return c.idle.Load() }

// connReader is what a connection's bufio.Reader reads. While a handler
// runs on a request read to its end, one goroutine may wait on a byte of
// the connection (backgroundRead), as Go's server does: the client closing
// the connection, or any other read error, cancels the request's context,
// so that a handler watching ctx.Done() stops. The wait starts only once
// the handler looks at its context (watchCtx): a handler that never does
// cannot tell, and most never do, so they pay no goroutine, no extra read
// and no lock (the common path is atomics only). The read is not aborted
// when the handler returns (Go's server aborts it with a past deadline):
// it ends when the next request's first byte comes, and the connection's
// next Read waits for it and returns that byte, or its error (an idle
// timeout, a close).
// Invariant: one read of rwc at a time. pending is set (under mu) before
// the background read starts and cleared by the Read that takes its
// result; a Read that sees it clear reads rwc itself, which is safe as a
// background read only starts while the handler runs with the request
// read to its end, when nothing else reads the connection.
type connReader struct {
	rwc     net.Conn
	pending atomic.Bool
	mu      sync.Mutex
	cond    *sync.Cond
	inRead  bool
	hasByte bool
	byteBuf [1]byte
	err     error
	cancel  context.CancelFunc
}

func newConnReader(rwc net.Conn) *connReader {
	cr := &connReader{rwc: rwc}
	cr.cond = sync.NewCond(&cr.mu)
	return cr
}

func (cr *connReader) Read(p []byte) (int, error) {
	if !cr.pending.Load() {
		return cr.rwc.Read(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	cr.mu.Lock()
	for cr.inRead {
		cr.cond.Wait()
	}
	cr.pending.Store(false)
	if cr.hasByte {
		p[0] = cr.byteBuf[0]
		cr.hasByte = false
		cr.mu.Unlock()
		return 1, nil
	}
	err := cr.err
	cr.err = nil
	cr.mu.Unlock()
	return 0, err
}

// startBackgroundRead watches the connection while the handler runs;
// cancel is the request's.
func (cr *connReader) startBackgroundRead(cancel context.CancelFunc) {
	cr.mu.Lock()
	if cr.pending.Load() {
		cr.mu.Unlock()
		return
	}
	cr.pending.Store(true)
	cr.inRead = true
	cr.cancel = cancel
	cr.mu.Unlock()
	go cr.backgroundRead()
}

// The bits of watchCtx.state.
const (
	watchArmed    = 1 << iota // Done, Err or Value was called
	watchBodyRead             // the request is read to its end
	watchEnded                // the handler returned
	watchStarted              // the background read was started
)

// watchCtx is a request's context: the first Done, Err or Value call
// (the ways to see a cancellation, Cause included) arms the watch on the
// connection, which starts once the request has been read to its end (at
// once for a request without a body) and never after the handler
// returned. Arming takes mu and so does any change of state once armed:
// end cannot return while a start it should prevent is under way. Before
// that, bodyRead and end are a compare-and-swap each.
type watchCtx struct {
	context.Context
	state  atomic.Int32
	mu     sync.Mutex
	cr     *connReader
	cancel context.CancelFunc
}

func (c *watchCtx) Done() <-chan struct{} {
	c.arm()
	return c.Context.Done()
}

func (c *watchCtx) Err() error {
	c.arm()
	return c.Context.Err()
}

func (c *watchCtx) Value(key any) any {
	c.arm()
	return c.Context.Value(key)
}

func (c *watchCtx) arm() {
	if c.state.Load()&watchArmed != 0 {
		return
	}
	c.mu.Lock()
	c.setLocked(watchArmed)
	c.mu.Unlock()
}

// bodyRead: the request has been read to its end.
func (c *watchCtx) bodyRead() { c.set(watchBodyRead) }

// end: the handler returned; the connection is the serve loop's again.
func (c *watchCtx) end() { c.set(watchEnded) }

func (c *watchCtx) set(bit int32) {
	for {
		old := c.state.Load()
		if old&watchArmed != 0 {
			c.mu.Lock()
			c.setLocked(bit)
			c.mu.Unlock()
			return
		}
		if c.state.CompareAndSwap(old, old|bit) {
			return
		}
	}
}

// setLocked sets bit and starts the background read if the state now
// calls for it; c.mu held.
func (c *watchCtx) setLocked(bit int32) {
	for {
		old := c.state.Load()
		s := old | bit
		start := s&(watchArmed|watchBodyRead|watchEnded|watchStarted) == watchArmed|watchBodyRead
		if start {
			s |= watchStarted
		}
		if c.state.CompareAndSwap(old, s) {
			if start {
				c.cr.startBackgroundRead(c.cancel)
			}
			return
		}
	}
}

func (cr *connReader) backgroundRead() {
	n, err := cr.rwc.Read(cr.byteBuf[:])
	cr.mu.Lock()
	if n == 1 {
		cr.hasByte = true
	} else if err != nil {
		cr.err = err
		// A no-op when the handler has returned.
		cr.cancel()
	}
	cr.cancel = nil
	cr.inRead = false
	cr.mu.Unlock()
	cr.cond.Broadcast()
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// serve reads requests one after the other and answers each.
func (c *conn) serve(base context.Context) {
	if ra := c.rwc.RemoteAddr(); ra != nil {
		c.remoteAddr = ra.String()
	}
	defer func() {
		if err := recover(); err != nil && err != ErrAbortHandler {
			buf := make([]byte, 64<<10)
			buf = buf[:runtime.Stack(buf, false)]
			c.server.logf("http: panic serving %v: %v\n%s", c.remoteAddr, err, buf)
		}
		c.rwc.Close()
		c.server.untrack(c)
	}()
	cr := newConnReader(c.rwc)
	br := bufio.NewReaderSize(cr, 4<<10)
	bw := bufio.NewWriterSize(c.rwc, 4<<10)
	s := c.server
	// Whether a read deadline is set on the connection (only serve sets
	// one), so that a server without timeouts makes no call per request
	// to clear one.
	readDeadline := false
	for {
		c.setIdle(true)
		if s.shuttingDown() {
			return
		}
		if d := s.ReadHeaderTimeout; d > 0 {
			c.rwc.SetReadDeadline(time.Now().Add(d))
			readDeadline = true
		} else if d := s.ReadTimeout; d > 0 {
			c.rwc.SetReadDeadline(time.Now().Add(d))
			readDeadline = true
		}
		// Wait for the first byte of the next request while idle.
		if _, err := br.Peek(1); err != nil {
			return
		}
		c.setIdle(false)
		req, err := readRequest(br)
		if err != nil {
			if err == io.EOF || isTimeout(err) {
				return
			}
			if err == ErrLineTooLong {
				io.WriteString(c.rwc, "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n431 Request Header Fields Too Large")
				return
			}
			io.WriteString(c.rwc, "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request")
			return
		}
		if req.ProtoAtLeast(1, 1) && req.Host == "" && len(req.Header["Host"]) == 0 && req.URL.Host == "" {
			io.WriteString(c.rwc, "HTTP/1.1 400 Bad Request: missing required Host header\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request: missing required Host header")
			return
		}
		if d := s.ReadHeaderTimeout; d > 0 && s.ReadTimeout == 0 {
			c.rwc.SetReadDeadline(time.Time{})
			readDeadline = false
		}
		if d := s.WriteTimeout; d > 0 {
			c.rwc.SetWriteDeadline(time.Now().Add(d))
		}
		req.RemoteAddr = c.remoteAddr
		ctx, cancel := context.WithCancel(base)
		wctx := &watchCtx{Context: ctx, cr: cr, cancel: cancel}
		req.ctx = wctx
		if hasToken(req.Header.Get("Expect"), "100-continue") && req.ProtoAtLeast(1, 1) && req.ContentLength != 0 {
			io.WriteString(bw, "HTTP/1.1 100 Continue\r\n\r\n")
			bw.Flush()
		}
		w := &response{
			conn:          c,
			req:           req,
			bw:            bw,
			handlerHeader: make(Header),
			contentLength: -1,
			closeAfter:    req.Close,
		}
		handler := s.Handler
		if handler == nil {
			handler = DefaultServeMux
		}
		if req.RequestURI == "*" && req.Method == "OPTIONS" {
			handler = globalOptionsHandler{}
		}
		// Watch for the client going away once the request is read to its
		// end: at once when it has no body, else when the handler reads
		// the body's end.
		if b, ok := req.Body.(*body); ok {
			b.onEOF = wctx.bodyRead
		} else {
			// Not armed yet: a store is enough.
			wctx.state.Store(watchBodyRead)
		}
		handler.ServeHTTP(w, req)
		cancel()
		wctx.end()
		w.finishRequest()
		if w.closeAfter || s.shuttingDown() {
			return
		}
		if d := s.IdleTimeout; d > 0 {
			c.rwc.SetReadDeadline(time.Now().Add(d))
			readDeadline = true
		} else if readDeadline {
			c.rwc.SetReadDeadline(time.Time{})
			readDeadline = false
		}
		if s.WriteTimeout > 0 {
			c.rwc.SetWriteDeadline(time.Time{})
		}
	}
}

type globalOptionsHandler struct{}

func (globalOptionsHandler) ServeHTTP(w ResponseWriter, r *Request) {
	w.Header().Set("Content-Length", "0")
}

// bufferBeforeChunking: a response whose whole body fits this buffer when
// the handler returns gets a Content-Length; a longer one is chunked.
const bufferBeforeChunking = 2048

// response is the ResponseWriter of one request.
type response struct {
	conn          *conn
	req           *Request
	bw            *bufio.Writer
	handlerHeader Header
	// The header as it was at WriteHeader (later changes do not count).
	header        Header
	wroteHeader   bool
	status        int
	written       int64
	contentLength int64
	// Body bytes held until the header is sent.
	pending    []byte
	committed  bool
	chunking   bool
	closeAfter bool
}

// Header is the handler's header. WriteHeader takes a copy (w.header),
// so changes made after it are not sent, as Go documents.
func (w *response) Header() Header { return w.handlerHeader }

func bodyAllowedForStatus(status int) bool {
	switch {
	case status >= 100 && status <= 199:
		return false
	case status == 204:
		return false
	case status == 304:
		return false
	}
	return true
}

func (w *response) WriteHeader(code int) {
	if w.wroteHeader {
		w.conn.server.logf("http: superfluous response.WriteHeader call")
		return
	}
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
	w.wroteHeader = true
	w.status = code
	w.header = w.handlerHeader.Clone()
	if cl := w.header.Get("Content-Length"); cl != "" {
		v, err := strconv.ParseInt(cl, 10, 64)
		if err == nil && v >= 0 {
			w.contentLength = v
		} else {
			w.conn.server.logf("http: invalid Content-Length of %q", cl)
			w.header.Del("Content-Length")
		}
	}
}

func (w *response) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	if len(p) == 0 {
		return 0, nil
	}
	if !bodyAllowedForStatus(w.status) {
		return 0, ErrBodyNotAllowed
	}
	w.written += int64(len(p))
	if w.contentLength != -1 && w.written > w.contentLength {
		return 0, ErrContentLength
	}
	if !w.committed {
		w.pending = append(w.pending, p...)
		if len(w.pending) > bufferBeforeChunking {
			w.commit(false)
		}
		return len(p), nil
	}
	if w.req.Method == "HEAD" {
		return len(p), nil
	}
	if w.chunking {
		return (&chunkedWriter{w.bw}).Write(p)
	}
	return w.bw.Write(p)
}

func (w *response) WriteString(s string) (int, error) {
	return w.Write([]byte(s))
}

// commit sends the status line and header, and the pending body. final:
// the handler has returned, so the body's length is known.
func (w *response) commit(final bool) {
	w.committed = true
	h := w.header
	if h == nil {
		h = w.handlerHeader.Clone()
	}
	isHEAD := w.req.Method == "HEAD"
	hasBody := bodyAllowedForStatus(w.status)
	var date, contentLength, contentType, connection, transferEncoding string
	if !h.has("Date") {
		date = httpDate(time.Now())
	}
	if hasBody && !h.has("Content-Type") && !h.has("Transfer-Encoding") && len(w.pending) > 0 {
		contentType = DetectContentType(w.pending)
	}
	if _, ok := h["Content-Type"]; ok && h.Get("Content-Type") == "" {
		// An explicitly empty Content-Type means none at all.
		delete(h, "Content-Type")
	}
	switch {
	case !hasBody:
		h.Del("Transfer-Encoding")
		if w.status == 204 || w.status/100 == 1 {
			h.Del("Content-Length")
		}
	case w.contentLength != -1:
	case final && !h.has("Transfer-Encoding") && (!isHEAD || len(w.pending) > 0):
		w.contentLength = int64(len(w.pending))
		contentLength = strconv.Itoa(len(w.pending))
	case final:
	case w.req.ProtoAtLeast(1, 1) && !isHEAD:
		w.chunking = true
		transferEncoding = "chunked"
		h.Del("Transfer-Encoding")
	default:
		w.closeAfter = true
	}
	if w.req.Close || w.closeAfter || w.conn.server.shuttingDown() {
		w.closeAfter = true
		if !hasToken(h.Get("Connection"), "close") {
			h.Del("Connection")
			if w.req.ProtoAtLeast(1, 1) {
				connection = "close"
			}
		}
	} else if !w.req.ProtoAtLeast(1, 1) {
		connection = "keep-alive"
	}
	proto := "HTTP/1.1 "
	if !w.req.ProtoAtLeast(1, 1) {
		proto = "HTTP/1.0 "
	}
	text := StatusText(w.status)
	if text == "" {
		text = "status code " + strconv.Itoa(w.status)
	}
	bw := w.bw
	bw.WriteString(proto + strconv.Itoa(w.status) + " " + text + "\r\n")
	h.writeSubset(bw, nil)
	if date != "" {
		bw.WriteString("Date: " + date + "\r\n")
	}
	if contentLength != "" {
		bw.WriteString("Content-Length: " + contentLength + "\r\n")
	}
	if contentType != "" {
		bw.WriteString("Content-Type: " + contentType + "\r\n")
	}
	if connection != "" {
		bw.WriteString("Connection: " + connection + "\r\n")
	}
	if transferEncoding != "" {
		bw.WriteString("Transfer-Encoding: " + transferEncoding + "\r\n")
	}
	bw.WriteString("\r\n")
	if len(w.pending) > 0 && !isHEAD && hasBody {
		if w.chunking {
			(&chunkedWriter{bw}).Write(w.pending)
		} else {
			bw.Write(w.pending)
		}
	}
	w.pending = nil
}

// Flush sends the header and what was written so far.
func (w *response) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	if !w.committed {
		w.commit(false)
	}
	w.bw.Flush()
}

// finishRequest completes the response once the handler has returned, and
// reads what is left of the request body so the connection can carry the
// next request.
func (w *response) finishRequest() {
	if !w.wroteHeader {
		w.WriteHeader(StatusOK)
	}
	if !w.committed {
		w.commit(true)
	}
	if w.chunking {
		io.WriteString(w.bw, "0\r\n\r\n")
	}
	if err := w.bw.Flush(); err != nil {
		w.closeAfter = true
	}
	if w.contentLength != -1 && w.written < w.contentLength && bodyAllowedForStatus(w.status) && w.req.Method != "HEAD" {
		// The handler wrote less than it declared: the client cannot find
		// the end of this response.
		w.closeAfter = true
	}
	if b, ok := w.req.Body.(*body); ok {
		if !b.drain(maxDrain) {
			w.closeAfter = true
		}
	}
}

// dateCache keeps the last Date header made: every response of one second
// shares it.
var dateCache struct {
	mu   sync.Mutex
	secs int64
	text string
}

// httpDate formats t as an HTTP date (RFC 9110 IMF-fixdate), in GMT.
func httpDate(t time.Time) string {
	secs := t.Unix()
	// No defer: nothing here can panic, and this runs once per response.
	dateCache.mu.Lock()
	if secs != dateCache.secs || dateCache.text == "" {
		dateCache.secs = secs
		dateCache.text = formatHTTPDate(secs)
	}
	text := dateCache.text
	dateCache.mu.Unlock()
	return text
}

func formatHTTPDate(secs int64) string {
	days := secs / 86400
	rem := secs % 86400
	if rem < 0 {
		rem += 86400
		days--
	}
	weekday := (days + 4) % 7
	if weekday < 0 {
		weekday += 7
	}
	// Civil date from days since 1970-01-01 (proleptic Gregorian).
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	two := func(n int64) string {
		if n < 10 {
			return "0" + strconv.FormatInt(n, 10)
		}
		return strconv.FormatInt(n, 10)
	}
	const days3 = "SunMonTueWedThuFriSat"
	const months3 = "JanFebMarAprMayJunJulAugSepOctNovDec"
	return days3[weekday*3:weekday*3+3] + ", " + two(d) + " " + months3[(m-1)*3:(m-1)*3+3] + " " +
		strconv.FormatInt(y, 10) + " " + two(rem/3600) + ":" + two(rem%3600/60) + ":" + two(rem%60) + " GMT"
}

// TimeFormat is the layout of HTTP dates.
const TimeFormat = "Mon, 02 Jan 2006 15:04:05 GMT"

// Error replies with the plain-text message error and status code.
func Error(w ResponseWriter, error string, code int) {
	h := w.Header()
	h.Del("Content-Length")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	fmt.Fprintln(w, error)
}

// NotFound replies "404 page not found".
func NotFound(w ResponseWriter, r *Request) { Error(w, "404 page not found", StatusNotFound) }

func NotFoundHandler() Handler { return HandlerFunc(NotFound) }

// Redirect replies with a redirect to url (relative to the request's path
// when it is a relative path).
func Redirect(w ResponseWriter, r *Request, url string, code int) {
	if !strings.Contains(url, "://") && !strings.HasPrefix(url, "/") && url != "" && !strings.HasPrefix(url, "?") && !strings.HasPrefix(url, "#") {
		olddir := r.URL.Path
		if i := strings.LastIndex(olddir, "/"); i >= 0 {
			olddir = olddir[:i+1]
		}
		url = cleanPath(olddir + url)
	}
	h := w.Header()
	_, hadCT := h["Content-Type"]
	h.Set("Location", url)
	if !hadCT && (r.Method == "GET" || r.Method == "HEAD") {
		h.Set("Content-Type", "text/html; charset=utf-8")
	}
	w.WriteHeader(code)
	if !hadCT && r.Method == "GET" {
		fmt.Fprintln(w, "<a href=\""+htmlEscape(url)+"\">"+StatusText(code)+"</a>.")
		fmt.Fprintln(w)
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// RedirectHandler redirects every request to url with code.
func RedirectHandler(url string, code int) Handler {
	return HandlerFunc(func(w ResponseWriter, r *Request) { Redirect(w, r, url, code) })
}

// StripPrefix serves h with prefix removed from the request's path (404
// when the path lacks it).
func StripPrefix(prefix string, h Handler) Handler {
	if prefix == "" {
		return h
	}
	return HandlerFunc(func(w ResponseWriter, r *Request) {
		p := strings.TrimPrefix(r.URL.Path, prefix)
		rp := strings.TrimPrefix(r.URL.RawPath, prefix)
		if len(p) < len(r.URL.Path) && (r.URL.RawPath == "" || len(rp) < len(r.URL.RawPath)) {
			r2 := new(Request)
			*r2 = *r
			u := *r.URL
			u.Path = p
			u.RawPath = rp
			r2.URL = &u
			h.ServeHTTP(w, r2)
		} else {
			NotFound(w, r)
		}
	})
}

// MaxBytesReader limits a request body to n bytes.
func MaxBytesReader(w ResponseWriter, r io.ReadCloser, n int64) io.ReadCloser {
	if n < 0 {
		n = 0
	}
	return &maxBytesReader{r: r, n: n, limit: n}
}

// MaxBytesError is the error of a body read beyond MaxBytesReader's limit.
type MaxBytesError struct {
	Limit int64
}

func (e *MaxBytesError) Error() string { return "http: request body too large" }

type maxBytesReader struct {
	r     io.ReadCloser
	n     int64
	limit int64
	err   error
}

func (l *maxBytesReader) Read(p []byte) (n int, err error) {
	if l.err != nil {
		return 0, l.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if int64(len(p))-1 > l.n {
		p = p[:l.n+1]
	}
	n, err = l.r.Read(p)
	if int64(n) <= l.n {
		l.n -= int64(n)
		l.err = err
		return n, err
	}
	n = int(l.n)
	l.n = 0
	l.err = &MaxBytesError{Limit: l.limit}
	return n, l.err
}

func (l *maxBytesReader) Close() error { return l.r.Close() }
