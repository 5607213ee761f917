// Every native of package strconv: parsing with every failure code,
// quoting and unquoting, formatting, and Go's panic for a bad base.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"", "0", "-12", "+7", "1e3", "0x1F", "0b101", "1_000", "99999999999999999999", "-9223372036854775809", "true", "F", "abc", "3.25", "NaN", "-Inf", "1e400", "0x1p-2"} {
		b, e1 := strconv.ParseBool(s)
		f, e2 := strconv.ParseFloat(s, 64)
		f32, e3 := strconv.ParseFloat(s, 32)
		i, e4 := strconv.ParseInt(s, 0, 64)
		i8, e5 := strconv.ParseInt(s, 10, 8)
		u, e6 := strconv.ParseUint(s, 0, 64)
		a, e7 := strconv.Atoi(s)
		fmt.Println(b, e1, f, e2, f32, e3, i, e4, i8, e5, u, e6, a, e7)
	}
	_, e := strconv.ParseInt("1", 1, 64)
	fmt.Println(e)
	_, e = strconv.ParseInt("1", 10, 65)
	fmt.Println(e)
	for _, q := range []string{`"a\tb"`, "`raw`", `'x'`, `"bad`, `"\u00e9\x41"`} {
		u, err := strconv.Unquote(q)
		p, err2 := strconv.QuotedPrefix(q + "rest")
		fmt.Printf("%q %v %q %v\n", u, err, p, err2)
	}
	v, mb, tail, err := strconv.UnquoteChar(`\u00e9xyz`, '"')
	fmt.Println(v, mb, tail, err)
	v, mb, tail, err = strconv.UnquoteChar(`\q`, '"')
	fmt.Println(v, mb, tail, err)
	fmt.Println(strconv.FormatBool(true), strconv.FormatFloat(3.14159, 'e', 3, 64), strconv.FormatFloat(2.5, 'f', -1, 32), strconv.FormatFloat(1e21, 'g', -1, 64))
	fmt.Println(strconv.FormatUint(255, 2), strconv.FormatInt(-255, 16), strconv.FormatInt(-9223372036854775808, 36), strconv.Itoa(-42))
	fmt.Println(strconv.Quote("héllo\n\x00"), strconv.QuoteToASCII("héllo☺"), strconv.QuoteToGraphic("a\u00a0b"), strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.QuoteRuneToGraphic('\u2028'))
	fmt.Println(strconv.CanBackquote("a`b"), strconv.CanBackquote("ab"), strconv.IsPrint('\u00ad'), strconv.IsGraphic('\u00a0'), strconv.IsPrint('a'))
	defer func() { fmt.Println(recover()) }()
	strconv.FormatInt(1, 99)
}
