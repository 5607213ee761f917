package main

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
)

type Res struct{ name string }

func (r *Res) Close() { fmt.Println("close", r.name) }

func Opened(names ...string) iter.Seq[*Res] {
	return func(yield func(*Res) bool) {
		for _, n := range names {
			if !yield(&Res{n}) {
				return
			}
		}
	}
}

// Deferred calls in the body run when the function returns, last first,
// among the function's own deferred calls in the order they were made.
func order() {
	defer fmt.Println("first deferred by the function")
	for r := range Opened("a", "b", "c") {
		defer r.Close()
		fmt.Println("use", r.name)
	}
	defer fmt.Println("last deferred by the function")
	fmt.Println("end of order")
}

// Arguments are evaluated at the defer statement.
func evalNow() {
	x := 1
	for i := range slices.Values([]int{10, 20}) {
		defer fmt.Println("deferred with", i, x)
		x++
	}
	x = 100
	fmt.Println("x is", x)
}

// The function value too: a method value binds its receiver at the defer.
type Counter struct{ n int }

func (c Counter) Show(tag string) { fmt.Println(tag, c.n) }

func methodValue() {
	c := Counter{1}
	for range slices.Values([]int{1, 2}) {
		defer c.Show("counter was")
		c.n *= 10
	}
	f := func(s string) { fmt.Println("f1", s) }
	for range slices.Values([]int{1}) {
		defer f("bound")
		f = func(s string) { fmt.Println("f2", s) }
	}
}

// Deferred builtins, variadic calls with and without `...`, a literal.
func builtins() {
	ch := make(chan int, 1)
	m := map[string]int{"k": 1, "j": 2}
	for k := range maps.Keys(map[string]bool{"k": true}) {
		defer close(ch)
		defer delete(m, k)
		defer println("println from body")
	}
	parts := []any{"a", "b"}
	for range slices.Values([]int{1}) {
		defer fmt.Println(parts...)
		defer fmt.Println("plain", 1, 2.5)
		defer func(s string) { fmt.Println("literal", s, len(m)) }("arg")
	}
	fmt.Println("map before return", len(m))
}

// A deferred call in the body recovers a panic of the body.
func recovers() (err error) {
	for i := range slices.Values([]int{1, 2, 3}) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("recovered at %d: %v", i, r)
			}
		}()
		if i == 2 {
			panic("boom")
		}
	}
	return nil
}

// Nested range-over-func loops: every deferred call is the function's.
func nested() {
	for i := range slices.Values([]int{1, 2}) {
		for j := range slices.Values([]string{"x", "y"}) {
			defer fmt.Println("nested", i, j)
		}
		defer fmt.Println("outer", i)
	}
	fmt.Println("nested body done")
}

// The loop run several times by an ordinary loop.
func repeated() {
	for round := 0; round < 2; round++ {
		defer fmt.Println("round", round)
		for s := range slices.Values(strings.Split("p,q", ",")) {
			defer fmt.Println("split", round, s)
		}
	}
}

// A deferred unlock, the most common use.
func locked(mu *sync.Mutex, xs []int) int {
	sum := 0
	for x := range slices.Values(xs) {
		mu.Lock()
		defer mu.Unlock()
		sum += x
		break
	}
	return sum
}

// Early return from the body runs the deferred calls too.
func early() string {
	for k := range slices.Values(sort.StringSlice{"z", "w"}) {
		defer fmt.Println("deferred before return", k)
		if k == "w" {
			return "returned at " + k
		}
	}
	return "not reached"
}

func main() {
	order()
	evalNow()
	methodValue()
	builtins()
	fmt.Println(recovers())
	nested()
	repeated()
	var mu sync.Mutex
	fmt.Println(locked(&mu, []int{4, 5}))
	fmt.Println("lock free again:", mu.TryLock())
	fmt.Println(early())
	fmt.Println(errors.Is(nil, nil))
}
