// Message framing (RFC 9112 §6): reading the start line and header fields,
// and bodies delimited by Content-Length, by chunked coding, or by the end
// of the connection.

package http

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// NoBody is an empty body: Read returns io.EOF at once.
var NoBody = noBody{}

type noBody struct{}

func (noBody) Read([]byte) (int, error)         { return 0, io.EOF }
func (noBody) Close() error                     { return nil }
func (noBody) WriteTo(io.Writer) (int64, error) { return 0, nil }

var (
	ErrBodyReadAfterClose = errors.New("http: invalid Read on closed Body")
	ErrLineTooLong        = errors.New("header line too long")
	errMalformedChunked   = errors.New("malformed chunked encoding")
)

// maxLineLength bounds a start or header line (Go's DefaultMaxHeaderBytes
// bounds them all together; one line is the common attack).
const maxLineLength = 1 << 20

// readLine reads one line without its "\r\n" or "\n".
func readLine(r *bufio.Reader) (string, error) {
	var line []byte
	for {
		frag, isPrefix, err := r.ReadLine()
		if err != nil {
			return "", err
		}
		if line == nil && !isPrefix {
			// The whole line in one piece (nearly always): one copy.
			return string(frag), nil
		}
		line = append(line, frag...)
		if len(line) > maxLineLength {
			return "", ErrLineTooLong
		}
		if !isPrefix {
			return string(line), nil
		}
	}
}

// readHeader reads header fields up to the empty line.
func readHeader(r *bufio.Reader) (Header, error) {
	h := make(Header)
	for {
		line, err := readLine(r)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return h, err
		}
		if line == "" {
			return h, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			return h, fmt.Errorf("malformed MIME header initial line: %s", line)
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return h, fmt.Errorf("malformed MIME header line: %s", line)
		}
		for i := 0; i < len(k); i++ {
			if c := k[i]; c >= 128 || !tokenTable[c] {
				return h, fmt.Errorf("malformed MIME header line: %s", line)
			}
		}
		if k == "" {
			return h, fmt.Errorf("malformed MIME header line: %s", line)
		}
		k = CanonicalHeaderKey(k)
		h[k] = append(h[k], strings.Trim(v, " \t"))
	}
}

// ParseHTTPVersion parses "HTTP/1.0" and friends.
func ParseHTTPVersion(vers string) (major, minor int, ok bool) {
	switch vers {
	case "HTTP/1.1":
		return 1, 1, true
	case "HTTP/1.0":
		return 1, 0, true
	}
	if !strings.HasPrefix(vers, "HTTP/") || len(vers) != len("HTTP/X.Y") || vers[6] != '.' {
		return 0, 0, false
	}
	maj, err := strconv.ParseUint(vers[5:6], 10, 0)
	if err != nil {
		return 0, 0, false
	}
	min, err := strconv.ParseUint(vers[7:8], 10, 0)
	if err != nil {
		return 0, 0, false
	}
	return int(maj), int(min), true
}

// shouldClose: whether the connection ends after this message.
func shouldClose(major, minor int, header Header) bool {
	if major < 1 {
		return true
	}
	conn := header.Values("Connection")
	for _, v := range conn {
		if hasToken(v, "close") {
			return true
		}
	}
	if major == 1 && minor == 0 {
		for _, v := range conn {
			if hasToken(v, "keep-alive") {
				return false
			}
		}
		return true
	}
	return false
}

// framing reads how a message's body is delimited: chunked (length -1),
// a Content-Length, or none of them (length -1, not chunked).
func framing(h Header) (chunked bool, length int64, err error) {
	if te := h.Values("Transfer-Encoding"); len(te) > 0 {
		if len(te) != 1 || !strings.EqualFold(strings.TrimSpace(te[0]), "chunked") {
			return false, 0, fmt.Errorf("unsupported transfer encoding: %q", strings.Join(te, ","))
		}
		h.Del("Content-Length")
		h.Del("Transfer-Encoding")
		return true, -1, nil
	}
	cl := h.Values("Content-Length")
	if len(cl) == 0 {
		return false, -1, nil
	}
	for _, v := range cl[1:] {
		if strings.TrimSpace(v) != strings.TrimSpace(cl[0]) {
			return false, 0, fmt.Errorf("http: message cannot contain multiple Content-Length headers; got %q", cl)
		}
	}
	s := strings.TrimSpace(cl[0])
	n, perr := strconv.ParseUint(s, 10, 63)
	if perr != nil {
		return false, 0, fmt.Errorf("bad Content-Length %q", s)
	}
	return false, int64(n), nil
}

