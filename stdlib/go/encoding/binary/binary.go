// Package binary: byte orders and varints, in Go as Go writes them, and
// Read, Write, Size, Append, Encode and Decode of fixed-size values,
// which walk the value by the VM's type descriptors in natives
// (stdlib/src/natives/binary.rs) where Go's use reflect.
package binary

import (
	"errors"
	"io"
)

// A ByteOrder converts between byte slices and unsigned integers.
type ByteOrder interface {
	Uint16([]byte) uint16
	Uint32([]byte) uint32
	Uint64([]byte) uint64
	PutUint16([]byte, uint16)
	PutUint32([]byte, uint32)
	PutUint64([]byte, uint64)
	String() string
}

// AppendByteOrder appends unsigned integers to byte slices.
type AppendByteOrder interface {
	AppendUint16([]byte, uint16) []byte
	AppendUint32([]byte, uint32) []byte
	AppendUint64([]byte, uint64) []byte
	String() string
}

var LittleEndian littleEndian

var BigEndian bigEndian

// NativeEndian is the machine's byte order: little-endian, as on every
// machine gol runs on.
var NativeEndian nativeEndian

// nativeEndian is littleEndian under its own name, as Go's is on a
// little-endian machine (it prints as NativeEndian).
type nativeEndian struct {
	littleEndian
}

func (nativeEndian) String() string { return "NativeEndian" }

func (nativeEndian) GoString() string { return "binary.NativeEndian" }

type littleEndian struct{}

func (littleEndian) Uint16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[0]) | uint16(b[1])<<8
}

func (littleEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
}

func (littleEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v), byte(v>>8))
}

func (littleEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (littleEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
}

func (littleEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
}

func (littleEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func (littleEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (8 * i))
	}
}

func (littleEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24), byte(v>>32), byte(v>>40), byte(v>>48), byte(v>>56))
}

func (littleEndian) String() string { return "LittleEndian" }

func (littleEndian) GoString() string { return "binary.LittleEndian" }

type bigEndian struct{}

func (bigEndian) Uint16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[1]) | uint16(b[0])<<8
}

func (bigEndian) PutUint16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v >> 8)
	b[1] = byte(v)
}

func (bigEndian) AppendUint16(b []byte, v uint16) []byte {
	return append(b, byte(v>>8), byte(v))
}

func (bigEndian) Uint32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

func (bigEndian) PutUint32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v >> 24)
	b[1] = byte(v >> 16)
	b[2] = byte(v >> 8)
	b[3] = byte(v)
}

func (bigEndian) AppendUint32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) Uint64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

func (bigEndian) PutUint64(b []byte, v uint64) {
	_ = b[7]
	for i := 0; i < 8; i++ {
		b[i] = byte(v >> (56 - 8*i))
	}
}

