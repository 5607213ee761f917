// A call with several results supplies all the arguments of copy, append
// and delete, as it does a function's (Go's test/fixedbugs/issue15992.go).
package main

func two(s []byte) ([]byte, []byte)        { return s, []byte("xy") }
func bs(s []byte) ([]byte, string)         { return s, "pq" }
func ap() ([]int, int)                     { return []int{1}, 2 }
func ap3() ([]any, int, string)            { return nil, 2, "z" }
func md(m map[any]int) (map[any]int, int) { return m, 1 }

func main() {
	a := []byte("abc")
	n := copy(two(a))
	println(n, string(a))
	n = copy(bs(a))
	println(n, string(a))
	s := append(ap())
	println(len(s), s[0], s[1])
	t := append(ap3())
	println(len(t), t[0].(int), t[1].(string))
	m := map[any]int{1: 5, 2: 6}
	delete(md(m))
	println(len(m), m[2])
}
