// A constant shift count is a uint: counts of 64 and more give 0 (or the
// sign for >> of a signed value), whatever constant expression spells them.
package main

import (
	"fmt"
	"math"
)

func main() {
	x, y := 1, -8
	var u uint = 3
	fmt.Println(x<<math.MaxUint, x<<(math.MaxUint+0.), y>>math.MaxUint64, y>>64, u<<100)
	fmt.Println(x>>uint64(1<<63), y>>uint64(1<<63), x<<63, u>>1)
	const big = 1 << 62
	fmt.Println(x<<big, y>>big)
}
