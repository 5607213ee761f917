package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	isVowel := func(r rune) bool { return strings.ContainsRune("aeiou", r) }
	fmt.Println(strings.IndexFunc("hello", isVowel), strings.LastIndexFunc("hello", isVowel))
	fmt.Println(strings.IndexFunc("xyz", isVowel), strings.ContainsFunc("rhythm", isVowel))
	trim := func(r rune) bool { return r == '*' || r == '#' }
	fmt.Println(strings.TrimFunc("**#hi#**", trim), strings.TrimLeftFunc("**hi**", trim), strings.TrimRightFunc("**hi**", trim))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c3", unicode.IsDigit))
	fmt.Printf("%q\n", strings.FieldsFunc("  ", unicode.IsSpace))
	rot13 := func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "Hello, Gopher!"))
	dropDigits := func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}
	fmt.Println(strings.Map(dropDigits, "a1b22c333"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("<a href=\"x\">Tom & Jerry</a>"))
	r2 := strings.NewReplacer("a", "1", "aa", "2")
	fmt.Println(r2.Replace("aaa"))
}
