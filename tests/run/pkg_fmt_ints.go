package main

import (
	"fmt"
	"math"
)

type Byte uint8

func main() {
	ints := []int64{0, 1, -1, 42, -42, math.MaxInt64, math.MinInt64, 255, 1 << 40}
	for _, v := range ints {
		fmt.Printf("%d|%5d|%-5d|%x|%X|%o|%b|%+d|%08d|%#x|%q\n", v, v, v, v, v, v, v, v, v, v, v)
	}
	fmt.Printf("%d %d %d %d\n", int8(-128), int16(32767), int32(-5), uint8(200))
	fmt.Printf("%v %v %v\n", uint64(math.MaxUint64), uint32(math.MaxUint32), Byte(7))
	fmt.Printf("%c%c%c %U %#U\n", 72, 105, 0x1F600, 0x1F600, 'A')
	fmt.Printf("%x %X %#o %O\n", uint64(math.MaxUint64), int64(-1), 64, -64)
	fmt.Printf("%.3d|%8.4d|%-8.3x|%+.2d\n", 7, 42, 255, 3)
	fmt.Printf("%d %s\n", []int{1, 2}, []string{"a"})
	fmt.Printf("%x %X\n", []int{10, 255}, []uint8{10, 255})
	fmt.Printf("%t %v\n", []bool{true}, [][]int{{1}, {2, 3}})
}
