package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

type Header struct {
	Magic   uint32
	Version uint16
	Flags   [2]uint8
	Len     int64
	Ratio   float32
	Scale   float64
	OK      bool
	_       [3]byte
	Neg     int8
	C       complex64
	Z       complex128
}

type Inner struct {
	A int16
	B [2]uint16
}

type Outer struct {
	X  Inner
	Ys [2]Inner
	W  int32
}

type Bad struct {
	A int32
	S []byte
}

type Named uint16

type private struct {
	A int32
	b int32
}

type revOrder struct{}

func (revOrder) Uint16(b []byte) uint16 { return uint16(b[0])<<8 | uint16(b[1]) ^ 0x5a5a }
func (revOrder) Uint32(b []byte) uint32 {
	return binary.BigEndian.Uint32(b) ^ 0x01020304
}
func (revOrder) Uint64(b []byte) uint64 { return binary.BigEndian.Uint64(b) + 1 }
func (revOrder) PutUint16(b []byte, v uint16) {
	v ^= 0x5a5a
	b[0] = byte(v >> 8)
	b[1] = byte(v)
}
func (revOrder) PutUint32(b []byte, v uint32) { binary.BigEndian.PutUint32(b, v^0x01020304) }
func (revOrder) PutUint64(b []byte, v uint64) { binary.BigEndian.PutUint64(b, v-1) }
func (revOrder) String() string               { return "rev" }