func (bigEndian) AppendUint64(b []byte, v uint64) []byte {
	return append(b, byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32), byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (bigEndian) String() string { return "BigEndian" }

func (bigEndian) GoString() string { return "binary.BigEndian" }

const (
	MaxVarintLen16 = 3
	MaxVarintLen32 = 5
	MaxVarintLen64 = 10
)

func AppendUvarint(buf []byte, x uint64) []byte {
	for x >= 0x80 {
		buf = append(buf, byte(x)|0x80)
		x >>= 7
	}
	return append(buf, byte(x))
}

func PutUvarint(buf []byte, x uint64) int {
	i := 0
	for x >= 0x80 {
		buf[i] = byte(x) | 0x80
		x >>= 7
		i++
	}
	buf[i] = byte(x)
	return i + 1
}

// Uvarint decodes a uint64 from buf: the value and the bytes read (0 if
// buf is too small, negative if the value overflows 64 bits).
func Uvarint(buf []byte) (uint64, int) {
	var x uint64
	var s uint
	for i, b := range buf {
		if i == MaxVarintLen64 {
			return 0, -(i + 1)
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return 0, -(i + 1)
			}
			return x | uint64(b)<<s, i + 1
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return 0, 0
}

func AppendVarint(buf []byte, x int64) []byte {
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	return AppendUvarint(buf, ux)
}

func PutVarint(buf []byte, x int64) int {
	ux := uint64(x) << 1
	if x < 0 {
		ux = ^ux
	}
	return PutUvarint(buf, ux)
}

func Varint(buf []byte) (int64, int) {
	ux, n := Uvarint(buf)
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x, n
}

var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

func ReadUvarint(r io.ByteReader) (uint64, error) {
	var x uint64
	var s uint
	for i := 0; i < MaxVarintLen64; i++ {
		b, err := r.ReadByte()
		if err != nil {
			if i > 0 && err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return x, err
		}
		if b < 0x80 {
			if i == MaxVarintLen64-1 && b > 1 {
				return x, errOverflow
			}
			return x | uint64(b)<<s, nil
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	return x, errOverflow
}

func ReadVarint(r io.ByteReader) (int64, error) {
	ux, err := ReadUvarint(r)
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x, err
}

// The natives: size is Go's dataSize of v (target: of what Read and
// Decode fill, a pointer's element or a slice), -1 with the type's name
// when it is not fixed-size; encode and decode work in the little- or
// big-endian order; widths lists the byte width of each scalar.
func size(v any, target bool) (n int, name string)

func encode(v any, big bool) []byte

func decode(data []byte, big bool, v any)

func widths(v any, target bool) []byte

var errBufferTooSmall = errors.New("buffer too small")

// encodeIn encodes data (known to be fixed-size) in order: the two
// orders of this package directly, any other scalar by scalar through
// its PutUint methods.
func encodeIn(order ByteOrder, data any) []byte {
	switch order.(type) {
	case littleEndian, nativeEndian:
		return encode(data, false)
	case bigEndian:
		return encode(data, true)
	}
	b := encode(data, false)
	reorder(b, widths(data, false), LittleEndian, order)
	return b
}

// reorder rewrites each scalar of b (of the byte widths ws, in turn)
// from byte order from to byte order to.
func reorder(b []byte, ws []byte, from, to ByteOrder) {
	pos := 0
	for _, w := range ws {
		c := b[pos : pos+int(w)]
		switch w {
		case 2:
			to.PutUint16(c, from.Uint16(c))
		case 4:
			to.PutUint32(c, from.Uint32(c))
		case 8:
			to.PutUint64(c, from.Uint64(c))
		}
		pos += int(w)
	}
}

// decodeIn decodes buf (at least the data's size) into data in order.
func decodeIn(buf []byte, order ByteOrder, data any) {
	switch order.(type) {
	case littleEndian, nativeEndian:
		decode(buf, false, data)
		return
	case bigEndian:
		decode(buf, true, data)
		return
	}
	b := append([]byte(nil), buf...)
	reorder(b, widths(data, true), order, LittleEndian)
	decode(b, false, data)
}

// basicSize is the size of a basic value passed where Read and Decode
// want a pointer: Go's fast path takes its bytes before it refuses it.
func basicSize(data any) int {
	switch data.(type) {
	case bool, int8, uint8:
		return 1
	case int16, uint16:
		return 2
	case int32, uint32, float32:
		return 4
	case int64, uint64, float64:
		return 8
	}
	return 0
}

// Read reads the binary encoding of data (a pointer to a fixed-size
// value or a slice of them) from r in order. The error is io.EOF only
// if no bytes were read, io.ErrUnexpectedEOF after some.
func Read(r io.Reader, order ByteOrder, data any) error {
	if n := basicSize(data); n != 0 {
		if _, err := io.ReadFull(r, make([]byte, n)); err != nil {
			return err
		}
	}
	n, name := size(data, true)
	if n < 0 {
		return errors.New("binary.Read: invalid type " + name)
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return err
	}
	decodeIn(buf, order, data)
	return nil
}

// Decode decodes data from buf in order: the bytes consumed.
func Decode(buf []byte, order ByteOrder, data any) (int, error) {
	if n := basicSize(data); n != 0 && len(buf) < n {
		return 0, errBufferTooSmall
	}
	n, name := size(data, true)
	if n < 0 {
		return 0, errors.New("binary.Decode: invalid type " + name)
	}
	if len(buf) < n {
		return 0, errBufferTooSmall
	}
	decodeIn(buf[:n], order, data)
	return n, nil
}

// Write writes the binary encoding of data (a fixed-size value, a slice
// of them, or a pointer to either) to w in order.
func Write(w io.Writer, order ByteOrder, data any) error {
	n, name := size(data, false)
	if n < 0 {
		return errors.New("binary.Write: some values are not fixed-sized in type " + name)
	}
	_, err := w.Write(encodeIn(order, data))
	return err
}

// Encode encodes data into buf in order: the bytes written.
func Encode(buf []byte, order ByteOrder, data any) (int, error) {
	n, name := size(data, false)
	if n < 0 {
		return 0, errors.New("binary.Encode: some values are not fixed-sized in type " + name)
	}
	if len(buf) < n {
		return 0, errBufferTooSmall
	}
	copy(buf, encodeIn(order, data))
	return n, nil
}

// Append appends the binary encoding of data to buf in order.
func Append(buf []byte, order ByteOrder, data any) ([]byte, error) {
	n, name := size(data, false)
	if n < 0 {
		return nil, errors.New("binary.Append: some values are not fixed-sized in type " + name)
	}
	return append(buf, encodeIn(order, data)...), nil
}

// Size is how many bytes Write would produce for v, or -1 when v is not
// a fixed-size value, a slice of them, or a pointer to either.
func Size(v any) int {
	n, _ := size(v, false)
	return n
}
