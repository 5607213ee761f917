// Failed bounds checks on an index or slice bound of an unsigned type
// read as Go's: a value past MaxInt64 is printed as the unsigned number
// it is, with the length, where a negative signed one is printed alone.
package main

import "fmt"

type idx uint64

var global [3]int

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func get[T ~uint64 | ~int](s []int, i T) int { return s[i] }

func main() {
	var u uint64 = 1<<64 - 1
	var h uint = 1 << 63
	var p uintptr = 1<<64 - 2
	var b uint8 = 200
	neg, one := -1, 1
	s := []int{1, 2, 3}
	a := [3]int{1, 2, 3}
	ptr := &[3]int{1, 2, 3}
	str := "abc"

	try("slice", func() { _ = s[u] })
	try("slice uint", func() { _ = s[h] })
	try("slice uintptr", func() { _ = s[p] })
	try("slice uint8", func() { _ = s[b] })
	try("slice int", func() { _ = s[neg] })
	try("slice store", func() { s[u] = 1 })
	try("slice store pair", func() { s[u], a[0] = 1, 2 })
	try("slice addr", func() { _ = &s[h] })
	try("array", func() { _ = a[u] })
	try("array store", func() { a[u] = 1 })
	try("array store pair", func() { a[h], s[0] = 1, 2 })
	try("array addr", func() { _ = &a[u] })
	try("global array", func() { _ = global[u] })
	try("global array store", func() { global[u] = 1 })
	try("array pointer", func() { _ = ptr[u] })
	try("array pointer store", func() { ptr[h] = 1 })
	try("string", func() { _ = str[u] })
	try("generic", func() { _ = get(s, idx(u)) })
	try("generic int", func() { _ = get(s, neg) })

	try("slice [:u]", func() { _ = s[:u] })
	try("slice [u:]", func() { _ = s[u:] })
	try("slice [h:1]", func() { _ = s[h:one] })
	try("slice [u:-1]", func() { _ = s[u:neg] })
	try("slice [0:1:u]", func() { _ = s[0:1:u] })
	try("slice [0:u:2]", func() { _ = s[0:u:2] })
	try("slice [u:1:2]", func() { _ = s[u:1:2] })
	try("slice [-1:1:2]", func() { _ = s[neg:1:2] })
	try("array [:u]", func() { _ = a[:u] })
	try("array [0:1:u]", func() { _ = a[0:1:u] })
	try("array pointer [1:1:h]", func() { _ = ptr[1:1:h] })
	try("string [:u]", func() { _ = str[:u] })
	try("string [u:]", func() { _ = str[u:] })
	try("string [u:2]", func() { _ = str[u:2] })
	try("string [-1:]", func() { _ = str[neg:] })
	try("to array pointer", func() { _ = (*[4]int)(s[:b&1]) })
	try("to array", func() { _ = [4]int(s) })

	// In range: unsigned indexes work as any other.
	fmt.Println(s[b&1], a[b&2], ptr[u&1], str[h>>62], s[u&1:h>>62], str[b&1:])
}
