// Package sha256: the SHA-256 hash. The digest's state
// is Go; writing (buffering, compressing whole blocks) and summing
// (padding, length, serialising) are natives shared with the other
// hashes (stdlib/src/natives/crypto.rs).
package sha256

import "hash"

// The size of a SHA-256 checksum in bytes.
const Size = 32

// The blocksize of SHA-256 in bytes.
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
	d.h = []uint32{0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19}
	d.nx = 0
	d.len = 0
}

// New returns a new hash.Hash computing the SHA-256 checksum.
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

// Sum returns the SHA-256 checksum of the data.
func Sum256(data []byte) [Size]byte {
	d := new(digest)
	d.Reset()
	d.Write(data)
	var out [Size]byte
	copy(out[:], d.Sum(nil))
	return out
}

// The size of a SHA-224 checksum in bytes.
const Size224 = 28

type digest224 struct {
	digest
}

func (d *digest224) Reset() {
	d.h = []uint32{0xC1059ED8, 0x367CD507, 0x3070DD17, 0xF70E5939, 0xFFC00B31, 0x68581511, 0x64F98FA7, 0xBEFA4FA4}
	d.nx = 0
	d.len = 0
}

func (d *digest224) Size() int { return Size224 }

func (d *digest224) Sum(in []byte) []byte {
	return append(in, finish(d.h, d.x[:], d.nx, d.len)[:Size224]...)
}

// New224 returns a new hash.Hash computing the SHA-224 checksum.
func New224() hash.Hash {
	d := new(digest224)
	d.Reset()
	return d
}

// Sum224 returns the SHA-224 checksum of the data.
func Sum224(data []byte) [Size224]byte {
	d := new(digest224)
	d.Reset()
	d.Write(data)
	var out [Size224]byte
	copy(out[:], d.Sum(nil))
	return out
}
