// Method expressions on unnamed type literals: struct types with embedded
// fields, and interface types.
package main

import "fmt"

type T int

func (t T) Double() int { return int(t) * 2 }

func (t *T) Inc() { *t++ }

type S struct{ name string }

func (s S) Hello(greet string) string { return greet + ", " + s.name }

type Namer interface{ Name() string }

type N string

func (n N) Name() string { return string(n) }

func main() {
	d := struct{ T }.Double
	fmt.Println(d(struct{ T }{21}))
	fmt.Println(struct{ T }.Double(struct{ T }{4}))
	fmt.Printf("%T\n", struct{ T }.Double)
	pd := struct{ *T }.Double
	t := T(5)
	fmt.Println(pd(struct{ *T }{&t}))
	inc := struct{ *T }.Inc
	inc(struct{ *T }{&t})
	fmt.Println(t)
	pinc := (*struct{ T }).Inc
	v := struct{ T }{7}
	pinc(&v)
	fmt.Println(v.T)
	h := struct {
		x int
		S
	}.Hello
	fmt.Println(h(struct {
		x int
		S
	}{1, S{"gopher"}}, "hi"))
	nm := interface{ Name() string }.Name
	fmt.Println(nm(N("n1")))
	fmt.Println(interface{ Name() string }.Name(N("n2")))
	var x Namer = N("n3")
	fmt.Println(interface{ Name() string }.Name(x))
	fmt.Println(struct{ Namer }.Name(struct{ Namer }{N("n4")}))
}
