// Fused compare-and-branch, immediate operands and bottom-tested loops:
// every comparison kind, signed and unsigned, at the wrapping edges.
package main

import "fmt"

const maxInt = 1<<63 - 1
const minInt = -1 << 63

func cmpInts(a, b int) {
	n := 0
	if a < b {
		n |= 1
	}
	if a <= b {
		n |= 2
	}
	if a > b {
		n |= 4
	}
	if a >= b {
		n |= 8
	}
	if a == b {
		n |= 16
	}
	if a != b {
		n |= 32
	}
	if !(a < b) {
		n |= 64
	}
	fmt.Println("int", a, b, n)
}

func cmpUints(a, b uint64) {
	n := 0
	if a < b {
		n |= 1
	}
	if a <= b {
		n |= 2
	}
	if a > b {
		n |= 4
	}
	if a >= b {
		n |= 8
	}
	if a == b {
		n |= 16
	}
	if a != b {
		n |= 32
	}
	fmt.Println("uint", a, b, n)
}

func cmpImm(a int) {
	n := 0
	if a < 5 {
		n |= 1
	}
	if a <= 5 {
		n |= 2
	}
	if a > -5 {
		n |= 4
	}
	if a >= -5 {
		n |= 8
	}
	if a == 5 {
		n |= 16
	}
	if a != -5 {
		n |= 32
	}
	if 5 < a {
		n |= 64
	}
	if 5 >= a {
		n |= 128
	}
	if a < 3000000000 {
		n |= 256
	}
	if a > -2147483648 {
		n |= 512
	}
	if a == 2147483647 {
		n |= 1024
	}
	fmt.Println("imm", a, n)
}

func cmpUimm(a uint) {
	n := 0
	if a < 5 {
		n |= 1
	}
	if a >= 5 {
		n |= 2
	}
	if a == 18446744073709551615 {
		n |= 4
	}
	if a != 4294967295 {
		n |= 8
	}
	if 7 > a {
		n |= 16
	}
	fmt.Println("uimm", a, n)
}

func cmpNarrow(a int8, b uint8) {
	n := 0
	if a < -100 {
		n |= 1
	}
	if b > 200 {
		n |= 2
	}
	if a == -128 {
		n |= 4
	}
	if b == 255 {
		n |= 8
	}
	fmt.Println("narrow", a, b, n)
}

func logic(a, b, c int) {
	n := 0
	if a < b && b < c {
		n |= 1
	}
	if a < b || b < c {
		n |= 2
	}
	if !(a < b && b < c) {
		n |= 4
	}
	if !(a < b || b < c) {
		n |= 8
	}
	if (a == b || b == c) && !(a == c) {
		n |= 16
	}
	if a > 0 && (b > 0 || c > 0) && true {
		n |= 32
	}
	if false || a == 1 {
		n |= 64
	}
	fmt.Println("logic", a, b, c, n)
}

type node struct{ next *node }

func nilCmp(p *node, s []int, f func()) {
	n := 0
	if p == nil {
		n |= 1
	}
	if p != nil {
		n |= 2
	}
	if s == nil {
		n |= 4
	}
	if nil != f {
		n |= 8
	}
	fmt.Println("nil", n)
}

func bools(x, y bool) {
	n := 0
	if x == y {
		n |= 1
	}
	if x != true {
		n |= 2
	}
	if !x {
		n |= 4
	}
	fmt.Println("bools", x, y, n)
}

func immArith(x int, u uint32, s int8) {
	fmt.Println(x+7, x-7, 7-x, x*3, 3*x, x&255, x|0x100, x^-1, x&^15)
	fmt.Println(x<<3, x>>2, x<<63, x>>63, uint64(x)>>60)
	fmt.Println(u+1, u-1, u*3, u<<31, u>>31)
	fmt.Println(s+1, s-1, s*2, s<<1, s>>1, s^127)
	x += 5
	x -= 2147483648
	x *= -1
	x <<= 2
	x >>= 1
	u += 4294967295
	s *= 3
	s++
	fmt.Println(x, u, s)
}

