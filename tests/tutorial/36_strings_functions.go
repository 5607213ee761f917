// 36 strings functions
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "  Hello, Gophers! Hello, World!  "
	fmt.Println(strings.TrimSpace(s))
	fmt.Println(strings.Count(s, "Hello"), strings.Index(s, "World"), strings.LastIndex(s, "Hello"))
	fmt.Println(strings.ReplaceAll(s, "Hello", "Bye"), strings.Replace(s, "l", "L", 2))
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 3))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Title("go is fun"), strings.ToUpper("abc"), strings.Repeat("ab", 3))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.ContainsAny("hello", "xyz"), strings.HasSuffix("main.go", ".go"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, "a1b2c3"))
	var b strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "%d-", i)
	}
	fmt.Println(b.String(), b.Len())
}
