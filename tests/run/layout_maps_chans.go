// Map entries and channel buffers hold values at Go's sizes (a bool is a
// byte, an int32 four, struct fields at Go's offsets with padding). Every
// width as a map key and value and as a channel element, struct keys with
// padding, %v of such maps, deletion, iteration and growth, buffered
// channels of narrow structs (wrapping around their ring, growing, with
// pointers kept alive across collections), select.
package main

import (
	"fmt"
	"math"
	"runtime"
)

type pad struct {
	a int8
	b int64
	c int16
}

type small struct {
	ok  bool
	n   int32
	tag uint8
}

type mixed struct {
	s string
	n int8
}

type pair struct{ a, b int8 }

type rec struct {
	ok   bool
	tag  int8
	kind int16
	p    *int
	r    float32
	name string
}

type flt struct {
	f float32
	b bool
}

func widths() {
	mb := map[bool]bool{true: false, false: true}
	mi8 := map[int8]int8{-128: 127, 127: -128, 0: -1}
	mu8 := map[uint8]uint8{255: 1, 0: 255, 7: 7}
	mi16 := map[int16]int16{-32768: 32767, 32767: -32768, 300: -300}
	mu16 := map[uint16]uint16{65535: 1, 1: 65535}
	mi32 := map[int32]int32{math.MinInt32: math.MaxInt32, math.MaxInt32: math.MinInt32, -5: 5}
	mu32 := map[uint32]uint32{math.MaxUint32: 0, 0: math.MaxUint32}
	mf32 := map[float32]float32{1.5: -2.25, -0.125: 3.4e38, float32(math.Inf(1)): 1e-38}
	mi64 := map[int64]int64{math.MinInt64: math.MaxInt64, 1: -1}
	mu64 := map[uint64]uint64{math.MaxUint64: 3, 3: math.MaxUint64}
	mf64 := map[float64]float64{0.1: 0.2, -1e300: 1e-300}
	mr := map[rune]byte{'é': 'x', '世': 'y', 'a': 0}
	ms := map[string]int8{"a": -1, "bb": 2, "": 3}
	fmt.Println(mb, mi8, mu8, mi16, mu16)
	fmt.Println(mi32, mu32, mf32)
	fmt.Println(mi64, mu64, mf64, mr, ms)
	fmt.Printf("%v %d %v\n", mi8[-128], mu16[65535], mf32[-0.125])

	// Lookups that must miss: a narrow key whose extension differs.
	_, ok1 := mi8[-1]
	_, ok2 := mu8[128]
	_, ok3 := mi32[1<<16]
	fmt.Println(ok1, ok2, ok3, len(mi32))

	// Updates in place keep the other entries.
	mi16[300]++
	mi16[300] *= 2
	mu8[7] += 250
	mb[true] = !mb[true]
	fmt.Println(mi16, mu8, mb)

	// Arrays of narrow elements as keys and values.
	ma := map[[3]int8][2]uint16{{1, -2, 3}: {65535, 1}, {0, 0, 0}: {2, 3}}
	ma[[3]int8{1, -2, 3}] = [2]uint16{9, 8}
	fmt.Println(ma, ma[[3]int8{1, -2, 3}], ma[[3]int8{1, 2, 3}])
	mh := map[[16]byte]int{}
	var k [16]byte
	for i := range 16 {
		k[i] = byte(i * 17)
		mh[k] = i
	}
	fmt.Println(len(mh), mh[k], mh[[16]byte{0}], mh[[16]byte{}])
}

