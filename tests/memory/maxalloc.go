// Results that no heap can hold. Past Go's maxAlloc (2^48 bytes) the
// strings.Builder that Repeat, Replace and Join grow panics with
// makeslice's runtime error before asking for memory, a panic the program
// can recover; past maxInt their own checks panic; below maxAlloc a size
// the system cannot back is Go's out-of-memory fatal error.
package main

import (
	"fmt"
	"strings"
)

func try(name string, f func() string) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println(name, "panicked:", e)
		}
	}()
	fmt.Println(name, len(f()))
}

func main() {
	try("repeat", func() string { return strings.Repeat("ab", 1<<48) })
	try("repeat overflow", func() string { return strings.Repeat("abcd", 1<<62) })
	l := strings.Repeat("l", 1<<24)
	m := strings.Repeat("m", 1<<25)
	try("replace", func() string { return strings.ReplaceAll(l, "l", m) })
	try("join", func() string { return strings.Join([]string{"a", l[:3], "b"}, m[:2]) })
	// 2^20 replacements of 2^20 bytes: 1 TiB, under maxAlloc.
	s := l[:1<<20]
	try("replace 1 TiB", func() string { return strings.ReplaceAll(s, "l", s) })
	fmt.Println("not reached")
}
