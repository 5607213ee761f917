// Racy string variables: one goroutine stores a 1-byte and a 4 MB string
// in turn into a global, a captured variable, a struct field and a slice
// element, while the main goroutine reads them and uses what it read
// (index, len, slicing, conversion, range, concatenation, comparison,
// natives). A racy Go program may see either string; it must never see a
// mix of the two (the pointer of one with the length of the other), and
// the VM must not crash. The program counts the values it read that are
// neither string: it prints "torn 0".
package main

import (
	"fmt"
	"strings"
)

const bigLen = 4 << 20

var g string
var stop bool

type holder struct {
	n int
	s string
	m int
}

// valid reports whether t is one of the two strings stored.
func valid(t string) bool {
	if len(t) == 1 {
		return t == "a"
	}
	return len(t) == bigLen && t[0] == 'x' && t[bigLen-1] == 'x'
}

func main() {
	big := strings.Repeat("x", bigLen)
	g = "a"
	local := "a"
	h := &holder{s: "a"}
	arr := []string{"a", "a", "a"}
	done := make(chan bool)
	go func() {
		for i := 0; !stop; i++ {
			v := "a"
			if i%2 == 1 {
				v = big
			}
			g = v
			local = v
			h.s = v
			arr[1] = v
			if i%64 == 0 {
				*h = holder{n: i, s: v, m: i}
			}
		}
		done <- true
	}()
	torn := 0
	sum := 0
	for i := 0; i < 100000; i++ {
		var t string
		switch i % 4 {
		case 0:
			t = g
		case 1:
			t = local
		case 2:
			t = h.s
		case 3:
			t = arr[1]
		}
		// Used before it is checked: a mixed value would read past the
		// small string's bytes here.
		sum += int(t[len(t)-1])
		sum += strings.Count(t[len(t)-1:], "x")
		if !valid(t) {
			torn++
			continue
		}
		sum += len(t[len(t)/2:])
		if i%5000 == 0 {
			sum += strings.Count(t, "x")
			sum += strings.Index(t, "y")
			sum += len([]byte(t))
			sum += len(t + "b")
			for _, c := range t[len(t)-1:] {
				sum += int(c)
			}
		}
		if t < "b" {
			sum++
		}
		if t == "a" {
			sum++
		}
		c := *h
		if !valid(c.s) {
			torn++
		}
	}
	// Natives handed the racy variables directly (their argument is read
	// once, by the caller).
	for i := 0; i < 20; i++ {
		sum += strings.Count(g, "a") + strings.Index(local, "q") + len(h.s)
		sum += len(fmt.Sprint(len(arr[1])))
	}
	stop = true
	<-done
	fmt.Println("torn", torn)
	fmt.Println("done", sum > 0)
}
