// A failed interface conversion raised again is a new panic value (Go
// allocates a *TypeAssertionError each time): both panics are printed.
package main

import "fmt"

func f(x interface{}) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered:", e)
			_ = x.(string)
		}
	}()
	_ = x.(string)
}

func main() {
	f(1)
}
