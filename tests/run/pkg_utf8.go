package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.RuneCount([]byte(s)))
	r, size := utf8.DecodeRuneInString(s[1:])
	fmt.Printf("%c %d\n", r, size)
	r, size = utf8.DecodeLastRuneInString(s)
	fmt.Printf("%c %d\n", r, size)
	r, size = utf8.DecodeRuneInString("")
	fmt.Println(r, size)
	r, size = utf8.DecodeRuneInString("\xff")
	fmt.Println(r, size)
	r, size = utf8.DecodeRune([]byte("€uro"))
	fmt.Printf("%c %d\n", r, size)
	r, size = utf8.DecodeLastRune([]byte("abc\xe2\x82"))
	fmt.Println(r, size)
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen('😀'), utf8.RuneLen(-1))
	fmt.Println(utf8.ValidString(s), utf8.ValidString("a\xffb"), utf8.Valid([]byte("ok")), utf8.ValidRune(0xD800))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '世')
	fmt.Println(buf[:n], n)
	b := utf8.AppendRune(nil, 'é')
	b = utf8.AppendRune(b, 0x10FFFF+1)
	fmt.Println(b)
	fmt.Println(utf8.FullRune([]byte{0xe4, 0xb8}), utf8.FullRuneInString("世"), utf8.RuneStart(0x96))
	for i, c := range "aé世" {
		fmt.Println(i, c, string(c), utf8.RuneLen(c))
	}
	fmt.Println(utf8.RuneError, utf8.UTFMax, utf8.MaxRune, utf8.RuneSelf)
}
