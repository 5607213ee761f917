// Request: an HTTP request, as a server reads it or a client sends it.

package http

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
)

const (
	MethodGet     = "GET"
	MethodHead    = "HEAD"
	MethodPost    = "POST"
	MethodPut     = "PUT"
	MethodPatch   = "PATCH"
	MethodDelete  = "DELETE"
	MethodConnect = "CONNECT"
	MethodOptions = "OPTIONS"
	MethodTrace   = "TRACE"
)

// A Request is a request received by a server or sent by a client.
type Request struct {
	Method           string
	URL              *url.URL
	Proto            string
	ProtoMajor       int
	ProtoMinor       int
	Header           Header
	Body             io.ReadCloser
	GetBody          func() (io.ReadCloser, error)
	ContentLength    int64
	TransferEncoding []string
	Close            bool
	Host             string
	Form             url.Values
	PostForm         url.Values
	Trailer          Header
	RemoteAddr       string
	RequestURI       string
	Pattern          string
	Response         *Response

	ctx context.Context
	// The wildcards of the matched pattern and their values.
	pathNames  []string
	pathValues []string
	// Values set by SetPathValue for names the pattern does not have.
	otherValues map[string]string
}

// Context is the request's context: for a server, canceled when the
// client's connection closes or ServeHTTP returns.
func (r *Request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

// WithContext is a shallow copy of r with its context changed to ctx.
func (r *Request) WithContext(ctx context.Context) *Request {
	if ctx == nil {
		panic("nil context")
	}
	r2 := new(Request)
	*r2 = *r
	r2.ctx = ctx
	return r2
}

// Clone is a deep copy of r (but the body) with context ctx.
func (r *Request) Clone(ctx context.Context) *Request {
	r2 := r.WithContext(ctx)
	if r.URL != nil {
		u := *r.URL
		r2.URL = &u
	}
	r2.Header = r.Header.Clone()
	r2.Trailer = r.Trailer.Clone()
	return r2
}

func (r *Request) ProtoAtLeast(major, minor int) bool {
	return r.ProtoMajor > major || r.ProtoMajor == major && r.ProtoMinor >= minor
}

func (r *Request) UserAgent() string { return r.Header.Get("User-Agent") }

func (r *Request) Referer() string { return r.Header.Get("Referer") }

// PathValue is the value of the named wildcard of the pattern that matched
// the request ("" if none).
func (r *Request) PathValue(name string) string {
	for i, n := range r.pathNames {
		if n == name {
			return r.pathValues[i]
		}
	}
	return r.otherValues[name]
}

func (r *Request) SetPathValue(name, value string) {
	for i, n := range r.pathNames {
		if n == name {
			r.pathValues[i] = value
			return
		}
	}
	if r.otherValues == nil {
		r.otherValues = map[string]string{}
	}
	r.otherValues[name] = value
}

// ParseForm fills Form from the URL's query and, for POST, PUT and PATCH
// with a form body, PostForm from the body (whose values come first in
// Form).
func (r *Request) ParseForm() error {
	var err error
	if r.PostForm == nil {
		if r.Method == "POST" || r.Method == "PUT" || r.Method == "PATCH" {
			r.PostForm, err = parsePostForm(r)
		}
		if r.PostForm == nil {
			r.PostForm = make(url.Values)
		}
	}
	if r.Form == nil {
		if len(r.PostForm) > 0 {
			r.Form = make(url.Values)
			for k, v := range r.PostForm {
				r.Form[k] = append(r.Form[k], v...)
			}
		}
		var newValues url.Values
		if r.URL != nil {
			var e error
			newValues, e = url.ParseQuery(r.URL.RawQuery)
			if err == nil {
				err = e
			}
		}
		if newValues == nil {
			newValues = make(url.Values)
		}
		if r.Form == nil {
			r.Form = newValues
		} else {
			for k, v := range newValues {
				r.Form[k] = append(r.Form[k], v...)
			}
		}
	}
	return err
}

func parsePostForm(r *Request) (url.Values, error) {
	if r.Body == nil {
		return nil, errors.New("missing form body")
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		ct = "application/octet-stream"
	}
	ct, _, _ = strings.Cut(ct, ";")
	if strings.TrimSpace(strings.ToLower(ct)) != "application/x-www-form-urlencoded" {
		return nil, nil
	}
	const maxFormSize = int64(10 << 20)
	b, err := io.ReadAll(io.LimitReader(r.Body, maxFormSize+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > maxFormSize {
		return nil, errors.New("http: POST too large")
	}
	return url.ParseQuery(string(b))
}

// FormValue is the first value of key in the query or form body.
func (r *Request) FormValue(key string) string {
	if r.Form == nil {
		r.ParseForm()
	}
	if vs := r.Form[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// PostFormValue is the first value of key in the form body.
func (r *Request) PostFormValue(key string) string {
	if r.PostForm == nil {
		r.ParseForm()
	}
	if vs := r.PostForm[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

func validMethod(method string) bool {
	if method == "" {
		return false
	}
	for i := 0; i < len(method); i++ {
		if !isTokenByte(method[i]) {
			return false
		}
	}
	return true
}

// NewRequest is NewRequestWithContext with the background context.
func NewRequest(method, url string, body io.Reader) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, body)
}

// NewRequestWithContext makes a client request. A body of a known length
// (a *bytes.Buffer, *bytes.Reader or *strings.Reader) sets ContentLength.
func NewRequestWithContext(ctx context.Context, method, urlStr string, body io.Reader) (*Request, error) {
	if method == "" {
		method = "GET"
	}
	if !validMethod(method) {
		return nil, fmt.Errorf("net/http: invalid method %q", method)
	}
	if ctx == nil {
		return nil, errors.New("net/http: nil Context")
	}
	u, err := url.Parse(urlStr)
	if err != nil {
		return nil, err
	}
	rc, ok := body.(io.ReadCloser)
	if !ok && body != nil {
		rc = io.NopCloser(body)
	}
	u.Host = strings.TrimSuffix(u.Host, ":")
	req := &Request{
		ctx:        ctx,
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     make(Header),
		Body:       rc,
		Host:       u.Host,
	}
	if body != nil {
		switch v := body.(type) {
		case *bytes.Buffer:
			req.ContentLength = int64(v.Len())
			buf := v.Bytes()
			req.GetBody = func() (io.ReadCloser, error) {
				return io.NopCloser(bytes.NewReader(buf)), nil
			}
		case *bytes.Reader:
			req.ContentLength = int64(v.Len())
			snapshot := *v
			req.GetBody = func() (io.ReadCloser, error) {
				r := snapshot
				return io.NopCloser(&r), nil
			}
		case *strings.Reader:
			req.ContentLength = int64(v.Len())
			snapshot := *v
			req.GetBody = func() (io.ReadCloser, error) {
				r := snapshot
				return io.NopCloser(&r), nil
			}
		}
		if req.GetBody != nil && req.ContentLength == 0 {
			req.Body = NoBody
			req.GetBody = func() (io.ReadCloser, error) { return NoBody, nil }
		}
	}
	return req, nil
}

type badStringError struct {
	what string
	str  string
}

func (e *badStringError) Error() string { return fmt.Sprintf("%s %q", e.what, e.str) }

// ReadRequest reads one request from b, the way a server does.
func ReadRequest(b *bufio.Reader) (*Request, error) {
	req, err := readRequest(b)
	if err != nil {
		return nil, err
	}
	return req, nil
}

func readRequest(b *bufio.Reader) (req *Request, err error) {
	line, err := readLine(b)
	if err != nil {
		return nil, err
	}
	req = new(Request)
	method, rest, ok1 := strings.Cut(line, " ")
	requestURI, proto, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return nil, &badStringError{"malformed HTTP request", line}
	}
	req.Method, req.RequestURI, req.Proto = method, requestURI, proto
	if !validMethod(req.Method) {
		return nil, &badStringError{"invalid method", req.Method}
	}
	var ok bool
	if req.ProtoMajor, req.ProtoMinor, ok = ParseHTTPVersion(req.Proto); !ok {
		return nil, &badStringError{"malformed HTTP version", req.Proto}
	}
	rawurl := req.RequestURI
	if req.URL, err = url.ParseRequestURI(rawurl); err != nil {
		return nil, err
	}
	req.Header, err = readHeader(b)
	if err != nil {
		return nil, err
	}
	if len(req.Header["Host"]) > 1 {
		return nil, fmt.Errorf("too many Host headers")
	}
	req.Host = req.URL.Host
	if req.Host == "" {
		req.Host = req.Header.Get("Host")
	}
	delete(req.Header, "Host")
	req.Close = shouldClose(req.ProtoMajor, req.ProtoMinor, req.Header)
	chunked, length, err := framing(req.Header)
	if err != nil {
		return nil, err
	}
	switch {
	case chunked:
		req.TransferEncoding = []string{"chunked"}
		req.ContentLength = -1
		req.Body = &body{src: &chunkedReader{r: b}}
	case length > 0:
		req.ContentLength = length
		req.Body = &body{src: &fixedReader{r: b, n: length}}
	default:
		// A request without framing has no body (RFC 9112 §6.3).
		req.ContentLength = 0
		req.Body = NoBody
	}
	return req, nil
}

// Write writes r as a client sends it: the request line, Host, User-Agent,
// the framing fields, the other fields, and the body.
func (r *Request) Write(w io.Writer) error {
	host := r.Host
	if host == "" && r.URL != nil {
		host = r.URL.Host
	}
	ruri := r.URL.RequestURI()
	if r.Method == "CONNECT" && r.URL.Path == "" {
		ruri = host
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s %s HTTP/1.1\r\nHost: %s\r\n", r.Method, ruri, host)
	ua := "Go-http-client/1.1"
	if r.Header.has("User-Agent") {
		ua = r.Header.Get("User-Agent")
	}
	if ua != "" {
		fmt.Fprintf(bw, "User-Agent: %s\r\n", ua)
	}
	chunked := false
	hasBody := r.Body != nil && r.Body != NoBody
	switch {
	case hasBody && r.ContentLength > 0:
		fmt.Fprintf(bw, "Content-Length: %d\r\n", r.ContentLength)
	case hasBody:
		chunked = true
		bw.WriteString("Transfer-Encoding: chunked\r\n")
	case r.Method == "POST" || r.Method == "PUT" || r.Method == "PATCH":
		bw.WriteString("Content-Length: 0\r\n")
	}
	if r.Close && !hasToken(r.Header.Get("Connection"), "close") {
		bw.WriteString("Connection: close\r\n")
	}
	exclude := map[string]bool{"Host": true, "User-Agent": true, "Content-Length": true, "Transfer-Encoding": true}
	if err := r.Header.writeSubset(bw, exclude); err != nil {
		return err
	}
	bw.WriteString("\r\n")
	if hasBody {
		var err error
		if chunked {
			cw := &chunkedWriter{bw}
			_, err = io.Copy(cw, r.Body)
			if err == nil {
				err = cw.Close()
			}
		} else {
			var n int64
			n, err = io.Copy(bw, io.LimitReader(r.Body, r.ContentLength))
			if err == nil && n != r.ContentLength {
				err = fmt.Errorf("http: ContentLength=%d with Body length %d", r.ContentLength, n)
			}
		}
		r.Body.Close()
		if err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Response is the response to a client's request.
type Response struct {
	Status           string
	StatusCode       int
	Proto            string
	ProtoMajor       int
	ProtoMinor       int
	Header           Header
	Body             io.ReadCloser
	ContentLength    int64
	TransferEncoding []string
	Close            bool
	Uncompressed     bool
	Trailer          Header
	Request          *Request
}

// ReadResponse reads one response to req from r.
func ReadResponse(r *bufio.Reader, req *Request) (*Response, error) {
	line, err := readLine(r)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	resp := &Response{Request: req}
	proto, status, ok := strings.Cut(line, " ")
	if !ok {
		return nil, &badStringError{"malformed HTTP response", line}
	}
	resp.Proto = proto
	resp.Status = strings.TrimLeft(status, " ")
	statusCode, _, _ := strings.Cut(resp.Status, " ")
	if len(statusCode) != 3 {
		return nil, &badStringError{"malformed HTTP status code", statusCode}
	}
	resp.StatusCode, err = strconv.Atoi(statusCode)
	if err != nil || resp.StatusCode < 0 {
		return nil, &badStringError{"malformed HTTP status code", statusCode}
	}
	if resp.ProtoMajor, resp.ProtoMinor, ok = ParseHTTPVersion(resp.Proto); !ok {
		return nil, &badStringError{"malformed HTTP version", resp.Proto}
	}
	resp.Header, err = readHeader(r)
	if err != nil {
		return nil, err
	}
	resp.Close = shouldClose(resp.ProtoMajor, resp.ProtoMinor, resp.Header)
	chunked, length, err := framing(resp.Header)
	if err != nil {
		return nil, err
	}
	noBody := req != nil && req.Method == "HEAD" || resp.StatusCode/100 == 1 ||
		resp.StatusCode == 204 || resp.StatusCode == 304
	switch {
	case noBody:
		resp.ContentLength = length
		if chunked || resp.StatusCode == 204 || resp.StatusCode/100 == 1 {
			resp.ContentLength = 0
		}
		if req != nil && req.Method == "HEAD" && !chunked {
			resp.ContentLength = length
		}
		resp.Body = NoBody
	case chunked:
		resp.TransferEncoding = []string{"chunked"}
		resp.ContentLength = -1
		resp.Body = &body{src: &chunkedReader{r: r}}
	case length >= 0:
		resp.ContentLength = length
		if length == 0 {
			resp.Body = NoBody
		} else {
			resp.Body = &body{src: &fixedReader{r: r, n: length}}
		}
	default:
		// Delimited by the end of the connection.
		resp.ContentLength = -1
		resp.Close = true
		resp.Body = &body{src: r}
	}
	return resp, nil
}

// Write writes the response in wire format (a server's view of it).
func (r *Response) Write(w io.Writer) error {
	text := r.Status
	if text == "" {
		text = strconv.Itoa(r.StatusCode) + " " + StatusText(r.StatusCode)
	}
	major, minor := r.ProtoMajor, r.ProtoMinor
	if major == 0 {
		major, minor = 1, 1
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "HTTP/%d.%d %s\r\n", major, minor, text)
	var content []byte
	if r.Body != nil {
		var err error
		content, err = io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return err
		}
	}
	if len(content) > 0 || r.ContentLength > 0 {
		fmt.Fprintf(bw, "Content-Length: %d\r\n", len(content))
	}
	if r.Close {
		bw.WriteString("Connection: close\r\n")
	}
	r.Header.writeSubset(bw, map[string]bool{"Content-Length": true, "Transfer-Encoding": true})
	bw.WriteString("\r\n")
	bw.Write(content)
	return bw.Flush()
}
