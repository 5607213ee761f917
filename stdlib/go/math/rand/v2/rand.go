// Package rand (math/rand/v2): pseudo-random numbers, in Go. The PCG and
// ChaCha8 sources and the Rand methods reproduce Go's sequences exactly
// for a given seed (the same algorithms: PCG-DXSM, C2SP's chacha8rand,
// Lemire's bounded multiplication with rejection, Fisher-Yates). The
// top-level functions draw from a PCG seeded at random when the program
// starts (Go's global source is a ChaCha8 one seeded at random; its
// outputs are as unpredictable). NormFloat64 and ExpFloat64 are Marsaglia
// and Tsang's ziggurat over the tables math/rand computes (natives shared
// with it), Zipf is Hörmann and Derflinger's rejection-inversion, as
// Go's. Not declared: the generic method Rand.N of Go 1.27 (methods with
// type parameters are outside gol's subset; the function N is here).
package rand

import (
	"errors"
	"math"
	"math/bits"
	"time"
)

// A Source is a source of uniformly distributed uint64 values.
type Source interface {
	Uint64() uint64
}

// A PCG is a PCG generator with 128 bits of internal state (PCG-DXSM).
type PCG struct {
	hi uint64
	lo uint64
}

// NewPCG returns a new PCG seeded with the given values.
func NewPCG(seed1, seed2 uint64) *PCG {
	return &PCG{seed1, seed2}
}

// Seed resets the PCG to behave the same way as NewPCG(seed1, seed2).
func (p *PCG) Seed(seed1, seed2 uint64) {
	p.hi = seed1
	p.lo = seed2
}

func (p *PCG) next() (hi, lo uint64) {
	const (
		mulHi = 2549297995355413924
		mulLo = 4865540595714422341
		incHi = 6364136223846793005
		incLo = 1442695040888963407
	)
	hi, lo = bits.Mul64(p.lo, mulLo)
	hi += p.hi*mulLo + p.lo*mulHi
	lo, c := bits.Add64(lo, incLo, 0)
	hi, _ = bits.Add64(hi, incHi, c)
	p.lo = lo
	p.hi = hi
	return hi, lo
}

// Uint64 returns a uniformly-distributed random uint64 value.
func (p *PCG) Uint64() uint64 {
	hi, lo := p.next()
	const cheapMul = 0xda942042e4dd58b5
	hi ^= hi >> 32
	hi *= cheapMul
	hi ^= hi >> (3 * 16)
	hi *= (lo | 1)
	return hi
}

// AppendBinary appends the PCG's state: "pcg:" and the two words, big
// endian.
func (p *PCG) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, "pcg:"...)
	for _, w := range [2]uint64{p.hi, p.lo} {
		for s := 56; s >= 0; s -= 8 {
			b = append(b, byte(w>>s))
		}
	}
	return b, nil
}

// MarshalBinary returns the PCG's state as AppendBinary encodes it.
func (p *PCG) MarshalBinary() ([]byte, error) {
	return p.AppendBinary(make([]byte, 0, 20))
}

var errUnmarshalPCG = errors.New("invalid PCG encoding")

// UnmarshalBinary restores a state MarshalBinary returned.
func (p *PCG) UnmarshalBinary(data []byte) error {
	if len(data) != 20 || string(data[:4]) != "pcg:" {
		return errUnmarshalPCG
	}
	var w [2]uint64
	for i := range w {
		for _, c := range data[4+8*i : 12+8*i] {
			w[i] = w[i]<<8 | uint64(c)
		}
	}
	p.hi, p.lo = w[0], w[1]
	return nil
}

// A Rand is a source of random numbers.
type Rand struct {
	src Source
}

// New returns a new Rand that uses random values from src.
func New(src Source) *Rand {
	return &Rand{src: src}
}

func (r *Rand) Int64() int64 { return int64(r.src.Uint64() &^ (1 << 63)) }

func (r *Rand) Uint32() uint32 { return uint32(r.src.Uint64() >> 32) }

func (r *Rand) Uint64() uint64 { return r.src.Uint64() }

func (r *Rand) Int32() int32 { return int32(r.src.Uint64() >> 33) }

func (r *Rand) Int() int { return int(uint(r.src.Uint64()) << 1 >> 1) }

func (r *Rand) Uint() uint { return uint(r.src.Uint64()) }

func (r *Rand) Int64N(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int64N")
	}
	return int64(r.uint64n(uint64(n)))
}

func (r *Rand) Uint64N(n uint64) uint64 {
	if n == 0 {
		panic("invalid argument to Uint64N")
	}
	return r.uint64n(n)
}