// body is a message body being read: Read after Close fails, and onEOF
// runs once when the body has been read to its end (the connection may
// then carry the next message).
type body struct {
	mu     sync.Mutex
	src    io.Reader
	closed bool
	eof    bool
	onEOF  func()
	// onClose runs at Close before the body was read to its end.
	onClose func()
}

func (b *body) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, ErrBodyReadAfterClose
	}
	if b.eof {
		return 0, io.EOF
	}
	n, err := b.src.Read(p)
	if err == io.EOF {
		b.sawEOF()
	}
	return n, err
}

// maxDrain bounds the unread body read and dropped so that a connection
// can carry the next message.
const maxDrain = 256 << 10

// sawEOF marks the body read to its end and runs onEOF once; b.mu held.
func (b *body) sawEOF() {
	b.eof = true
	if f := b.onEOF; f != nil {
		b.onEOF = nil
		f()
	}
}

// discardRest reads and drops up to limit more bytes; whether the end
// came. b.mu held.
func (b *body) discardRest(limit int64) bool {
	if _, err := io.CopyN(io.Discard, b.src, limit); err == io.EOF {
		b.sawEOF()
		return true
	}
	return false
}

// Close ends the body. Unread bytes are read and dropped, up to a limit,
// so the connection can carry the next message (as Go's body.Close does);
// a body longer than that closes the connection instead (onClose).
func (b *body) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.closed = true
	if b.eof {
		return nil
	}
	if b.onEOF != nil && b.discardRest(maxDrain) {
		return nil
	}
	if b.onClose != nil {
		b.onClose()
	}
	return nil
}

// drain reads the rest of the body (up to limit bytes); whether it ended.
func (b *body) drain(limit int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.eof {
		return true
	}
	if b.closed {
		return false
	}
	return b.discardRest(limit)
}

// fixedReader reads exactly n bytes; an earlier end is ErrUnexpectedEOF.
type fixedReader struct {
	r io.Reader
	n int64
}

func (f *fixedReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > f.n {
		p = p[:f.n]
	}
	n, err := f.r.Read(p)
	f.n -= int64(n)
	if err == io.EOF {
		if f.n > 0 {
			return n, io.ErrUnexpectedEOF
		}
	}
	if f.n == 0 && err == nil && n > 0 {
		return n, nil
	}
	return n, err
}

// chunkedReader decodes chunked coding: "size-in-hex[;ext]\r\n data \r\n"
// repeated, then "0\r\n", trailer fields and an empty line.
type chunkedReader struct {
	r    *bufio.Reader
	left int64
	done bool
	err  error
}

func (c *chunkedReader) beginChunk() {
	line, err := readLine(c.r)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		c.err = err
		return
	}
	if i := strings.IndexByte(line, ';'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	n, err := strconv.ParseUint(line, 16, 63)
	if err != nil || line == "" {
		c.err = errMalformedChunked
		return
	}
	c.left = int64(n)
	if n == 0 {
		// Trailer fields, then the empty line.
		for {
			t, err := readLine(c.r)
			if err != nil {
				c.err = io.ErrUnexpectedEOF
				return
			}
			if t == "" {
				break
			}
		}
		c.done = true
		c.err = io.EOF
	}
}

func (c *chunkedReader) Read(p []byte) (n int, err error) {
	for c.err == nil {
		if c.left == 0 {
			c.beginChunk()
			continue
		}
		if len(p) == 0 {
			break
		}
		q := p
		if int64(len(q)) > c.left {
			q = q[:c.left]
		}
		var k int
		k, c.err = c.r.Read(q)
		n += k
		p = p[k:]
		c.left -= int64(k)
		if c.left == 0 && c.err == nil {
			// Each chunk's data ends with CRLF.
			a, e1 := c.r.ReadByte()
			b, e2 := c.r.ReadByte()
			if e1 != nil || e2 != nil || a != '\r' || b != '\n' {
				c.err = errMalformedChunked
			}
		}
		if c.err == io.EOF {
			c.err = io.ErrUnexpectedEOF
		}
		if n > 0 {
			break
		}
	}
	if n > 0 && c.err == io.EOF {
		return n, nil
	}
	if n > 0 {
		return n, nil
	}
	return n, c.err
}

// chunkedWriter encodes chunked coding; Close writes the last chunk.
type chunkedWriter struct {
	w io.Writer
}

func (c *chunkedWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if _, err := io.WriteString(c.w, strconv.FormatInt(int64(len(p)), 16)+"\r\n"); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	if err != nil {
		return n, err
	}
	_, err = io.WriteString(c.w, "\r\n")
	return n, err
}

func (c *chunkedWriter) Close() error {
	_, err := io.WriteString(c.w, "0\r\n\r\n")
	return err
}
