// Division and remainder by constants (immediate forms): signs, the
// wrap of the most negative value divided by -1, narrow and unsigned
// types, and compound assignment.
package main

import (
	"fmt"
	"math"
)

func main() {
	for _, x := range []int{-9, -7, -1, 0, 1, 6, 7, 100, math.MinInt64, math.MaxInt64} {
		fmt.Println(x/7, x%7, x/-7, x%-7, x/-1, x%-1, x/1<<20, x%(1<<31-1))
	}
	for _, x := range []int8{-128, -5, 5, 127} {
		fmt.Println(x/-1, x%-1, x/3, x%3, x/-128, x%-128)
	}
	for _, x := range []uint8{0, 5, 200, 255} {
		fmt.Println(x/3, x%3, x/255, x%255)
	}
	for _, x := range []uint64{0, 7, math.MaxUint64} {
		fmt.Println(x/7, x%7, x/4294967295, x%4294967295, x/(1<<40))
	}
	for _, x := range []uint32{1, math.MaxUint32} {
		fmt.Println(x/10, x%10)
	}
	n := 1000
	n /= 7
	n %= 9
	var u uint16 = 65535
	u /= 3
	u %= 1000
	fmt.Println(n, u)
}
