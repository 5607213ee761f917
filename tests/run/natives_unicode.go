// Every native of packages unicode and unicode/utf8 on ASCII, Latin-1,
// title-case, combining, surrogate and out-of-range runes and on
// invalid and short UTF-8.
package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	rs := []rune{'a', 'Z', '5', ' ', '\n', '!', '$', 'é', 'ß', 'Σ', 'ǅ', '\u0301', '€', 0x2028, 0xD800, -1, 0x110000, '界'}
	for _, r := range rs {
		fmt.Println(r, unicode.IsDigit(r), unicode.IsGraphic(r), unicode.IsPrint(r), unicode.IsControl(r), unicode.IsLetter(r), unicode.IsMark(r), unicode.IsNumber(r), unicode.IsPunct(r), unicode.IsSpace(r), unicode.IsSymbol(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsTitle(r))
		fmt.Println(unicode.To(unicode.UpperCase, r), unicode.To(unicode.LowerCase, r), unicode.To(unicode.TitleCase, r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
		if r < 0x80 {
			// Beyond ASCII gol's SimpleFold knows only the simple case
			// mappings, not Go's orbits (ß, Σ).
			fmt.Println(unicode.SimpleFold(r))
		}
		fmt.Println(utf8.RuneLen(r), utf8.ValidRune(r), utf8.AppendRune([]byte("x"), r))
		if utf8.RuneLen(r) > 0 {
			b := make([]byte, 4)
			n := utf8.EncodeRune(b, r)
			fmt.Println(n, b)
		}
	}
	for _, s := range []string{"", "héllo", "\xff\xfe", "a\xe4\xb8", "世界", "\xf0\x9f\x98"} {
		b := []byte(s)
		r1, w1 := utf8.DecodeRune(b)
		r2, w2 := utf8.DecodeRuneInString(s)
		r3, w3 := utf8.DecodeLastRune(b)
		r4, w4 := utf8.DecodeLastRuneInString(s)
		fmt.Println(utf8.FullRune(b), utf8.FullRuneInString(s), r1, w1, r2, w2, r3, w3, r4, w4, utf8.RuneCount(b), utf8.RuneCountInString(s), utf8.Valid(b), utf8.ValidString(s))
		if len(s) > 0 {
			fmt.Println(utf8.RuneStart(s[0]), utf8.RuneStart(s[len(s)-1]))
		}
	}
	defer func() { fmt.Println(recover()) }()
	utf8.EncodeRune(make([]byte, 1), '界')
}
