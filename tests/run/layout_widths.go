// Values of every width in memory: fields, array and slice elements,
// globals and boxed variables read and written at their own sizes, as map
// keys, compared, copied with padding between fields, and printed.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

type Small struct {
	b   bool
	i8  int8
	u8  uint8
	i16 int16
	u16 uint16
	i32 int32
	u32 uint32
	f32 float32
	i64 int64
	f64 float64
	s   string
	p   *int
}

// Padded puts narrow fields between wide ones, so padding sits inside.
type Padded struct {
	a bool
	b int64
	c int8
	d string
	e int16
	f *int
	g float32
	h interface{}
}

type Inner struct {
	x int8
	y int32
}

type Outer struct {
	tag   byte
	inner Inner
	arr   [3]Inner
	tail  uint16
}

var gSmall Small
var gBytes [5]byte
var gInner = Inner{x: -3, y: 70000}

func fill(s *Small, k int) {
	s.b = k%2 == 1
	s.i8 = int8(-k * 37)
	s.u8 = uint8(k * 91)
	s.i16 = int16(-k * 9001)
	s.u16 = uint16(k * 40001)
	s.i32 = int32(-k * 1234567)
	s.u32 = uint32(k) * 3000000001
	s.f32 = float32(k) / 3
	s.i64 = int64(-k) << 40
	s.f64 = float64(k) / 7
	s.s = strings.Repeat("x", k)
	v := k
	s.p = &v
}

func main() {
	// Every width through a pointer, wrapping at its size.
	var s Small
	fill(&s, 5)
	fmt.Println(s.b, s.i8, s.u8, s.i16, s.u16, s.i32, s.u32, s.f32, s.i64, s.f64, s.s, *s.p)
	s.i8 += 100
	s.u8 += 200
	s.i16 *= 4
	s.u16 -= 50000
	s.i32 <<= 3
	s.u32 >>= 1
	s.f32 *= 1e30
	fmt.Println(s.i8, s.u8, s.i16, s.u16, s.i32, s.u32, s.f32)
	fmt.Printf("%v\n%+v\n", s.f32, s.b)

	// Globals and their addresses.
	fill(&gSmall, 3)
	pi := &gSmall.i16
	*pi = -32768
	*pi--
	gBytes[4] = 255
	gBytes[4]++
	gBytes[0] = gBytes[4] + 7
	fmt.Println(gSmall.i16, gSmall.u8, gBytes, gInner)

	// A boxed variable captured by a closure.
	var c int16 = 32767
	inc := func() { c++ }
	inc()
	fmt.Println(c)

	// Arrays and slices of every width.
	bs := make([]bool, 3)
	bs[1] = true
	i8s := []int8{-128, 127}
	i8s[0]--
	u16s := make([]uint16, 2, 10)
	u16s[1] = 65535
	u16s = append(u16s, 7)
	i32s := [...]int32{1 << 30, -1 << 31}
	i32s[0] *= 2
	f32s := []float32{0.1, 1e38}
	f32s[1] *= 10
	fmt.Println(bs, i8s, u16s, len(u16s), cap(u16s), i32s, f32s)
	copy(u16s[1:], u16s)
	fmt.Println(u16s)
	sort.Slice(i8s, func(a, b int) bool { return i8s[a] < i8s[b] })
	fmt.Println(i8s)

	// Nested narrow structs, copied whole and field by field.
	o := &Outer{tag: 9, inner: Inner{x: 1, y: 2}, tail: 65000}
	o.arr[1] = Inner{x: -1, y: -2}
	o.arr[2].y = 1 << 20
	cp := *o
	cp.arr[1].x = 100
	fmt.Println(*o, cp, o.arr == cp.arr, o.inner == cp.inner)
	outs := make([]Outer, 2)
	outs[1] = cp
	outs = append(outs, *o)
	fmt.Printf("%v %+v\n", outs, outs[1].arr[1])

	// Padding: values equal field by field compare equal, as map keys too.
	p1 := Padded{a: true, b: 1, c: -1, d: "d", e: 2, g: 1.5, h: int8(3)}
	p2 := p1
	pp := &Padded{}
	*pp = p1
	fmt.Println(p1 == p2, *pp == p1, pp.c, pp.e, pp.g, pp.h)
	type Key struct {
		a int8
		b int64
		c bool
	}
	m := map[Key]int{}
	m[Key{1, 2, true}] = 1
	m[Key{1, 2, false}] = 2
	k := Key{1, 2, true}
	m[k] += 10
	fmt.Println(len(m), m[Key{1, 2, true}], m[Key{1, 2, false}])
	m8 := map[int8]uint16{-1: 65535, 1: 1}
	m8[-1]++
	fmt.Println(m8)
	var arrKey = map[[3]byte]bool{{1, 2, 3}: true}
	fmt.Println(arrKey[[3]byte{1, 2, 3}], arrKey[[3]byte{1, 2, 4}])

	// Interfaces holding narrow values, and back.
	var any1 interface{} = o.inner
	var any2 interface{} = Inner{x: 1, y: 2}
	fmt.Println(any1 == any2, any1.(Inner).y)
	var u8i interface{} = gBytes[0]
	fmt.Printf("%v %T %d\n", u8i, u8i, u8i.(byte))

	// Atomics on 32-bit fields next to each other.
	var counters struct {
		a int32
		b uint32
		c atomic.Int32
		d int64
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				atomic.AddInt32(&counters.a, -1)
				atomic.AddUint32(&counters.b, 1)
				counters.c.Add(2)
				atomic.AddInt64(&counters.d, 3)
			}
		}()
	}
	wg.Wait()
	fmt.Println(counters.a, counters.b, counters.c.Load(), counters.d)
	fmt.Println(atomic.CompareAndSwapInt32(&counters.a, -4000, 5), counters.a, counters.b)
}
