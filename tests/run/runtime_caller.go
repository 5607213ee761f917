package main

import (
	"fmt"
	"runtime"
	"strings"
)

// at names a function and, for the program's own, its position as the
// file's base name and line (the runtime's sources are not Go's).
func at(fn, file string, line int) string {
	if strings.HasPrefix(fn, "runtime.") {
		return fn
	}
	return fmt.Sprintf("%s %s", fn, where(file, line))
}

func where(file string, line int) string {
	return fmt.Sprintf("%s:%d", file[strings.LastIndex(file, "/")+1:], line)
}

func caller(skip int) string {
	pc, file, line, ok := runtime.Caller(skip)
	if !ok {
		return "not ok"
	}
	return at(runtime.FuncForPC(pc).Name(), file, line)
}

// stack lists the program's frames from Callers' skip, innermost first,
// down to main.main.
func stack(skip int) []string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(skip, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		out = append(out, at(f.Function, f.File, f.Line))
		if f.Function == "main.main" || !more {
			break
		}
	}
	return out
}

type T struct{ n int }

func (t *T) M() []string {
	return stack(1)
}

func (t T) V() string {
	return caller(1)
}

func outer() string {
	return inner()
}

func inner() string {
	return caller(2)
}

func deferred() (s []string) {
	defer func() {
		s = stack(1)
	}()
	return nil
}

func record(s *[]string, skip int) {
	*s = stack(skip)
}

// wrapped defers a call with arguments (Go runs it through a wrapper,
// main.wrapped.deferwrap1).
func wrapped() (s []string) {
	defer record(&s, 1)
	return nil
}

// panicking shows a deferred call that a panic runs.
func panicking() (s []string) {
	defer func() {
		recover()
		s = stack(1)
	}()
	panic("boom")
}

func main() {
	for skip := 0; skip < 3; skip++ {
		fmt.Println("Caller", skip, caller(skip))
	}
	fmt.Println("outer", outer())

	f := func() string { return caller(1) }
	fmt.Println("closure", f())

	fmt.Println("value method", T{}.V())
	for _, s := range (&T{}).M() {
		fmt.Println("method", s)
	}
	mv := (&T{}).M
	for _, s := range mv() {
		fmt.Println("method value", s)
	}
	for _, s := range deferred() {
		fmt.Println("deferred", s)
	}
	for _, s := range wrapped() {
		fmt.Println("wrapped", s)
	}
	for _, s := range panicking() {
		fmt.Println("panicking", s)
	}
	for _, s := range stack(0) {
		fmt.Println("skip 0", s)
	}

	pcs := make([]uintptr, 8)
	n := runtime.Callers(1, pcs)
	fn := runtime.FuncForPC(pcs[0] - 1)
	fmt.Println(n > 1, fn.Name(), fn.Entry() <= pcs[0]-1)
	file, line := fn.FileLine(pcs[0] - 1)
	fmt.Println(where(file, line))
	fmt.Println(runtime.FuncForPC(fn.Entry()).Name())
	var nilf *runtime.Func
	fmt.Println(nilf.Name() == "")

	_, _, _, ok := runtime.Caller(1000)
	fmt.Println("Caller(1000)", ok)
	fmt.Println("Callers(1000)", runtime.Callers(1000, pcs))

	done := make(chan []string)
	go func() {
		done <- stack(1)
	}()
	for _, s := range <-done {
		fmt.Println("goroutine", s)
	}
}
