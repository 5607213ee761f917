package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range "aZ5 \t!$_é世\n~+-€" {
		fmt.Printf("%q L%v D%v S%v U%v l%v P%v Sym%v C%v Pr%v G%v N%v up=%q lo=%q\n", r,
			unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r),
			unicode.IsPunct(r), unicode.IsSymbol(r), unicode.IsControl(r), unicode.IsPrint(r), unicode.IsGraphic(r),
			unicode.IsNumber(r), unicode.ToUpper(r), unicode.ToLower(r))
	}
	fmt.Println(unicode.ToTitle('a'), unicode.To(unicode.UpperCase, 'q'), unicode.SimpleFold('A'), unicode.SimpleFold('a'))
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII)
	count := 0
	for _, r := range "Hello, World 123!" {
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			count++
		}
	}
	fmt.Println(count)
}
