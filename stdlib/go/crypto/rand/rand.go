// Package rand (crypto/rand): cryptographically secure random bytes,
// read from the kernel's /dev/urandom (Go uses getrandom(2), which
// draws from the same pool). Reader stays open for the process.
//
// Not declared: Int and Prime (gol has no math/big).
package rand

import (
	"io"
	"os"
	"sync"
)

// Reader is a global, shared instance of a cryptographically secure
// random number generator.
var Reader io.Reader = &reader{}

// reader reads /dev/urandom, opened at its first use.
type reader struct {
	mu  sync.Mutex
	f   *os.File
	err error
}

func (r *reader) Read(b []byte) (n int, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f == nil && r.err == nil {
		r.f, r.err = os.Open("/dev/urandom")
	}
	if r.err != nil {
		return 0, r.err
	}
	return io.ReadFull(r.f, b)
}

// Read fills b with cryptographically secure random bytes. It never
// returns an error (as in Go, a failure of the system's source is
// fatal).
func Read(b []byte) (n int, err error) {
	if _, err := io.ReadFull(Reader, b); err != nil {
		panic("crypto/rand: failed to read random data (see https://go.dev/issue/66821): " + err.Error())
	}
	return len(b), nil
}

const base32alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// Text returns a cryptographically random string of 26 characters of
// the standard base32 alphabet (RFC 4648): 128 bits of randomness.
func Text() string {
	src := make([]byte, 26)
	Read(src)
	for i := range src {
		src[i] = base32alphabet[src[i]%32]
	}
	return string(src)
}
