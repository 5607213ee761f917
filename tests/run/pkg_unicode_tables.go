package main

import (
	"fmt"
	"unicode"
)

func main() {
	s := "Hello, 世界! Γειά σου κόσμε. Привет 123 ٣ ½ ǅ\t\u00a0"
	counts := map[string]int{}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			counts["han"]++
		case unicode.In(r, unicode.Greek, unicode.Cyrillic):
			counts["greek/cyrillic"]++
		case unicode.Is(unicode.Latin, r):
			counts["latin"]++
		}
		if unicode.Is(unicode.Upper, r) {
			counts["upper"]++
		}
		if unicode.Is(unicode.Lt, r) {
			counts["title"]++
		}
		if unicode.IsOneOf([]*unicode.RangeTable{unicode.Nd, unicode.No}, r) {
			counts["number"]++
		}
		if unicode.Is(unicode.Space, r) {
			counts["Z"]++
		}
		if unicode.Is(unicode.White_Space, r) {
			counts["white"]++
		}
		if unicode.Is(unicode.Po, r) {
			counts["Po"]++
		}
	}
	fmt.Println(counts)
	vowels := &unicode.RangeTable{
		R16: []unicode.Range16{{'a', 'a', 1}, {'e', 'e', 1}, {'i', 'i', 1}, {'o', 'o', 1}, {'u', 'u', 1}, {0x100, 0x10f, 2}},
		R32: []unicode.Range32{{0x1F600, 0x1F64F, 1}},
	}
	for _, r := range "aeiozĀāĂ😀x" {
		fmt.Print(unicode.Is(vowels, r), " ")
	}
	fmt.Println()
	fmt.Println(unicode.IsOneOf(unicode.GraphicRanges, 'x'), unicode.In(' ', unicode.PrintRanges...), unicode.In('é', unicode.PrintRanges...))
}
