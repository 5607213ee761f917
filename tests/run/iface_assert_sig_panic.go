// A failed assertion to an interface whose method the dynamic type has
// under another signature panics with Go's message: the method is
// "missing", whatever the reason.
package main

import "fmt"

type S struct{ a int }
type T struct{ b string }

func (s *S) Name() int8  { return 1 }
func (t *T) Name() int64 { return 64 }

type I1 interface{ Name() int8 }
type I2 interface{ Name() int64 }

type V struct{}

func (V) Sum(xs ...int) int { return len(xs) }
func (V) Other()            {}

type SumSlice interface {
	Other()
	Sum([]int) int
}

func try(f func()) {
	defer func() {
		r := recover()
		err, ok := r.(error)
		fmt.Println(ok, err)
		_, isRuntime := r.(interface{ RuntimeError() })
		fmt.Println("runtime error:", isRuntime)
	}()
	f()
}

func main() {
	try(func() {
		var i1 I1 = &S{}
		fmt.Println(i1.(I2).Name())
	})
	try(func() {
		var x any = V{}
		_ = x.(SumSlice)
	})
	try(func() {
		var x any = &T{}
		_ = x.(I1)
	})
	var i2 I2 = &T{}
	var x any = i2
	fmt.Println(x.(I2).Name())
	fmt.Println(x.(I1).Name())
}
