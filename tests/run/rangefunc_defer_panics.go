package main

import (
	"errors"
	"fmt"
)

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  seq cleanup")
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// A deferred call of the body that panics does not keep the earlier ones
// from running.
func panicInDefer() {
	defer fmt.Println("  first defer of the function")
	for i := range seq(3) {
		defer fmt.Println("  body defer", i)
		if i == 1 {
			defer func() { panic("boom in defer") }()
		}
	}
	fmt.Println("  after loop")
}

// A deferred call of the body recovers a panic of the body.
func recoverBodyPanic() (r string) {
	defer func() { r += " (function's defer saw it)" }()
	for i := range seq(5) {
		defer func() {
			if v := recover(); v != nil {
				r = fmt.Sprint("recovered ", v, " in defer ", i)
			}
		}()
		if i == 2 {
			panic(fmt.Sprint("body panic at ", i))
		}
	}
	return "not reached"
}

// One deferred call of the body recovers the panic that a later one (run
// earlier) started; the rest still run.
func recoverDeferPanic() (r []string) {
	for i := range seq(4) {
		defer func() {
			if v := recover(); v != nil {
				r = append(r, fmt.Sprint(i, " recovered ", v))
			} else {
				r = append(r, fmt.Sprint(i, " nothing to recover"))
			}
		}()
		if i == 2 {
			defer func() { panic(errors.New("err from defer")) }()
		}
	}
	return nil
}

// Nested loops: the inner loop's deferred calls belong to the function too.
func nested() {
	defer fmt.Println("  function's defer")
	for i := range seq(2) {
		for j := range seq(2) {
			defer fmt.Println("  nested defer", i, j)
			if i == 1 && j == 1 {
				defer func() { panic("nested boom") }()
			}
		}
	}
}

// `defer recover()` in the body does not stop a panic (it is not called
// by a deferred function), as in Go.
func deferRecoverDirect() (r string) {
	defer func() { r = fmt.Sprint("outer recovered: ", recover()) }()
	for i := range seq(1) {
		defer recover()
		panic(fmt.Sprint("panic ", i))
	}
	return
}

// Many deferred calls in the body all run, last first.
func many() int {
	sum := 0
	last := -1
	func() {
		for i := range seq(20000) {
			defer func() {
				if last == -1 {
					last = i
				}
				sum += i
			}()
		}
	}()
	return sum*10 + last%10
}

func try(name string, f func()) {
	defer func() { fmt.Printf("%s: recovered %v\n", name, recover()) }()
	f()
}

func main() {
	try("panicInDefer", panicInDefer)
	fmt.Println(recoverBodyPanic())
	fmt.Println(recoverDeferPanic())
	try("nested", nested)
	fmt.Println(deferRecoverDirect())
	fmt.Println(many())
}
