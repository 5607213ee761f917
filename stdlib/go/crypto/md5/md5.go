// Package md5: the MD5 hash. The digest (buffering, padding, length) is
// Go; the compression of whole blocks is native
// (stdlib/src/natives/crypto.rs), where the interpreter would be slow.
package md5

import "hash"

// The size of a MD5 checksum in bytes.
const Size = 16

// The blocksize of MD5 in bytes.
const BlockSize = 64

// block compresses whole 64-byte blocks of p into the state h.
func block(h []uint32, p []byte)

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
	nn = len(p)
	d.len += uint64(nn)
	if d.nx > 0 {
		n := copy(d.x[d.nx:], p)
		d.nx += n
		if d.nx == BlockSize {
			block(d.h, d.x[:])
			d.nx = 0
		}
		p = p[n:]
	}
	if len(p) >= BlockSize {
		n := len(p) &^ (BlockSize - 1)
		block(d.h, p[:n])
		p = p[n:]
	}
	if len(p) > 0 {
		d.nx = copy(d.x[:], p)
	}
	return
}

func (d *digest) Sum(in []byte) []byte {
	d0 := &digest{h: append([]uint32(nil), d.h...), x: d.x, nx: d.nx, len: d.len}
	hash := d0.checkSum()
	return append(in, hash[:]...)
}

func (d *digest) checkSum() [Size]byte {
	n := d.len
	var tmp [64 + 8]byte
	tmp[0] = 0x80
	var t uint64
	if n%64 < 56 {
		t = 56 - n%64
	} else {
		t = 64 + 56 - n%64
	}
	n <<= 3
	padlen := tmp[:t+8]
	for i := uint64(0); i < 8; i++ {
		padlen[t+i] = byte(n >> (8 * i))
	}
	d.Write(padlen)
	var digest [Size]byte
	for i := 0; i < Size/4; i++ {
		v := d.h[i]
		digest[i*4], digest[i*4+1], digest[i*4+2], digest[i*4+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	}
	return digest
}

// Sum returns the MD5 checksum of the data.
func Sum(data []byte) [Size]byte {
	d := new(digest)
	d.Reset()
	d.Write(data)
	return d.checkSum()
}
