package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func reverse(s string) string {
	var b []byte
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		b = utf8.AppendRune(b, r)
		s = s[:len(s)-size]
	}
	return string(b)
}

func caesar(shift rune) func(rune) rune {
	return func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+shift+26)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+shift+26)%26
		}
		return r
	}
}

func main() {
	for _, s := range []string{"hello", "日本語", "aé世😀", ""} {
		fmt.Printf("%q -> %q (%d bytes, %d runes)\n", s, reverse(s), len(s), utf8.RuneCountInString(s))
	}
	enc := strings.Map(caesar(3), "Attack at Dawn!")
	fmt.Println(enc, strings.Map(caesar(-3), enc))
	var sb strings.Builder
	for i, r := range "añb" {
		fmt.Fprintf(&sb, "%d:%c(%U) ", i, r, r)
	}
	fmt.Println(sb.String())
	bad := "a\xc3\x28b"
	for i, r := range bad {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println(utf8.ValidString(bad))
}
