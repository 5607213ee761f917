// A variadic ...any call boxes its operands (one object holding the
// slice's array and the boxes): boxes kept after the call, the slice
// changed by the callee, pointers, strings and structs in the boxes,
// while the collector runs at every safepoint.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

type pair struct {
	name string
	next *pair
}

type named int

func (n named) String() string { return fmt.Sprintf("named(%d)", int(n)) }

var kept []any

func keep(a ...any) int {
	kept = append(kept, a[3])
	a[0] = "overwritten"
	return len(a)
}

func mixed(a ...any) []any { return a }

func main() {
	total := 0
	for i := 0; i < 300; i++ {
		s := strings.Repeat("x", i%7) + fmt.Sprint(i)
		p := &pair{name: s, next: &pair{name: "tail"}}
		total += keep(i, s, p, pair{s, p}, named(i), nil, 2.5, []byte(s))
		if i%50 == 0 {
			runtime.GC()
		}
	}
	fmt.Println(total, len(kept))
	for i, k := range kept {
		if i%37 == 0 {
			fmt.Printf("%d %T %v\n", i, k, k.(pair).name)
		}
	}
	a := mixed(1, "a", named(3), uint8(200), int8(-5), true, 'x', 1.5)
	b := mixed(1, "a", named(3), uint8(200), int8(-5), true, 'x', 1.5)
	for i := range a {
		fmt.Print(a[i] == b[i], " ")
	}
	fmt.Println()
	fmt.Println(a...)
	fmt.Printf("%v|%s|%v|%d|%x|%t|%c|%.1f\n", a...)
	fmt.Printf("%05d|%-4s|%+d|%q|%X\n", 42, "ab", 7, "q\"", "hi")
	fmt.Println(fmt.Sprintf("k%07d", 1234), fmt.Sprintf("%d %d", 1), fmt.Sprintf("%d", 1, 2), fmt.Sprintf("%s", 5))
}
