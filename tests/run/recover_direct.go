// recover stops a panic only when called directly by the deferred
// function: not from a function that deferred function calls, and not
// when recover itself is the deferred call run by the panic.
package main

import "fmt"

func helper() interface{} {
	return recover()
}

func viaHelper() (msg string) {
	defer func() {
		if r := helper(); r != nil {
			msg = "helper recovered"
			return
		}
		msg = fmt.Sprint("direct: ", recover())
	}()
	panic("x")
}

func deferredDirect(v interface{}) {
	fmt.Println("deferredDirect:", recover() == v)
}

func withArg() {
	defer deferredDirect(42)
	panic(42)
}

func nestedDefer() (msg string) {
	defer func() {
		msg = fmt.Sprint("outer saw ", recover())
	}()
	defer func() {
		// Runs at this function's normal return, not called by the panic.
		defer func() {
			fmt.Println("inner closure:", recover())
		}()
	}()
	panic("y")
}

// `defer recover()` in a deferred function acts like a call of recover by
// that function.
func deferRecoverInDeferred() {
	defer func() {
		fmt.Println("after deferRecoverInDeferred:", recover())
	}()
	defer func() {
		defer recover()
	}()
	panic("z")
}

// Run by the panic itself, `defer recover()` recovers nothing.
func deferRecoverDirect() {
	defer func() {
		fmt.Println("still panicking:", recover())
	}()
	defer recover()
	panic("w")
}

func main() {
	fmt.Println(viaHelper())
	withArg()
	fmt.Println(nestedDefer())
	deferRecoverInDeferred()
	deferRecoverDirect()
}
