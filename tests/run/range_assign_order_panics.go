// Assignments store in phase two: an index out of range on the left
// panics after every right side has been evaluated, as in Go.
package main

func f(s string) int {
	println("f", s)
	return 7
}

func try(name string, fn func()) {
	defer func() { println(name, recover() != nil) }()
	fn()
}

func main() {
	var a [3]int
	pa := &a
	try("heap", func() {
		i := 5
		i, a[i] = 1, f("heap")
		println("unreached", i)
	})
	try("slots", func() {
		var b [3]int
		i := 5
		i, b[i] = 1, f("slots")
		println("unreached", i, b[0])
	})
	try("slice", func() {
		s := make([]int, 3)
		i := 5
		i, s[i] = 1, f("slice")
		println("unreached", i)
	})
	var m map[int]int
	try("nilmap", func() {
		i := 1
		m[i], a[i] = f("m"), f("a")
	})
	println(a[1], pa[1])
	try("ok", func() {
		i := 0
		i, a[i] = 2, f("ok")
		println(i, a[0], a[2])
	})
}
