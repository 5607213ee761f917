package main

// sync.Map under concurrent writers and its whole API; sync.Pool reuse
// and New; WaitGroup.Go.

import (
	"fmt"
	"sort"
	"sync"
)

func dump(m *sync.Map) string {
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		return true
	})
	sort.Strings(keys)
	return fmt.Sprint(keys)
}

func main() {
	var m sync.Map
	fmt.Println(m.Load("x"))
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Go(func() {
			for i := 0; i < 100; i++ {
				m.Store(w*1000+i, i)
				if v, ok := m.Load(w*1000 + i); !ok || v != i {
					fmt.Println("lost", w, i)
				}
				m.LoadOrStore("shared", w)
			}
		})
	}
	wg.Wait()
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	_, shared := m.Load("shared")
	fmt.Println(n, shared)
	m.Clear()
	fmt.Println(dump(&m))

	fmt.Println(m.LoadOrStore("a", 1))
	fmt.Println(m.LoadOrStore("a", 2))
	fmt.Println(m.Swap("a", 3))
	fmt.Println(m.Swap("b", 4))
	fmt.Println(m.CompareAndSwap("a", 1, 5), m.CompareAndSwap("a", 3, 5), m.CompareAndSwap("zz", nil, 1))
	fmt.Println(m.CompareAndDelete("b", 5), m.CompareAndDelete("zz", nil), m.CompareAndDelete("b", 4))
	fmt.Println(m.LoadAndDelete("a"))
	fmt.Println(m.LoadAndDelete("a"))
	m.Store([2]int{1, 2}, "array key")
	m.Store(struct{ s string }{"k"}, nil)
	m.Delete("nothing")
	fmt.Println(dump(&m))
	// Range stops when f returns false, and f may modify the map.
	for i := 0; i < 5; i++ {
		m.Store(i, i*i)
	}
	visits := 0
	m.Range(func(k, v any) bool {
		visits++
		m.Delete(k)
		return visits < 3
	})
	fmt.Println(visits)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		m.Store([]int{1}, 1)
	}()

	made := 0
	p := sync.Pool{New: func() any {
		made++
		return new([64]byte)
	}}
	a := p.Get().(*[64]byte)
	a[0] = 42
	p.Put(a)
	p.Put(nil)
	b := p.Get().(*[64]byte)
	c := p.Get().(*[64]byte)
	fmt.Println(made >= 2, b != c, b[0] == 42 || c[0] == 42 || made == 3)
	var empty sync.Pool
	fmt.Println(empty.Get())
}