func main() {
	h := Header{Magic: 0xCAFEBABE, Version: 7, Flags: [2]uint8{1, 255}, Len: -2,
		Ratio: 1.5, Scale: math.Inf(-1), OK: true, Neg: -128,
		C: complex(1, -2), Z: complex(math.Copysign(0, -1), 3.25)}
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		var buf bytes.Buffer
		if err := binary.Write(&buf, order, h); err != nil {
			fmt.Println("write:", err)
		}
		fmt.Printf("%v %d % x\n", order, buf.Len(), buf.Bytes())
		var back Header
		if err := binary.Read(&buf, order, &back); err != nil {
			fmt.Println("read:", err)
		}
		fmt.Printf("%+v %v\n", back, back == h)
		// Write through a pointer gives the same bytes.
		var b2 bytes.Buffer
		binary.Write(&b2, order, &h)
		fmt.Println(b2.Len())
	}
	fmt.Println(binary.Size(h), binary.Size(&h), binary.Size([]Header{h, h}))
	fmt.Println(binary.Size(Outer{}), binary.Size([3]int32{}), binary.Size(true))
	fmt.Println(binary.Size(1), binary.Size(Bad{}), binary.Size("s"), binary.Size(nil))
	fmt.Println(binary.Size((*Header)(nil)), binary.Size([]int64{1, 2, 3}), binary.Size(Named(3)))
	fmt.Println(binary.Size(uint(1)), binary.Size([]int{1}), binary.Size(map[int]int{}))

	// Nested structs and arrays.
	o := Outer{X: Inner{-1, [2]uint16{2, 3}}, Ys: [2]Inner{{4, [2]uint16{5, 6}}, {-7, [2]uint16{8, 65535}}}, W: -9}
	var ob bytes.Buffer
	binary.Write(&ob, binary.BigEndian, o)
	fmt.Printf("% x\n", ob.Bytes())
	var o2 Outer
	binary.Read(bytes.NewReader(ob.Bytes()), binary.BigEndian, &o2)
	fmt.Printf("%+v\n", o2)

	// Slices of values, in both directions.
	var sb bytes.Buffer
	binary.Write(&sb, binary.LittleEndian, []int32{-1, 2, math.MaxInt32})
	binary.Write(&sb, binary.LittleEndian, []float64{0.1, math.NaN()})
	binary.Write(&sb, binary.LittleEndian, []bool{true, false})
	binary.Write(&sb, binary.LittleEndian, []Inner{{1, [2]uint16{2, 3}}})
	fmt.Printf("% x\n", sb.Bytes())
	ints := make([]int32, 3)
	fl := make([]float64, 2)
	bs := make([]bool, 2)
	ins := make([]Inner, 1)
	r := bytes.NewReader(sb.Bytes())
	fmt.Println(binary.Read(r, binary.LittleEndian, ints), binary.Read(r, binary.LittleEndian, fl),
		binary.Read(r, binary.LittleEndian, bs), binary.Read(r, binary.LittleEndian, ins))
	fmt.Println(ints, fl, bs, ins)

	// Scalars and pointers to scalars.
	var sc bytes.Buffer
	for _, v := range []any{int8(-3), uint8(200), int16(-300), uint16(60000), int32(-70000),
		uint32(4000000000), int64(math.MinInt64), uint64(math.MaxUint64), float32(-0.0),
		float32(3.4e38), true, false, Named(513)} {
		if err := binary.Write(&sc, binary.BigEndian, v); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Printf("% x\n", sc.Bytes())
	var (
		a int8
		b uint8
		c int16
		d uint16
		e int32
		f uint32
		g int64
		hh uint64
		i float32
		j float32
		k bool
		l bool
		m Named
	)
	rd := bytes.NewReader(sc.Bytes())
	for _, p := range []any{&a, &b, &c, &d, &e, &f, &g, &hh, &i, &j, &k, &l, &m} {
		if err := binary.Read(rd, binary.BigEndian, p); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(a, b, c, d, e, f, g, hh, i, j, k, l, m, math.Signbit(float64(i)))
	var nb bool
	binary.Read(bytes.NewReader([]byte{7}), binary.LittleEndian, &nb)
	fmt.Println(nb)

	// Errors.
	fmt.Println(binary.Write(io.Discard, binary.LittleEndian, 1))
	fmt.Println(binary.Write(io.Discard, binary.LittleEndian, Bad{}))
	fmt.Println(binary.Write(io.Discard, binary.LittleEndian, []string{"a"}))
	fmt.Println(binary.Write(io.Discard, binary.LittleEndian, (*Header)(nil)))
	fmt.Println(binary.Write(io.Discard, binary.LittleEndian, map[string]int{}))
	var x int32
	fmt.Println(binary.Read(bytes.NewReader(nil), binary.LittleEndian, &x))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, &x))
	err := binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, &h)
	fmt.Println(err, errors.Is(err, io.ErrUnexpectedEOF))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3, 4}), binary.LittleEndian, x))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, x))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3, 4}), binary.LittleEndian, h))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3, 4}), binary.LittleEndian, &Bad{}))
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3, 4}), binary.LittleEndian, (*Header)(nil)))
	var ip *int32
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3, 4}), binary.LittleEndian, &ip))
	fmt.Println(x)

	// Append, Encode, Decode.
	out, err := binary.Append([]byte{0xff}, binary.BigEndian, Inner{258, [2]uint16{3, 4}})
	fmt.Printf("% x %v\n", out, err)
	out, err = binary.Append(nil, binary.BigEndian, []int{1})
	fmt.Println(out == nil, err)
	small := make([]byte, 3)
	n, err := binary.Encode(small, binary.LittleEndian, uint32(1))
	fmt.Println(n, err)
	n, err = binary.Encode(small, binary.LittleEndian, uint16(0xabcd))
	fmt.Println(n, err, small)
	n, err = binary.Encode(small, binary.LittleEndian, struct{ S string }{})
	fmt.Println(n, err)
	var in Inner
	n, err = binary.Decode([]byte{1, 0, 2, 0, 3, 0, 9, 9}, binary.LittleEndian, &in)
	fmt.Println(n, err, in)
	n, err = binary.Decode([]byte{1, 0}, binary.LittleEndian, &in)
	fmt.Println(n, err)
	n, err = binary.Decode([]byte{1, 0}, binary.LittleEndian, in)
	fmt.Println(n, err)
	n, err = binary.Decode([]byte{1}, binary.LittleEndian, int16(0))
	fmt.Println(n, err)

	// Blank fields: written as zeros, skipped when read.
	type padded struct {
		A uint8
		_ uint16
		B uint8
	}
	pb, _ := binary.Append(nil, binary.LittleEndian, padded{A: 1, B: 2})
	fmt.Println(pb)
	var pd padded
	binary.Decode([]byte{5, 6, 7, 8}, binary.LittleEndian, &pd)
	fmt.Println(pd.A, pd.B)

	// A byte order of the program's own.
	var rb bytes.Buffer
	binary.Write(&rb, revOrder{}, Header{Magic: 1, Version: 2, Len: 3, Ratio: 2, Neg: 1, OK: true})
	fmt.Printf("% x\n", rb.Bytes())
	var rh Header
	binary.Read(&rb, revOrder{}, &rh)
	fmt.Printf("%+v\n", rh)

	// Unexported fields are written; reading into one panics.
	pv := private{1, 2}
	pbs, _ := binary.Append(nil, binary.LittleEndian, pv)
	fmt.Println(pbs)
	defer func() { fmt.Println("recovered:", recover()) }()
	var pr private
	binary.Read(bytes.NewReader(pbs), binary.LittleEndian, &pr)
}
