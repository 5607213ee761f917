// Package encoding/base64: RFC 4648 base64, written in Go over no natives.
//
// Declared and implemented: Encoding (NewEncoding, WithPadding, Strict),
// the four standard encodings, Encode, EncodeToString, AppendEncode,
// EncodedLen, Decode, DecodeString, AppendDecode, DecodedLen,
// CorruptInputError, NewEncoder, NewDecoder. Decoding follows Go's rules
// exactly, including the input offsets its errors report: '\r' and '\n'
// are skipped anywhere, padding may only end the input (newlines aside),
// and a Strict encoding refuses non-zero bits after the last whole byte.
// The stream decoder works in Go's chunks (whole groups of four symbols,
// sized by the caller's buffer, at most 1024), so its error offsets count
// from the start of the chunk, as Go's do.
package base64

import (
	"io"
	"strconv"
)

// An Encoding is a radix 64 alphabet and its padding rules.
type Encoding struct {
	encode    [64]byte
	decodeMap [256]uint8 // symbol -> value, 0xff for a byte outside the alphabet
	padChar   rune
	strict    bool
}

const (
	StdPadding rune = '='
	NoPadding  rune = -1
)

const invalidIndex = 0xff

// NewEncoding makes an Encoding of a 64-byte alphabet, padded with '='.
func NewEncoding(encoder string) *Encoding {
	if len(encoder) != 64 {
		panic("encoding alphabet is not 64-bytes long")
	}
	e := new(Encoding)
	e.padChar = StdPadding
	copy(e.encode[:], encoder)
	for i := range e.decodeMap {
		e.decodeMap[i] = invalidIndex
	}
	for i := 0; i < len(encoder); i++ {
		c := encoder[i]
		if c == '\n' || c == '\r' {
			panic("encoding alphabet contains newline character")
		}
		if e.decodeMap[c] != invalidIndex {
			panic("encoding alphabet includes duplicate symbols")
		}
		e.decodeMap[c] = uint8(i)
	}
	return e
}

// WithPadding is a copy of enc padded with padding (NoPadding: none).
func (enc Encoding) WithPadding(padding rune) *Encoding {
	if padding < NoPadding || padding == '\r' || padding == '\n' || padding > 0xff {
		panic("invalid padding")
	}
	if padding != NoPadding && enc.decodeMap[byte(padding)] != invalidIndex {
		panic("padding contained in alphabet")
	}
	enc.padChar = padding
	return &enc
}

// Strict is a copy of enc whose decoding requires the bits after the last
// whole byte to be zero.
func (enc Encoding) Strict() *Encoding {
	enc.strict = true
	return &enc
}

var (
	StdEncoding    = NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
	URLEncoding    = NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
	RawStdEncoding = StdEncoding.WithPadding(NoPadding)
	RawURLEncoding = URLEncoding.WithPadding(NoPadding)
)

// Encode writes EncodedLen(len(src)) bytes of src's encoding to dst.
func (enc *Encoding) Encode(dst, src []byte) {
	di := 0
	si := 0
	for ; si+3 <= len(src); si += 3 {
		v := uint(src[si])<<16 | uint(src[si+1])<<8 | uint(src[si+2])
		dst[di] = enc.encode[v>>18&0x3f]
		dst[di+1] = enc.encode[v>>12&0x3f]
		dst[di+2] = enc.encode[v>>6&0x3f]
		dst[di+3] = enc.encode[v&0x3f]
		di += 4
	}
	rest := len(src) - si
	if rest == 0 {
		return
	}
	v := uint(src[si]) << 16
	if rest == 2 {
		v |= uint(src[si+1]) << 8
	}
	dst[di] = enc.encode[v>>18&0x3f]
	dst[di+1] = enc.encode[v>>12&0x3f]
	if rest == 2 {
		dst[di+2] = enc.encode[v>>6&0x3f]
		if enc.padChar != NoPadding {
			dst[di+3] = byte(enc.padChar)
		}
	} else if enc.padChar != NoPadding {
		dst[di+2] = byte(enc.padChar)
		dst[di+3] = byte(enc.padChar)
	}
}

// AppendEncode appends src's encoding to dst.
func (enc *Encoding) AppendEncode(dst, src []byte) []byte {
	n := enc.EncodedLen(len(src))
	out := make([]byte, len(dst)+n)
	copy(out, dst)
	enc.Encode(out[len(dst):], src)
	return out
}

// EncodeToString is src's encoding.
func (enc *Encoding) EncodeToString(src []byte) string {
	buf := make([]byte, enc.EncodedLen(len(src)))
	enc.Encode(buf, src)
	return string(buf)
}

