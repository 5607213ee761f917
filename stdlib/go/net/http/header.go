// Header: the header fields of a request or response, by canonical key.

package http

import (
	"io"
	"sort"
	"strings"
)

// A Header maps a canonical key ("Content-Type") to its values.
type Header map[string][]string

func (h Header) Add(key, value string) {
	key = CanonicalHeaderKey(key)
	h[key] = append(h[key], value)
}

func (h Header) Set(key, value string) {
	h[CanonicalHeaderKey(key)] = []string{value}
}

func (h Header) Get(key string) string {
	v := h[CanonicalHeaderKey(key)]
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func (h Header) Values(key string) []string {
	return h[CanonicalHeaderKey(key)]
}

func (h Header) Del(key string) {
	delete(h, CanonicalHeaderKey(key))
}

func (h Header) has(key string) bool {
	_, ok := h[key]
	return ok
}

func (h Header) Clone() Header {
	if h == nil {
		return nil
	}
	h2 := make(Header, len(h))
	for k, vv := range h {
		if vv == nil {
			h2[k] = nil
			continue
		}
		h2[k] = append([]string(nil), vv...)
	}
	return h2
}

// Write writes the header in wire format, keys sorted.
func (h Header) Write(w io.Writer) error {
	return h.writeSubset(w, nil)
}

// writeSubset writes every field but those in exclude, keys sorted; a
// value's newlines become spaces (they would end the field).
func (h Header) writeSubset(w io.Writer, exclude map[string]bool) error {
	if len(h) == 0 {
		return nil
	}
	keys := make([]string, 0, len(h))
	for k := range h {
		if !exclude[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range h[k] {
			if strings.ContainsAny(v, "\r\n") {
				v = headerNewlines.Replace(v)
			}
			b.WriteString(k)
			b.WriteString(": ")
			b.WriteString(strings.TrimSpace(v))
			b.WriteString("\r\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var headerNewlines = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// tokenTable marks the bytes a field name (a token) may hold.
var tokenTable = func() [128]bool {
	var t [128]bool
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return t
}()

func isTokenByte(c byte) bool {
	return c < 128 && tokenTable[c]
}

// CanonicalHeaderKey is key in MIME canonical form: the first letter and
// each letter after a hyphen upper case, the rest lower case. A key with a
// byte that may not appear in a field name is returned unchanged. (A
// native: every header access canonicalises its key.)
func CanonicalHeaderKey(s string) string

// hasToken: whether the comma-separated list v holds token (any case).
func hasToken(v, token string) bool {
	for _, part := range strings.Split(v, ",") {
		if strings.EqualFold(strings.TrimSpace(part), token) {
			return true
		}
	}
	return false
}
