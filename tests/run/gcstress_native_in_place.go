// Native calls and interface boxing in hot loops, which the interpreter
// runs without leaving its fast loop: a String method that grows the
// goroutine's stack while Sprintf calls it (the caller's slots must be
// read from the moved stack afterwards), a native's panic recovered in
// the loop, natives that park (Sleep) and the ...any objects of many
// operands, some of them pointers, kept across collections (this file
// runs with a collection at every safepoint).
package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

type deep int

// String recurses d levels before it answers: each level is a frame on
// the goroutine's stack, so the first deep values grow it.
func (d deep) String() string {
	if d <= 0 {
		return "."
	}
	return down(int(d)-1, 0)
}

func down(n, acc int) string {
	if n == 0 {
		return fmt.Sprint(acc)
	}
	var pad [16]int
	pad[n%16] = n
	return down(n-1, acc+pad[n%16])
}

type pair struct{ a, b int }

// repeat is strings.Repeat with its panic on a negative count recovered.
func repeat(s string, n int) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("recovered: ", r)
		}
	}()
	return strings.Repeat(s, n)
}

func main() {
	// Locals live across the calls whose String methods grow the stack.
	x, y, z := 1, "two", 3.5
	total := 0
	for i := 0; i < 40; i++ {
		s := fmt.Sprintf("%v|%d|%s", deep(i*50), i, y)
		total += len(s) + x
	}
	fmt.Println(total, x, y, z)

	// A native's panic, recovered, in the loop that called it.
	n := 0
	for i := -3; i < 3; i++ {
		r := repeat("ab", i)
		n += len(r)
		if i == -3 || i == 2 {
			fmt.Println(r)
		}
	}
	fmt.Println(n)

	// ...any objects with pointer operands, kept while collections run.
	var kept []string
	ps := make([]*pair, 0, 8)
	for i := 0; i < 200; i++ {
		p := &pair{i, -i}
		ps = append(ps, p)
		if len(ps) > 8 {
			ps = ps[1:]
		}
		s := fmt.Sprint(p.a, *p, "x", i%3 == 0, uint8(i))
		if i%50 == 0 {
			kept = append(kept, s)
			runtime.GC()
		}
	}
	fmt.Println(strings.Join(kept, "; "), len(ps), *ps[0])

	// Natives that park, on several goroutines at once.
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				time.Sleep(time.Microsecond)
				t := fmt.Sprintf("g%d-%d", g, i)
				mu.Lock()
				sum += len(t)
				mu.Unlock()
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(sum)
}