// EncodedLen is the length of the encoding of n bytes.
func (enc *Encoding) EncodedLen(n int) int {
	if enc.padChar == NoPadding {
		return n/3*4 + (n%3*8+5)/6
	}
	return (n + 2) / 3 * 4
}

// DecodedLen is the most bytes n encoded bytes decode to.
func (enc *Encoding) DecodedLen(n int) int {
	return decodedLen(n, enc.padChar)
}

func decodedLen(n int, padChar rune) int {
	if padChar == NoPadding {
		return n/4*3 + n%4*6/8
	}
	return n / 4 * 3
}

// CorruptInputError is the offset of the first bad byte of the input.
type CorruptInputError int64

func (e CorruptInputError) Error() string {
	return "illegal base64 data at input byte " + strconv.FormatInt(int64(e), 10)
}

// skipNewlines is the index of the first byte from i on that is not '\r'
// or '\n'.
func skipNewlines(src []byte, i int) int {
	for i < len(src) && (src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// decodeQuantum decodes the group of up to four symbols starting at src[si]
// into dst: the index after it, the bytes written, and an error at the
// offset Go reports.
func (enc *Encoding) decodeQuantum(dst, src []byte, si int) (int, int, error) {
	var sym [4]uint
	n := 0 // symbols of the group read so far
	for n < 4 {
		if si == len(src) {
			if n == 0 {
				return si, 0, nil
			}
			if n == 1 || enc.padChar != NoPadding {
				return si, 0, CorruptInputError(si - n)
			}
			break
		}
		c := src[si]
		si++
		if v := enc.decodeMap[c]; v != invalidIndex {
			sym[n] = uint(v)
			n++
			continue
		}
		if c == '\n' || c == '\r' {
			continue
		}
		if rune(c) != enc.padChar {
			return si, 0, CorruptInputError(si - 1)
		}
		// Padding: it ends the input, after two or three symbols.
		if n < 2 {
			return si, 0, CorruptInputError(si - 1)
		}
		if n == 2 {
			// A second pad byte must follow.
			si = skipNewlines(src, si)
			if si == len(src) {
				return si, 0, CorruptInputError(len(src))
			}
			if rune(src[si]) != enc.padChar {
				return si, 0, CorruptInputError(si - 1)
			}
			si++
		}
		si = skipNewlines(src, si)
		var err error
		if si < len(src) {
			err = CorruptInputError(si)
		}
		w, serr := enc.assemble(dst, sym, n, si)
		if serr != nil {
			return si, 0, serr
		}
		return si, w, err
	}
	w, err := enc.assemble(dst, sym, n, si)
	return si, w, err
}

// assemble writes the n-1 bytes of n symbols (2 to 4) to dst; a Strict
// encoding refuses leftover bits, at the offset Go names.
func (enc *Encoding) assemble(dst []byte, sym [4]uint, n int, si int) (int, error) {
	v := sym[0]<<18 | sym[1]<<12 | sym[2]<<6 | sym[3]
	b0, b1, b2 := byte(v>>16), byte(v>>8), byte(v)
	switch n {
	case 4:
		dst[2] = b2
		dst[1] = b1
		dst[0] = b0
	case 3:
		dst[1] = b1
		if enc.strict && b2 != 0 {
			return 0, CorruptInputError(si - 1)
		}
		dst[0] = b0
	case 2:
		dst[0] = b0
		if enc.strict && (b1 != 0 || b2 != 0) {
			return 0, CorruptInputError(si - 2)
		}
	}
	return n - 1, nil
}

// Decode decodes src into dst (at least DecodedLen(len(src)) long): the
// bytes written, and a CorruptInputError for malformed input (with the
// bytes decoded before it). '\r' and '\n' are ignored.
func (enc *Encoding) Decode(dst, src []byte) (n int, err error) {
	si := 0
	for si < len(src) {
		var w int
		si, w, err = enc.decodeQuantum(dst[n:], src, si)
		n += w
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// AppendDecode appends src's decoding to dst.
func (enc *Encoding) AppendDecode(dst, src []byte) ([]byte, error) {
	n := len(src)
	for n > 0 && rune(src[n-1]) == enc.padChar {
		n--
	}
	buf := make([]byte, decodedLen(n, NoPadding))
	m, err := enc.Decode(buf, src)
	return append(dst, buf[:m]...), err
}

// DecodeString is the bytes s encodes.
func (enc *Encoding) DecodeString(s string) ([]byte, error) {
	buf := make([]byte, enc.DecodedLen(len(s)))
	n, err := enc.Decode(buf, []byte(s))
	return buf[:n], err
}

// NewEncoder is a writer that encodes what it is given to w; Close writes
// the final partial group.
func NewEncoder(enc *Encoding, w io.Writer) io.WriteCloser {
	return &encoder{enc: enc, w: w}
}

// encoder holds at most two bytes of an incomplete group between writes.
type encoder struct {
	enc  *Encoding
	w    io.Writer
	err  error
	part []byte
}

func (e *encoder) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n := len(p)
	data := p
	if len(e.part) > 0 {
		data = append(e.part, p...)
	}
	whole := len(data) / 3 * 3
	if whole > 0 {
		out := make([]byte, whole/3*4)
		e.enc.Encode(out, data[:whole])
		if _, e.err = e.w.Write(out); e.err != nil {
			return 0, e.err
		}
	}
	e.part = append([]byte(nil), data[whole:]...)
	return n, nil
}

func (e *encoder) Close() error {
	if e.err == nil && len(e.part) > 0 {
		out := make([]byte, e.enc.EncodedLen(len(e.part)))
		e.enc.Encode(out, e.part)
		e.part = nil
		_, e.err = e.w.Write(out)
	}
	return e.err
}

// NewDecoder is a reader of the bytes that r's base64 text (in enc)
// encodes; '\r' and '\n' in it are ignored.
func NewDecoder(enc *Encoding, r io.Reader) io.Reader {
	return &decoder{enc: enc, r: &newlineFilter{r}}
}

// decoder decodes whole groups of four symbols per chunk of input; the
// symbols of an incomplete group wait in buf for the next read, and
// decoded bytes that did not fit the caller's buffer wait in out.
type decoder struct {
	enc     *Encoding
	r       io.Reader
	err     error // the decoder's own error, returned once out is drained
	readErr error // the error of the last read of r
	buf     []byte
	out     []byte
}

// chunkSize bounds the input one Read decodes.
const chunkSize = 1024

func (d *decoder) Read(p []byte) (int, error) {
	if len(d.out) > 0 {
		n := copy(p, d.out)
		d.out = d.out[n:]
		return n, nil
	}
	if d.err != nil {
		return 0, d.err
	}
	// Read until a whole group is here: as many groups as p can take,
	// at least one, at most a chunk.
	want := len(p) / 3 * 4
	if want < 4 {
		want = 4
	}
	if want > chunkSize {
		want = chunkSize
	}
	for len(d.buf) < 4 && d.readErr == nil {
		tmp := make([]byte, want-len(d.buf))
		var n int
		n, d.readErr = d.r.Read(tmp)
		d.buf = append(d.buf, tmp[:n]...)
	}
	if len(d.buf) < 4 {
		return d.finish(p)
	}
	whole := len(d.buf) / 4 * 4
	chunk := d.buf[:whole]
	if whole/4*3 > len(p) {
		dec := make([]byte, whole/4*3)
		var nw int
		nw, d.err = d.enc.Decode(dec, chunk)
		n := copy(p, dec[:nw])
		d.out = dec[n:nw]
		d.buf = append([]byte(nil), d.buf[whole:]...)
		return n, d.err
	}
	n, err := d.enc.Decode(p, chunk)
	d.err = err
	d.buf = append([]byte(nil), d.buf[whole:]...)
	return n, err
}

// finish handles the end of the input with fewer than four symbols left:
// an unpadded encoding decodes them, otherwise they are an unexpected end.
func (d *decoder) finish(p []byte) (int, error) {
	if d.enc.padChar == NoPadding && len(d.buf) > 0 {
		dec := make([]byte, 3)
		var nw int
		nw, d.err = d.enc.Decode(dec, d.buf)
		d.buf = nil
		n := copy(p, dec[:nw])
		d.out = dec[n:nw]
		if n > 0 || len(p) == 0 && len(d.out) > 0 {
			return n, nil
		}
		if d.err != nil {
			return 0, d.err
		}
	}
	d.err = d.readErr
	if d.err == io.EOF && len(d.buf) > 0 {
		d.err = io.ErrUnexpectedEOF
	}
	return 0, d.err
}

// newlineFilter drops '\r' and '\n' from what it reads, reading again
// when a read held nothing else.
type newlineFilter struct {
	r io.Reader
}

func (f *newlineFilter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	for n > 0 {
		kept := 0
		for _, b := range p[:n] {
			if b != '\r' && b != '\n' {
				p[kept] = b
				kept++
			}
		}
		if kept > 0 {
			return kept, err
		}
		n, err = f.r.Read(p)
	}
	return n, err
}
