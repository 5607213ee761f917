// Package sha256: the SHA-256 hash. The digest (buffering, padding, length) is
// Go; the compression of whole blocks is native
// (stdlib/src/natives/crypto.rs), where the interpreter would be slow.
package sha256

import "hash"

// The size of a SHA-256 checksum in bytes.
const Size = 32

// The blocksize of SHA-256 in bytes.
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
		padlen[t+i] = byte(n >> (56 - 8*i))
	}
	d.Write(padlen)
	var digest [Size]byte
	for i := 0; i < Size/4; i++ {
		v := d.h[i]
		digest[i*4], digest[i*4+1], digest[i*4+2], digest[i*4+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	return digest
}

// Sum returns the SHA-256 checksum of the data.
func Sum256(data []byte) [Size]byte {
	d := new(digest)
	d.Reset()
	d.Write(data)
	return d.checkSum()
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
	d0 := &digest{h: append([]uint32(nil), d.h...), x: d.x, nx: d.nx, len: d.len}
	hash := d0.checkSum()
	return append(in, hash[:Size224]...)
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
	sum := d.digest.checkSum()
	var out [Size224]byte
	copy(out[:], sum[:Size224])
	return out
}
