package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for _, s := range []string{"", "a", "a\n", "one\ntwo\n\nthree", "\n\n"} {
		var got []string
		for l := range strings.Lines(s) {
			got = append(got, l)
		}
		fmt.Printf("Lines(%q) = %q\n", s, got)
	}
	for _, c := range [][2]string{{"a,b,,c", ","}, {"", ","}, {"abc", ""}, {"héllo\xffx", ""}, {"a--b--", "--"}, {"xyz", "q"}} {
		var a, b []string
		for p := range strings.SplitSeq(c[0], c[1]) {
			a = append(a, p)
		}
		for p := range strings.SplitAfterSeq(c[0], c[1]) {
			b = append(b, p)
		}
		fmt.Printf("SplitSeq(%q, %q) = %q (Split: %q)\n", c[0], c[1], a, strings.Split(c[0], c[1]))
		fmt.Printf("SplitAfterSeq(%q, %q) = %q (SplitAfter: %q)\n", c[0], c[1], b, strings.SplitAfter(c[0], c[1]))
	}
	for _, s := range []string{"  foo bar  baz   ", "", "   ", "a\u00a0b\u2003c\td", "x\xffy z"} {
		var f []string
		for p := range strings.FieldsSeq(s) {
			f = append(f, p)
		}
		fmt.Printf("FieldsSeq(%q) = %q (Fields: %q)\n", s, f, strings.Fields(s))
	}
	var g []string
	for p := range strings.FieldsFuncSeq("a1b22c333", unicode.IsDigit) {
		g = append(g, p)
	}
	fmt.Printf("FieldsFuncSeq = %q\n", g)
	// break stops the iteration early.
	n := 0
	for p := range strings.SplitSeq("a b c d e", " ") {
		if p == "c" {
			break
		}
		n++
	}
	fmt.Println("before c:", n)

	// bytes: the same, with capacities cut at each part's end.
	data := []byte("k1=v1;k2=v2;;end")
	for p := range bytes.SplitSeq(data, []byte(";")) {
		fmt.Printf("%q len %d cap %d\n", p, len(p), cap(p))
	}
	for p := range bytes.SplitAfterSeq(data, []byte(";")) {
		fmt.Printf("after %q cap %d\n", p, cap(p))
	}
	for l := range bytes.Lines([]byte("x\nyy\nzzz")) {
		fmt.Printf("line %q cap %d\n", l, cap(l))
	}
	for f := range bytes.FieldsSeq([]byte(" go  gol\tvm ")) {
		fmt.Printf("field %q cap %d\n", f, cap(f))
	}
	for f := range bytes.FieldsFuncSeq([]byte("a,b;;c"), func(r rune) bool { return r == ',' || r == ';' }) {
		fmt.Printf("ff %q cap %d\n", f, cap(f))
	}
	for r := range bytes.SplitSeq([]byte("añb"), nil) {
		fmt.Printf("%q ", r)
	}
	fmt.Println()
	// A yielded subslice aliases the input: appending to it must not
	// overwrite what follows (its capacity ends where it ends).
	parts := [][]byte{}
	for p := range bytes.SplitSeq(data, []byte("=")) {
		parts = append(parts, p)
	}
	_ = append(parts[0], '!')
	fmt.Println(string(data))
}
