// Deferred calls that a panic or runtime.Goexit runs see the frames that
// panicked below them, as Go runs them on top of those frames.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// stack prints the functions of the calling goroutine's stack that are
// the program's (and the runtime's panic and Goexit frames), with lines.
func stack(tag string) {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	fmt.Println(tag + ":")
	for {
		f, more := frames.Next()
		switch {
		case strings.HasPrefix(f.Function, "main."):
			fmt.Printf("  %s:%d\n", f.Function, f.Line)
		case f.Function == "runtime.gopanic", f.Function == "runtime.Goexit":
			fmt.Printf("  %s\n", f.Function)
		}
		if !more {
			return
		}
	}
}

type T struct{ next *T }

func deref(t *T) *T {
	return t.next
}

func middle(t *T) {
	defer stack("middle's deferred call")
	deref(t)
}

func outer() (err error) {
	defer func() {
		if r := recover(); r != nil {
			stack("outer's deferred call")
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	middle(nil)
	return nil
}

func caller() {
	defer func() {
		recover()
		for i := 0; ; i++ {
			pc, _, line, ok := runtime.Caller(i)
			if !ok {
				break
			}
			name := runtime.FuncForPC(pc).Name()
			if strings.HasPrefix(name, "main.") {
				fmt.Println("Caller", name, line)
			}
		}
	}()
	var m map[string]int
	m["x"] = 1
}

func dstack() {
	defer func() {
		recover()
		s := string(debug.Stack())
		fmt.Println("debug.Stack shows the panic site:", strings.Contains(s, "main.explode("))
	}()
	explode(3)
}

func explode(n int) {
	if n == 0 {
		panic("boom")
	}
	explode(n - 1)
}

func goexit(done chan bool) {
	defer close(done)
	defer stack("Goexit's deferred call")
	leave()
}

func leave() {
	runtime.Goexit()
}

func main() {
	fmt.Println(outer())
	caller()
	dstack()
	done := make(chan bool)
	go goexit(done)
	<-done
	stack("after")
}
