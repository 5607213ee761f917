package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"0", "-0", "+5", "007", "1_000", "0x10", "9223372036854775807", "9223372036854775808", "-9223372036854775809", " 1", "1 ", "--1", "", "١"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, n, err)
	}
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"1010", 2, 8}, {"777", 8, 16}, {"zz", 36, 64}, {"0b101", 0, 64}, {"0o17", 0, 64}, {"1_0", 0, 64}, {"1_0", 10, 64}, {"128", 10, 8}, {"-129", 10, 8}, {"ff", 16, 0}, {"10", 37, 64}, {"10", 10, 65}} {
		n, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Printf("ParseInt(%q, %d, %d) = %d, %v\n", c.s, c.base, c.bits, n, err)
	}
	for _, s := range []string{"1.5", "-0", "inf", "-Inf", "NaN", "1e308", "1e309", "0x1p-2", "1_000.5", ".5", "5.", "1e", "3.4028235e38", "1e-400"} {
		f, err := strconv.ParseFloat(s, 64)
		g, err32 := strconv.ParseFloat(s, 32)
		fmt.Printf("ParseFloat(%q) = %v, %v | %v, %v\n", s, f, err, g, err32)
	}
	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "tRuE", "2"} {
		b, err := strconv.ParseBool(s)
		fmt.Printf("ParseBool(%q) = %v, %v\n", s, b, err)
	}
	for _, f := range []float64{0, 1, -2.5, 1e21, 1e-7, 123.456, 0.1} {
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'G', 4, 32), strconv.FormatFloat(f, 'b', -1, 64))
	}
	for _, q := range []string{`"hello"`, "`raw\\n`", `"\u00e9\x41\101"`, `'\n'`, `"unterminated`, `"bad \q"`, `''`} {
		s, err := strconv.Unquote(q)
		fmt.Printf("Unquote(%s) = %q, %v\n", q, s, err)
	}
	fmt.Println(strconv.Quote("\x00\x7f\xff☺\u2028"), strconv.QuoteToGraphic("\u00a0x"), strconv.QuoteRuneToGraphic('\t'))
}
