package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

type Temporary interface {
	error
	Temporary() bool
}

type tempErr struct{}

func (tempErr) Error() string   { return "temporary" }
func (tempErr) Temporary() bool { return true }

type node struct {
	val  int
	next *node
}

func main() {
	// errors.AsType: by pointer type, by interface, through wrapping and
	// errors.Join, and a miss.
	err := fmt.Errorf("loading: %w", &NotFound{"config.yaml"})
	if nf, ok := errors.AsType[*NotFound](err); ok {
		fmt.Println("AsType found:", nf.Name)
	}
	joined := errors.Join(errors.New("first"), fmt.Errorf("wrapped: %w", tempErr{}))
	if t, ok := errors.AsType[Temporary](joined); ok {
		fmt.Println("temporary:", t.Temporary(), t.Error())
	}
	_, ok := errors.AsType[*NotFound](joined)
	fmt.Println("miss:", ok)
	_, ok = errors.AsType[*NotFound](nil)
	fmt.Println("nil:", ok)
	_, statErr := os.Stat("/definitely/not/here")
	if pe, ok := errors.AsType[*fs.PathError](statErr); ok {
		fmt.Println("PathError op:", pe.Op, "path:", pe.Path)
	}

	// sync.OnceValue and OnceValues: one call, whatever the number of
	// callers.
	calls := 0
	get := sync.OnceValue(func() int { calls++; return 42 })
	var wg sync.WaitGroup
	var sum atomic.Int64
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum.Add(int64(get()))
		}()
	}
	wg.Wait()
	fmt.Println("OnceValue:", get(), "calls:", calls, "sum:", sum.Load())
	load := sync.OnceValues(func() (string, error) { calls++; return "data", errors.New("partial") })
	for i := 0; i < 3; i++ {
		s, e := load()
		fmt.Println("OnceValues:", s, e)
	}
	fmt.Println("calls:", calls)
	boom := sync.OnceValue(func() int { calls++; panic("boom") })
	for i := 0; i < 2; i++ {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			boom()
		}()
	}
	fmt.Println("calls:", calls)

	// atomic.Pointer: a lock-free stack pushed to by many goroutines.
	var head atomic.Pointer[node]
	fmt.Println("zero Load nil:", head.Load() == nil)
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			n := &node{val: v}
			for {
				old := head.Load()
				n.next = old
				if head.CompareAndSwap(old, n) {
					return
				}
			}
		}(i)
	}
	wg.Wait()
	count, total := 0, 0
	for n := head.Load(); n != nil; n = n.next {
		count++
		total += n.val
	}
	fmt.Println("stack:", count, total)
	var p atomic.Pointer[int]
	x, y := 1, 2
	fmt.Println("CAS nil->x:", p.CompareAndSwap(nil, &x), *p.Load())
	fmt.Println("CAS nil->y:", p.CompareAndSwap(nil, &y), *p.Load())
	old := p.Swap(&y)
	fmt.Println("Swap:", *old, *p.Load())
	p.Store(nil)
	fmt.Println("Store nil:", p.Load() == nil, p.CompareAndSwap(nil, &x), *p.Load())

	// rand.N over integer types and durations: always in range.
	inRange := true
	for i := 0; i < 1000; i++ {
		d := rand.N(10 * time.Second)
		b := rand.N(uint8(7))
		k := rand.N(int64(3))
		if d < 0 || d >= 10*time.Second || b >= 7 || k < 0 || k >= 3 {
			inRange = false
		}
	}
	fmt.Println("rand.N in range:", inRange)
	defer func() { fmt.Println("N(0):", recover()) }()
	rand.N(0)
}
