// Every native of package strings, with Go's special inputs (empty strings,
// invalid UTF-8, zeros, negatives): each reads and writes its declared
// parameters and results through its own function.
package main

import (
	"fmt"
	"strings"
)

func main() {
	ss := []string{"", "a,b,,c", "Hello, World", "  x y  ", "ßtraße", "aaa", "\xffbad\xfe"}
	for _, s := range ss {
		for _, t := range []string{"", ",", "a", "l", "\xff"} {
			fmt.Println(strings.Compare(s, t), strings.Contains(s, t), strings.ContainsAny(s, t), strings.Count(s, t), strings.HasPrefix(s, t), strings.HasSuffix(s, t), strings.Index(s, t), strings.LastIndex(s, t), strings.IndexAny(s, t), strings.LastIndexAny(s, t))
			fmt.Printf("%q %q %q %q\n", strings.Split(s, t), strings.SplitAfter(s, t), strings.SplitN(s, t, 2), strings.SplitAfterN(s, t, 0))
			fmt.Printf("%q %q %q %q %q %q %q\n", strings.Replace(s, t, "<>", 1), strings.ReplaceAll(s, t, "#"), strings.ToValidUTF8(s, t), strings.Trim(s, t), strings.TrimLeft(s, t), strings.TrimRight(s, t), strings.TrimPrefix(s, t))
			b, a, f := strings.Cut(s, t)
			b2, a2, f2 := strings.CutLast(s, t)
			r, ok := strings.CutPrefix(s, t)
			r2, ok2 := strings.CutSuffix(s, t)
			fmt.Printf("%q %q %v %q %q %v %q %v %q %v %q %v\n", b, a, f, b2, a2, f2, r, ok, r2, ok2, strings.TrimSuffix(s, t), strings.EqualFold(s, t))
		}
		fmt.Printf("%q %q %q %q %q %q %q %q\n", strings.Clone(s), strings.Fields(s), strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title(s), strings.TrimSpace(s), strings.Repeat(s, 3))
		fmt.Println(strings.ContainsRune(s, 'a'), strings.IndexByte(s, 'l'), strings.LastIndexByte(s, 'l'), strings.IndexRune(s, 'ß'), strings.IndexRune(s, 0xFFFD))
	}
	fmt.Println(strings.Join(ss, "|"))
	var sb strings.Builder
	sb.WriteString("x")
	sb.WriteByte('y')
	fmt.Println(sb.String())
	defer func() { fmt.Println(recover()) }()
	strings.Repeat("x", -1)
}