func loops() {
	// Every comparison kind as a loop condition.
	c := 0
	for i := 0; i < 10; i++ {
		c++
	}
	for i := 10; i > 0; i-- {
		c++
	}
	for i := 0; i <= 10; i += 3 {
		c++
	}
	for i := 10; i >= 0; i -= 4 {
		c++
	}
	for i := 0; i != 10; i += 2 {
		c++
	}
	n := 7
	for i := 0; n > i; i++ {
		c++
	}
	for i := 0; i < n && c < 1000; i++ {
		c++
	}
	for i := 0; i < 0; i++ {
		c += 1000
	}
	fmt.Println("loops", c)
	// Unsigned loops down to zero and across the wrap.
	k := 0
	for u := uint(5); u < 10; u-- {
		k++
	}
	for u := uint8(250); u != 4; u++ {
		k++
	}
	for i := int8(120); i > 0; i++ {
		k++
	}
	for i := maxInt - 3; i > 0; i++ {
		k++
	}
	for i := minInt + 2; i < 0; i-- {
		k++
	}
	fmt.Println("wrap", k)
	// Loops with continue and break, nested.
	s := 0
	for i := 0; i < 20; i++ {
		if i%3 == 0 {
			continue
		}
		for j := 0; j < i; j++ {
			if j > 4 {
				break
			}
			s += j
		}
	}
	fmt.Println("nested", s)
	// range over ints, signed and unsigned, and over a slice.
	r := 0
	for i := range 5 {
		r += i
	}
	for i := range uint8(3) {
		r += int(i)
	}
	for i := range -3 {
		r += i * 1000
	}
	xs := []int{4, 5, 6}
	for i, x := range xs {
		r += i * x
	}
	for range xs {
		r++
	}
	fmt.Println("range", r)
	// Counted loops (step and test fused): < and <= against locals and
	// constants, at the ends of the int range, with continue.
	m := 17
	f := 0
	for i := 0; i < m; i += 4 {
		f += i
	}
	for i := 0; i <= m; i += 4 {
		f += i
	}
	for i := -5; i <= 5; i++ {
		f += i * i
	}
	for i := minInt; i < minInt+3; i++ {
		f++
	}
	for i := maxInt - 3; i <= maxInt-1; i++ {
		f++
	}
	for i := -10; i < 5; i += 1 << 62 {
		f += 100
	}
	for i := 0; i < 3; i++ {
		for j := 0; j <= i; j++ {
			if j == 1 {
				continue
			}
			f += j
		}
	}
	var kk int64
	for kk = 0; kk < 7; kk++ {
		f++
	}
	for i := 0; i < m; {
		i += 5
		f++
	}
	fmt.Println("counted", f, kk)
	// A long loop (many budget slices).
	t := 0
	for i := 0; i < 3000000; i++ {
		t += i & 7
	}
	fmt.Println("long", t)
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func pair(a, b int) (int, int) { return b, a }

func calls() {
	x := fib(20)
	a, b := pair(fib(3), fib(4))
	y := fib(fib(5)) + fib(2)*fib(6)
	fmt.Println("calls", x, a, b, y)
}

func main() {
	cmpInts(1, 2)
	cmpInts(2, 1)
	cmpInts(3, 3)
	cmpInts(minInt, maxInt)
	cmpInts(maxInt, minInt)
	cmpInts(-1, 0)
	cmpInts(0, -1)
	cmpUints(1, 2)
	cmpUints(2, 1)
	cmpUints(3, 3)
	cmpUints(0, 18446744073709551615)
	cmpUints(1<<63, 1<<63-1)
	for _, a := range []int{-6, -5, -4, 4, 5, 6, 2147483647, -2147483648, maxInt, minInt} {
		cmpImm(a)
	}
	for _, a := range []uint{0, 4, 5, 6, 4294967295, 18446744073709551615} {
		cmpUimm(a)
	}
	cmpNarrow(-128, 255)
	cmpNarrow(-100, 200)
	cmpNarrow(127, 0)
	logic(1, 2, 3)
	logic(3, 2, 1)
	logic(1, 1, 2)
	logic(2, 1, 1)
	logic(1, 2, 1)
	logic(0, 0, 0)
	nilCmp(nil, nil, nil)
	nilCmp(&node{}, []int{1}, func() {})
	bools(true, false)
	bools(false, false)
	immArith(100, 4000000000, 100)
	immArith(-9, 1, -128)
	immArith(maxInt, 4294967295, 127)
	loops()
	calls()
}