func structKeys() {
	// Padding inside the key: equal values must hash and compare alike
	// whatever was stored before.
	mp := map[pad]string{}
	for i := range 50 {
		mp[pad{int8(i), int64(i) << 40, int16(-i)}] = fmt.Sprint("v", i)
	}
	for i := range 50 {
		if i%3 == 0 {
			delete(mp, pad{int8(i), int64(i) << 40, int16(-i)})
		}
	}
	hits := 0
	for i := range 60 {
		if _, ok := mp[pad{int8(i), int64(i) << 40, int16(-i)}]; ok {
			hits++
		}
	}
	fmt.Println(len(mp), hits, mp[pad{1, 1 << 40, -1}], mp[pad{3, 3 << 40, -3}] == "")

	ss := map[small]pair{{true, -7, 200}: {1, -1}, {false, 7, 0}: {-128, 127}}
	ss[small{true, -7, 200}] = pair{2, -2}
	fmt.Println(ss)
	fmt.Printf("%+v\n", ss)

	mx := map[mixed]small{{"x", -1}: {true, 1, 2}, {"x", 1}: {false, -1, 255}}
	mx[mixed{"y", 0}] = small{ok: true}
	fmt.Println(mx, mx[mixed{"x", -1}], len(mx))

	// Floats in structs: +0 and -0 are one key, NaN never found.
	mf := map[flt]int{}
	negz := float32(math.Copysign(0, -1))
	mf[flt{0, true}] = 1
	mf[flt{negz, true}] = 2
	nan := float32(math.NaN())
	mf[flt{nan, false}] = 3
	mf[flt{nan, false}] = 4
	_, found := mf[flt{nan, false}]
	fmt.Println(len(mf), mf[flt{0, true}], found)

	// Interface keys holding narrow values of different types differ.
	mi := map[any]string{int8(3): "int8", int16(3): "int16", uint8(3): "uint8", true: "bool", float32(2.5): "f32"}
	fmt.Println(len(mi), mi[int8(3)], mi[int16(3)], mi[uint8(3)], mi[3] == "", mi[float32(2.5)])

	// Values of narrow structs holding pointers, across collections.
	x, y := 10, 20
	mr := map[string]rec{}
	for i := range 200 {
		p := &x
		if i%2 == 1 {
			p = &y
		}
		mr[fmt.Sprint("k", i)] = rec{i%3 == 0, int8(i), int16(-i * 100), p, float32(i) / 4, fmt.Sprint("n", i)}
	}
	runtime.GC()
	sum := 0
	for k, v := range mr {
		sum += *v.p + int(v.tag) + int(v.kind) + len(k) + len(v.name)
		if v.ok {
			sum++
		}
	}
	fmt.Println(sum, mr["k7"].name, *mr["k7"].p, mr["k8"].r, mr["k9"].ok)
}

func growth() {
	m := make(map[int32]int8)
	for i := int32(0); i < 100000; i++ {
		m[i*3-50000] = int8(i)
	}
	for i := int32(0); i < 100000; i += 2 {
		delete(m, i*3-50000)
	}
	sum, n := 0, 0
	for k, v := range m {
		sum += int(k) + int(v)
		n++
	}
	fmt.Println(len(m), n, sum, m[-49997], m[-50000])

	// Adding while ranging: every original key once, none lost.
	g := map[uint16]bool{}
	for i := range 20 {
		g[uint16(i)] = i%2 == 0
	}
	seen := map[uint16]int{}
	for k := range g {
		seen[k]++
		if len(g) < 2000 {
			for j := range 100 {
				g[uint16(1000+len(g)+j)] = true
			}
		}
	}
	once := true
	for i := range 20 {
		if seen[uint16(i)] != 1 {
			once = false
		}
	}
	fmt.Println(once, len(g) >= 2000)
	clear(g)
	fmt.Println(len(g), g)

	// Values of a narrow struct, built up by parts.
	mv := map[string]pair{}
	for i := range 1000 {
		key := fmt.Sprint(i % 37)
		v := mv[key]
		v.a++
		v.b -= int8(i)
		mv[key] = v
	}
	fmt.Println(len(mv), mv["0"], mv["36"], mv["x"])
}

