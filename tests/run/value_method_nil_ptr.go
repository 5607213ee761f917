// A value method called through a nil pointer held in an interface panics
// in the pointer wrapper with Go's runtime error naming the method (Go's
// test/fixedbugs/issue19040.go).
package main

type T int

func (T) F() {}

type S struct{ a, b int }

func (s S) Sum(x int) int { return s.a + s.b + x }

type I interface{ F() }

type J interface{ Sum(int) int }

var p *T
var i I = p
var q *S
var j J = q

func main() {
	defer func() {
		e := recover().(error)
		println(e.Error())
		j = &S{1, 2}
		println(j.Sum(3))
	}()
	func() {
		defer func() { println(recover().(error).Error()) }()
		i.F()
	}()
	println(j.Sum(1))
}
