// Package hmac implements the Keyed-Hash Message Authentication Code
// (HMAC, RFC 2104) over any hash.Hash, in Go as Go writes it:
// H(key ^ opad, H(key ^ ipad, message)), with a key longer than a block
// hashed first.
package hmac

import "hash"

type hmac struct {
	opad, ipad   []byte
	outer, inner hash.Hash
}

// New returns a new HMAC hash using the given hash.Hash type and key.
func New(h func() hash.Hash, key []byte) hash.Hash {
	hm := &hmac{outer: h(), inner: h()}
	blocksize := hm.inner.BlockSize()
	hm.ipad = make([]byte, blocksize)
	hm.opad = make([]byte, blocksize)
	if len(key) > blocksize {
		hm.outer.Write(key)
		key = hm.outer.Sum(nil)
	}
	copy(hm.ipad, key)
	copy(hm.opad, key)
	for i := range hm.ipad {
		hm.ipad[i] ^= 0x36
	}
	for i := range hm.opad {
		hm.opad[i] ^= 0x5c
	}
	hm.inner.Write(hm.ipad)
	return hm
}

// Sum appends the MAC of what was written so far to in (the state is
// kept: writing may go on).
func (h *hmac) Sum(in []byte) []byte {
	origLen := len(in)
	in = h.inner.Sum(in)
	h.outer.Reset()
	h.outer.Write(h.opad)
	h.outer.Write(in[origLen:])
	return h.outer.Sum(in[:origLen])
}

func (h *hmac) Write(p []byte) (n int, err error) { return h.inner.Write(p) }

func (h *hmac) Size() int { return h.outer.Size() }

func (h *hmac) BlockSize() int { return h.inner.BlockSize() }

func (h *hmac) Reset() {
	h.inner.Reset()
	h.inner.Write(h.ipad)
}

// Equal compares two MACs for equality in time that depends only on
// their lengths.
func Equal(mac1, mac2 []byte) bool {
	if len(mac1) != len(mac2) {
		return false
	}
	var v byte
	for i := range mac1 {
		v |= mac1[i] ^ mac2[i]
	}
	return v == 0
}
