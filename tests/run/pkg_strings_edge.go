package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.Split("a,,b,", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c", ",", -1))
	fmt.Printf("%q\n", strings.SplitN("a,b,c", ",", 1))
	fmt.Printf("%q\n", strings.SplitN("日本語", "", 2))
	fmt.Printf("%q\n", strings.SplitAfterN("1.2.3.4", ".", 3))
	fmt.Printf("%q\n", strings.Split("abc", "abc"))
	fmt.Printf("%q\n", strings.Fields(" \u00a0x\u2003y\n"))
	fmt.Println(strings.Index("", ""), strings.Index("abc", ""), strings.LastIndex("abc", ""), strings.Index("a", "abc"))
	fmt.Println(strings.Replace("aaa", "a", "b", 0), strings.Replace("", "", "x", -1), strings.Replace("ab", "", "-", 2))
	fmt.Println(strings.Repeat("-", 20))
	fmt.Println(strings.Count("", ""), strings.Count("日本", ""))
	fmt.Println(strings.Trim("  ", " "), "|", strings.Trim("abcba", "ab"), "|", strings.Trim("日本日", "日"))
	fmt.Println(strings.TrimLeft("aaab", ""), strings.TrimRight("baaa", "a"))
	fmt.Println(strings.ToUpper("ǆ ﬀ ς"), strings.ToLower("İ Σ"))
	fmt.Println(strings.EqualFold("Kelvin", "KELVIN"), strings.EqualFold("a", "b"), strings.EqualFold("", ""))
	fmt.Println(strings.ContainsAny("", ""), strings.ContainsAny("abc", "xyzc"), strings.IndexAny("日本語", "語本"))
	fmt.Println(strings.HasPrefix("", ""), strings.HasSuffix("a", ""), strings.TrimSuffix("aa", "a"))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.LastIndex("go gopher", "rodent"))
	fmt.Println(strings.IndexByte("golang", 'x'), strings.IndexRune("abc\xff", 0xFFFD), strings.IndexRune("abc", -1))
	fmt.Println(strings.Join([]string{"one"}, ", "), strings.Join([]string{"", ""}, "-"))
	defer func() { fmt.Println("recovered:", recover()) }()
	strings.Repeat("x", -1)
}