// uint64n is a uniform value in [0, n): a 128-bit product's high half,
// with rejection of the biased low values (Lemire).
func (r *Rand) uint64n(n uint64) uint64 {
	if n&(n-1) == 0 {
		return r.Uint64() & (n - 1)
	}
	hi, lo := bits.Mul64(r.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.Uint64(), n)
		}
	}
	return hi
}

func (r *Rand) Int32N(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int32N")
	}
	return int32(r.uint64n(uint64(n)))
}

func (r *Rand) Uint32N(n uint32) uint32 {
	if n == 0 {
		panic("invalid argument to Uint32N")
	}
	return uint32(r.uint64n(uint64(n)))
}

func (r *Rand) IntN(n int) int {
	if n <= 0 {
		panic("invalid argument to IntN")
	}
	return int(r.uint64n(uint64(n)))
}

func (r *Rand) UintN(n uint) uint {
	if n == 0 {
		panic("invalid argument to UintN")
	}
	return uint(r.uint64n(uint64(n)))
}

// Float64 returns a float64 in [0.0, 1.0).
func (r *Rand) Float64() float64 {
	return float64(r.Uint64()<<11>>11) / (1 << 53)
}

// Float32 returns a float32 in [0.0, 1.0).
func (r *Rand) Float32() float32 {
	return float32(r.Uint32()<<8>>8) / (1 << 24)
}

// Perm returns a random permutation of [0, n).
func (r *Rand) Perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

// Shuffle pseudo-randomizes the order of n elements (Fisher-Yates).
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(r.uint64n(uint64(i + 1)))
		swap(i, j)
	}
}

// globalRand draws from a PCG seeded from the clock at start.
var globalRand = New(NewPCG(uint64(time.Now().UnixNano()), 0x9e3779b97f4a7c15^uint64(time.Now().UnixNano())<<1))

func Int64() int64 { return globalRand.Int64() }

func Uint32() uint32 { return globalRand.Uint32() }

func Uint64() uint64 { return globalRand.Uint64() }

func Int32() int32 { return globalRand.Int32() }

func Int() int { return globalRand.Int() }

func Uint() uint { return globalRand.Uint() }

func Int64N(n int64) int64 { return globalRand.Int64N(n) }

func Uint64N(n uint64) uint64 { return globalRand.Uint64N(n) }

func Int32N(n int32) int32 { return globalRand.Int32N(n) }

func Uint32N(n uint32) uint32 { return globalRand.Uint32N(n) }

func IntN(n int) int { return globalRand.IntN(n) }

func UintN(n uint) uint { return globalRand.UintN(n) }

// intType is the set of types N accepts.
type intType interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// N returns a uniform value in [0, n) of any integer type (a
// time.Duration, say) from the default source; it panics if n <= 0.
func N[Int intType](n Int) Int {
	if n <= 0 {
		panic("invalid argument to N")
	}
	return Int(globalRand.uint64n(uint64(n)))
}

func Float64() float64 { return globalRand.Float64() }

func Float32() float32 { return globalRand.Float32() }

func Perm(n int) []int { return globalRand.Perm(n) }

func Shuffle(n int, swap func(i, j int)) { globalRand.Shuffle(n, swap) }

func NormFloat64() float64 { return globalRand.NormFloat64() }

func ExpFloat64() float64 { return globalRand.ExpFloat64() }

// The ziggurat tables (natives of math/rand's): for strip i, the bound
// K under which a draw is inside the strip's inner rectangle, the width
// W scaling a draw to x, and the density F at the strip's edge.
func normK(i int32) uint32
func normW(i int32) float32
func normF(i int32) float32
func expK(i uint32) uint32
func expW(i uint32) float32
func expF(i uint32) float32

const (
	// The start of the normal and exponential tails.
	rn = 3.442619855899
	re = 7.69711747013104972
)

func absInt32(i int32) uint32 {
	if i < 0 {
		return uint32(-i)
	}
	return uint32(i)
}

