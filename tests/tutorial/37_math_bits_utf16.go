// 37 math bits utf16
package main

import (
	"fmt"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

func main() {
	x := uint32(0b1011_0000)
	fmt.Println(bits.OnesCount32(x), bits.LeadingZeros32(x), bits.TrailingZeros32(x), bits.Len32(x))
	fmt.Println(bits.Reverse8(0b0000_0001), bits.RotateLeft8(0b1000_0001, 1))
	hi, lo := bits.Mul64(1<<62, 8)
	fmt.Println(hi, lo)
	s := "héllo, 世界 🌍"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	enc := utf16.Encode([]rune(s))
	fmt.Println(len(enc), enc[len(enc)-2:], string(utf16.Decode(enc)))
}
