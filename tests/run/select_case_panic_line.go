// A select case's channel operand is evaluated at the case's line: a nil
// dereference there is reported at the case (Go's test/fixedbugs/bug347.go).
package main

var t *struct {
	c chan int
}

var c chan int

func f() {
	select {
	case <-c:
		println("c")
	case v := <-t.c:
		println(v)
	}
}

func main() {
	f()
}