// NormFloat64 returns a normally distributed float64 (mean 0, standard
// deviation 1). One draw gives the value (its low 32 bits, signed) and
// the strip (7 bits above them); most values fall inside the strip's
// rectangle and are taken at once.
func (r *Rand) NormFloat64() float64 {
	for {
		u := r.Uint64()
		j := int32(u)
		i := int32(u >> 32 & 0x7F)
		x := float64(j) * float64(normW(i))
		if absInt32(j) < normK(i) {
			return x
		}
		if i == 0 {
			// The tail beyond rn, by Marsaglia's method.
			for {
				x = -math.Log(r.Float64()) * (1.0 / rn)
				y := -math.Log(r.Float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return rn + x
			}
			return -rn - x
		}
		if normF(i)+float32(r.Float64())*(normF(i-1)-normF(i)) < float32(math.Exp(-.5*x*x)) {
			return x
		}
	}
}

// ExpFloat64 returns an exponentially distributed float64 (rate 1), by
// the ziggurat as NormFloat64: value in the low 32 bits, strip in the 8
// above.
func (r *Rand) ExpFloat64() float64 {
	for {
		u := r.Uint64()
		j := uint32(u)
		i := uint32(uint8(u >> 32))
		x := float64(j) * float64(expW(i))
		if j < expK(i) {
			return x
		}
		if i == 0 {
			return re - math.Log(r.Float64())
		}
		if expF(i)+float32(r.Float64())*(expF(i-1)-expF(i)) < float32(math.Exp(-x)) {
			return x
		}
	}
}

// A Zipf generates Zipf distributed values: P(k) proportional to
// (v + k) ** -s for k in [0, imax].
type Zipf struct {
	r            *Rand
	imax         float64
	v            float64
	q            float64
	s            float64
	oneminusQ    float64
	oneminusQinv float64
	hxm          float64
	hx0minusHxm  float64
}

// h is the integral of the hat function, (v+x)**(1-q) / (1-q).
func (z *Zipf) h(x float64) float64 {
	return math.Exp(z.oneminusQ*math.Log(z.v+x)) * z.oneminusQinv
}

// hinv is h's inverse.
func (z *Zipf) hinv(x float64) float64 {
	return math.Exp(z.oneminusQinv*math.Log(z.oneminusQ*x)) - z.v
}

// NewZipf returns a Zipf generator drawing from r, with s > 1 and v >= 1
// (nil otherwise).
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	z := new(Zipf)
	if s <= 1.0 || v < 1 {
		return nil
	}
	z.r = r
	z.imax = float64(imax)
	z.v = v
	z.q = s
	z.oneminusQ = 1.0 - z.q
	z.oneminusQinv = 1.0 / z.oneminusQ
	z.hxm = z.h(z.imax + 0.5)
	z.hx0minusHxm = z.h(0.5) - math.Exp(math.Log(z.v)*(-z.q)) - z.hxm
	z.s = 1 - z.hinv(z.h(1.5)-math.Exp(-z.q*math.Log(z.v+1.0)))
	return z
}

// Uint64 returns a value drawn from the Zipf distribution: a uniform
// point under the hat's integral, inverted, rounded to an integer k,
// and accepted when it falls under the distribution's step at k.
func (z *Zipf) Uint64() uint64 {
	if z == nil {
		panic("rand: nil Zipf")
	}
	k := 0.0
	for {
		u := z.hxm + z.r.Float64()*z.hx0minusHxm
		x := z.hinv(u)
		k = math.Floor(x + 0.5)
		if k-x <= z.s {
			break
		}
		if u >= z.h(k+0.5)-math.Exp(-math.Log(k+z.v)*z.q) {
			break
		}
	}
	return uint64(k)
}

// A ChaCha8 is a ChaCha8-based cryptographically strong random number
// generator, the stream of Go's exactly (Go's internal/chacha8rand:
// C2SP's chacha8rand). Each block call runs four ChaCha8 blocks side by
// side (block counters c..c+3) and yields 32 words, interleaved as Go's
// vector code stores them; the seed is the key, rows 4-11, and only
// those rows get the feed-forward addition. After four block calls
// (128 words) the last four words of the fourth become the next key and
// are not handed out, so a leaked state cannot be rolled back.
type ChaCha8 struct {
	buf  [32]uint64
	seed [4]uint64
	i    uint32 // next word of buf
	n    uint32 // words of buf that may be handed out
	c    uint32 // block counter of buf: 0, 4, 8, 12

	readBuf [8]byte
	readLen int // unread bytes at the end of readBuf, 0 to 8
}

const (
	chachaCtrInc = 4
	chachaCtrMax = 16
	chachaChunk  = 32
	chachaReseed = 4
)

// NewChaCha8 returns a new ChaCha8 seeded with the given seed.
func NewChaCha8(seed [32]byte) *ChaCha8 {
	c := new(ChaCha8)
	c.init(seed)
	return c
}

func (c *ChaCha8) init(seed [32]byte) {
	for i := range c.seed {
		c.seed[i] = leUint64(seed[8*i:])
	}
	chachaBlock(&c.seed, &c.buf, 0)
	c.c = 0
	c.i = 0
	c.n = chachaChunk
}

// Seed resets the ChaCha8 to behave the same way as NewChaCha8(seed).
func (c *ChaCha8) Seed(seed [32]byte) {
	c.init(seed)
	c.readLen = 0
	c.readBuf = [8]byte{}
}

