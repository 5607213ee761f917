package main

// atomic.Value holding the only reference to freshly allocated objects
// while the collector runs at every safepoint: what Load returns must
// still be intact (the Value's word is a pointer the collector sees).

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

type config struct {
	name  string
	items []int
	next  *config
}

func build(i int) *config {
	c := &config{name: strings.Repeat("x", i%7) + fmt.Sprint(i)}
	for k := 0; k < i%5+1; k++ {
		c.items = append(c.items, i*10+k)
	}
	c.next = &config{name: "next" + fmt.Sprint(i)}
	return c
}

func check(c *config) bool {
	i := c.items[0] / 10
	return c.name == strings.Repeat("x", i%7)+fmt.Sprint(i) && len(c.items) == i%5+1 &&
		c.items[len(c.items)-1] == i*10+len(c.items)-1 && c.next.name == "next"+fmt.Sprint(i)
}

func main() {
	var v atomic.Value
	v.Store(build(0))
	var wg sync.WaitGroup
	var bad atomic.Int32
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 1; i <= 1500; i++ {
				switch i % 3 {
				case 0:
					v.Store(build(w*1000 + i))
				case 1:
					old := v.Swap(build(w*1000 + i))
					if !check(old.(*config)) {
						bad.Add(1)
					}
				default:
					cur := v.Load()
					v.CompareAndSwap(cur, build(w*1000+i))
				}
				if !check(v.Load().(*config)) {
					bad.Add(1)
				}
			}
		}(w)
	}
	wg.Wait()
	var s atomic.Value
	s.Store([]string{"a", "b"})
	for i := 0; i < 50; i++ {
		old := s.Load().([]string)
		s.Store(append(append([]string{}, old...), fmt.Sprint(i)))
	}
	fmt.Println(bad.Load(), check(v.Load().(*config)), len(s.Load().([]string)), s.Load().([]string)[51])
}
