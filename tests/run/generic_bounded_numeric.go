package main

import "fmt"

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

type Unsigned interface {
	~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Int interface {
	Integer | Unsigned
}

func GCD[T Int](a, b T) T {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func Abs[T Integer | ~float64](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func Clamp[T Int | ~float64](x, lo, hi T) T {
	return max(lo, min(x, hi))
}

func BitCount[T Unsigned](x T) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func Shift[T Int](x T, n uint) (T, T) { return x << n, x >> n }

func main() {
	fmt.Println(GCD(48, 18), GCD(uint8(200), 150), GCD[int64](7, 0))
	fmt.Println(Abs(-3), Abs(int8(-128)), Abs(-2.5))
	fmt.Println(Clamp(15, 0, 10), Clamp(-1.5, 0, 1), Clamp[uint](5, 1, 9))
	fmt.Println(BitCount(uint(255)), BitCount(uint16(0x8001)))
	fmt.Println(Shift(int8(64), 1))
	fmt.Println(Shift(uint8(200), 2))
}
