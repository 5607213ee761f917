// go and defer of the builtins allowed in statement context: the arguments
// are evaluated at the statement (Go's test/goprint.go, fixedbugs/issue8039.go).
package main

import "time"

func two() (int, string)                { return 1, "two" }
func cs(a []byte) ([]byte, string)      { return a, "pq" }
func md(m map[any]int) (map[any]int, int) { return m, 1 }

func main() {
	x := 1
	go println("from a goroutine", 1.5, byte(255), x)
	x = 2
	time.Sleep(200 * time.Millisecond)
	go print(two())
	time.Sleep(200 * time.Millisecond)
	println()

	s := []int{0, 0}
	src := []int{7, 8}
	func() {
		defer copy(s, src)
		src = []int{9, 9}
	}()
	b := make([]byte, 3)
	func() {
		defer copy(b, "xyz")
	}()
	m := map[int]int{1: 1, 2: 2}
	func() {
		defer delete(m, 1)
	}()
	println(s[0], s[1], len(m), string(b))
	func() {
		defer clear(m)
		defer clear(s)
		println(s[0], s[1], len(m))
	}()
	println(s[0], s[1], len(m))
	func() {
		defer copy(cs(b))
	}()
	am := map[any]int{1: 5, 2: 6}
	func() {
		defer delete(md(am))
	}()
	println(string(b), len(am), am[2])

	c := make(chan int)
	go close(c)
	_, ok := <-c
	println(ok)
	func() {
		defer func() { println("recovered", recover().(string)) }()
		defer panic("deferred panic")
	}()
	go panic("boom")
	time.Sleep(time.Second)
}
