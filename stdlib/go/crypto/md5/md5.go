// Package md5: the MD5 hash. The digest's state
// is Go; writing (buffering, compressing whole blocks) and summing
// (padding, length, serialising) are natives shared with the other
// hashes (stdlib/src/natives/crypto.rs).
package md5

import "hash"

// The size of a MD5 checksum in bytes.
const Size = 16

// The blocksize of MD5 in bytes.
const BlockSize = 64

// update writes p through the buffer x, which holds nx bytes, into the
// state h (whole blocks compressed, the tail kept): the bytes x holds
// after. finish returns the checksum of the state after len bytes, x[:nx]
// of them buffered, leaving the state as it is. Both are the natives
// the three hashes share (stdlib/src/natives/crypto.rs).
func update(h []uint32, x []byte, nx int, p []byte) int

func finish(h []uint32, x []byte, nx int, len uint64) []byte

type digest struct {
	h   []uint32
	x   [BlockSize]byte
	nx  int
	len uint64
}

func (d *digest) Reset() {
	d.h = []uint32{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476}
	d.nx = 0
	d.len = 0
}

// New returns a new hash.Hash computing the MD5 checksum.
func New() hash.Hash {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Size() int { return Size }

func (d *digest) BlockSize() int { return BlockSize }

func (d *digest) Write(p []byte) (nn int, err error) {
	d.len += uint64(len(p))
	d.nx = update(d.h, d.x[:], d.nx, p)
	return len(p), nil
}

func (d *digest) Sum(in []byte) []byte {
	return append(in, finish(d.h, d.x[:], d.nx, d.len)...)
}

// Sum returns the MD5 checksum of the data.
func Sum(data []byte) [Size]byte {
	d := new(digest)
	d.Reset()
	d.Write(data)
	var out [Size]byte
	copy(out[:], d.Sum(nil))
	return out
}
