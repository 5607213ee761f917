// A recovered *runtime.TypeAssertionError panicked again is Go's
// "[recovered, repanicked]" of the same value.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		r := recover()
		_, ok := r.(*runtime.TypeAssertionError)
		fmt.Println(ok)
		panic(r)
	}()
	var x any = 1
	_ = x.(string)
}