func chans() {
	cb := make(chan bool, 3)
	c8 := make(chan int8, 3)
	cu8 := make(chan uint8, 3)
	c16 := make(chan int16, 3)
	cu16 := make(chan uint16, 3)
	c32 := make(chan int32, 3)
	cu32 := make(chan uint32, 3)
	cf := make(chan float32, 3)
	c64 := make(chan float64, 3)
	cs := make(chan string, 3)
	for i := range 3 {
		cb <- i%2 == 0
		c8 <- int8(-128 + i*127)
		cu8 <- uint8(255 - i)
		c16 <- int16(-32768 + i*32767)
		cu16 <- uint16(65535 - i)
		c32 <- int32(math.MinInt32 + i*math.MaxInt32)
		cu32 <- uint32(math.MaxUint32 - i)
		cf <- float32(i) / 3
		c64 <- float64(i) / 3
		cs <- fmt.Sprint("s", i)
	}
	fmt.Println(len(c8), cap(c8), len(cf))
	for range 3 {
		fmt.Println(<-cb, <-c8, <-cu8, <-c16, <-cu16, <-c32, <-cu32, <-cf, <-c64, <-cs)
	}

	// A ring that wraps around many times.
	ca := make(chan [16]byte, 5)
	var b [16]byte
	total := 0
	for i := range 1000 {
		b[i%16] = byte(i)
		ca <- b
		if len(ca) == 5 {
			for range 3 {
				v := <-ca
				total += int(v[0]) + int(v[15])
			}
		}
	}
	for len(ca) > 0 {
		v := <-ca
		total += int(v[0]) + int(v[15])
	}
	fmt.Println(total, b)

	// Narrow structs with pointers, buffered across collections, in a
	// channel big enough to grow its ring as it fills.
	x, y := 1, 2
	cr := make(chan rec, 5000000)
	for i := range 3000 {
		p := &x
		if i%2 == 1 {
			p = &y
		}
		cr <- rec{i%2 == 0, int8(i), int16(i), p, float32(i) / 2, fmt.Sprint("r", i)}
		if i%1000 == 999 {
			runtime.GC()
		}
	}
	sum := 0
	for i := range 2000 {
		v := <-cr
		if v.tag != int8(i) || v.name != fmt.Sprint("r", i) {
			fmt.Println("wrong", i, v.tag, v.name)
		}
		sum += *v.p
	}
	for i := range 1000 {
		cr <- rec{name: fmt.Sprint("late", i), p: &y}
	}
	runtime.GC()
	close(cr)
	n := 0
	for v := range cr {
		sum += *v.p + len(v.name)
		n++
	}
	fmt.Println(sum, n)

	// Unbuffered hand-over of narrow values between goroutines.
	cp := make(chan pair)
	done := make(chan int16)
	go func() {
		var s int16
		for p := range cp {
			s += int16(p.a) * int16(p.b)
		}
		done <- s
	}()
	for i := range 100 {
		cp <- pair{int8(i), int8(-i)}
	}
	close(cp)
	fmt.Println(<-done)

	// struct{} buffers hold nothing but a count.
	ce := make(chan struct{}, 4)
	ce <- struct{}{}
	ce <- struct{}{}
	<-ce
	fmt.Println(len(ce), cap(ce))

	// Closed buffered channels drain, then give zero values.
	cc := make(chan small, 2)
	cc <- small{true, -3, 9}
	close(cc)
	v1, ok1 := <-cc
	v2, ok2 := <-cc
	fmt.Println(v1, ok1, v2, ok2)
}

func selects() {
	a := make(chan small, 2)
	b := make(chan uint16, 2)
	got := 0
	for i := range 40 {
		select {
		case a <- small{i%2 == 0, int32(-i), uint8(i)}:
		case b <- uint16(60000 + i):
		case v := <-a:
			got += int(v.n) + int(v.tag)
			if v.ok {
				got++
			}
		case v := <-b:
			got += int(v) - 60000
		}
	}
	for len(a) > 0 {
		v := <-a
		got += int(v.n) + int(v.tag)
		if v.ok {
			got++
		}
	}
	for len(b) > 0 {
		got += int(<-b) - 60000
	}
	// The total depends on the order select took; what it must keep is
	// every value whole, which the bounds below check.
	fmt.Println(got >= 0 && got < 2000)

	c := make(chan pair, 1)
	select {
	case c <- pair{-1, 1}:
	default:
		fmt.Println("full?")
	}
	select {
	case c <- pair{-2, 2}:
		fmt.Println("not full?")
	default:
	}
	select {
	case v := <-c:
		fmt.Println(v)
	default:
	}
	res := make(chan int8, 1)
	go func() {
		select {
		case v := <-c:
			res <- v.a
		}
	}()
	c <- pair{-9, 9}
	fmt.Println(<-res)
}

func main() {
	widths()
	structKeys()
	growth()
	chans()
	selects()
}
