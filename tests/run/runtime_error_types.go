// A recovered runtime panic has Go's dynamic type: a failed type assertion is a
// *runtime.TypeAssertionError (ok, Error, RuntimeError, errors.As), the others
// runtime.Error values of their own types.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %T\n", name, r)
		re, ok := r.(runtime.Error)
		fmt.Println("  runtime.Error:", ok, re)
		e, ok2 := r.(error)
		fmt.Println("  error:", ok2, e)
		ta, ok3 := r.(*runtime.TypeAssertionError)
		fmt.Println("  TAE:", ok3)
		if ok3 {
			fmt.Println("  TAE.Error:", ta.Error())
			ta.RuntimeError()
			var re2 runtime.Error = ta
			fmt.Println(re2)
		}
		var target *runtime.TypeAssertionError
		fmt.Println("  errors.As:", errors.As(e, &target))
		fmt.Printf("  %v | %s | %q\n", r, r, r)
	}()
	f()
}

type T struct{}

func (T) M() {}

type I interface{ M() }
type J interface{ N() }

func main() {
	var s []int
	var m map[string]int
	zero := 0
	var p *T
	var x any = "str"
	var ch chan int
	try("index", func() { _ = s[5] })
	try("slice", func() { _ = s[1:zero] })
	try("nilmap", func() { m["a"] = 1 })
	try("div", func() { _ = 5 / zero })
	try("nilptr", func() { *p = T{} })
	try("assert", func() { _ = x.(int) })
	try("assert2", func() { var i I = T{}; _ = i.(J) })
	try("assert3", func() { var e any; _ = e.(int) })
	try("closenil", func() { close(ch) })
	try("custom", func() { panic(fmt.Errorf("x")) })
	try("negative", func() { _ = make([]int, zero-1) })
}