// Uint64 returns a uniformly distributed random uint64 value.
func (c *ChaCha8) Uint64() uint64 {
	if c.i >= c.n {
		c.refill()
	}
	x := c.buf[c.i&31]
	c.i++
	return x
}

// refill computes the next 32 words, rekeying after the fourth block
// call from the words it held back.
func (c *ChaCha8) refill() {
	c.c += chachaCtrInc
	if c.c == chachaCtrMax {
		copy(c.seed[:], c.buf[chachaChunk-chachaReseed:])
		c.c = 0
	}
	chachaBlock(&c.seed, &c.buf, c.c)
	c.i = 0
	c.n = chachaChunk
	if c.c == chachaCtrMax-chachaCtrInc {
		c.n = chachaChunk - chachaReseed
	}
}

// Read reads exactly len(p) bytes into p (little-endian words of the
// stream; a word's bytes left over wait for the next Read). It always
// returns len(p) and a nil error.
func (c *ChaCha8) Read(p []byte) (n int, err error) {
	if c.readLen > 0 {
		n = copy(p, c.readBuf[len(c.readBuf)-c.readLen:])
		c.readLen -= n
		p = p[n:]
	}
	for len(p) >= 8 {
		lePutUint64(p, c.Uint64())
		p = p[8:]
		n += 8
	}
	if len(p) > 0 {
		lePutUint64(c.readBuf[:], c.Uint64())
		n += copy(p, c.readBuf[:])
		c.readLen = 8 - len(p)
	}
	return
}

// AppendBinary appends the state: "readbuf:" with the unread bytes if
// any, then "chacha8:", the words used (big endian) and the key (little
// endian words).
func (c *ChaCha8) AppendBinary(b []byte) ([]byte, error) {
	if c.readLen > 0 {
		b = append(b, "readbuf:"...)
		b = append(b, uint8(c.readLen))
		b = append(b, c.readBuf[len(c.readBuf)-c.readLen:]...)
	}
	b = append(b, "chacha8:"...)
	used := uint64((c.c/chachaCtrInc)*chachaChunk + c.i)
	for s := 56; s >= 0; s -= 8 {
		b = append(b, byte(used>>s))
	}
	for _, w := range c.seed {
		b = lePutAppend(b, w)
	}
	return b, nil
}

// MarshalBinary returns the state as AppendBinary encodes it.
func (c *ChaCha8) MarshalBinary() ([]byte, error) {
	return c.AppendBinary(make([]byte, 0, 64))
}

// errUnmarshalChaCha8 is Go's error type for a bad encoding (its own
// type there, whose message this is).
type errUnmarshalChaCha8 struct{}

func (*errUnmarshalChaCha8) Error() string { return "invalid ChaCha8 encoding" }

// UnmarshalBinary restores a state MarshalBinary returned.
func (c *ChaCha8) UnmarshalBinary(data []byte) error {
	if len(data) >= 8 && string(data[:8]) == "readbuf:" {
		data = data[8:]
		if len(data) == 0 || len(data) < int(1+data[0]) {
			return errors.New("invalid ChaCha8 Read buffer encoding")
		}
		buf := data[1 : 1+data[0]]
		data = data[1+data[0]:]
		c.readLen = copy(c.readBuf[len(c.readBuf)-len(buf):], buf)
	}
	if len(data) != 6*8 || string(data[:8]) != "chacha8:" {
		return new(errUnmarshalChaCha8)
	}
	var used uint64
	for _, x := range data[8:16] {
		used = used<<8 | uint64(x)
	}
	if used > (chachaCtrMax/chachaCtrInc)*chachaChunk-chachaReseed {
		return new(errUnmarshalChaCha8)
	}
	for i := range c.seed {
		c.seed[i] = leUint64(data[(2+i)*8:])
	}
	c.c = chachaCtrInc * (uint32(used) / chachaChunk)
	chachaBlock(&c.seed, &c.buf, c.c)
	c.i = uint32(used) % chachaChunk
	c.n = chachaChunk
	if c.c == chachaCtrMax-chachaCtrInc {
		c.n = chachaChunk - chachaReseed
	}
	return nil
}

func leUint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func lePutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

func lePutAppend(b []byte, v uint64) []byte {
	for i := 0; i < 8; i++ {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

// chachaBlock fills buf with the next 32 words of the stream: four
// ChaCha8 blocks keyed by seed, block counters counter..counter+3, in the
// order Go's vector code stores them (stdlib/src/natives/mathrand.rs).
func chachaBlock(seed *[4]uint64, buf *[32]uint64, counter uint32) {
	copy(buf[:], block(seed[0], seed[1], seed[2], seed[3], counter))
}

// block is the native block function: a fresh slice of 32 words.
func block(s0, s1, s2, s3 uint64, counter uint32) []uint64
