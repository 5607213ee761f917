package main

import "fmt"

func Words(ws ...string) func(func(int, string) bool) {
	return func(yield func(int, string) bool) {
		for i, w := range ws {
			if !yield(i, w) {
				return
			}
		}
	}
}

func main() {
	prefix := ">"
	var out []string
	process := func() {
		for i, w := range Words("x", "y", "z") {
			if i == 2 {
				prefix = "!"
			}
			out = append(out, prefix+w)
		}
	}
	process()
	fmt.Println(out, prefix)
	counter := 0
	inc := func() int {
		for range Words("a", "b") {
			counter++
		}
		return counter
	}
	fmt.Println(inc(), inc())
	var k int
	var s string
	for k, s = range Words("p", "q") {
	}
	fmt.Println(k, s)
}
