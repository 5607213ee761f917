// Go 1.26's new(expr): a fresh variable initialised to the value.
package main

import "fmt"

type P struct {
	a int
	s string
}

func f() int { fmt.Println("f called"); return 3 }

func main() {
	p := new(42)
	q := new(int64(7))
	r := new("hi")
	s := new(P{1, "x"})
	t := new([]int{1, 2})
	u := new(f() + 1)
	var i interface{} = *q
	fmt.Println(*p, *q, *r, *s, *t, *u, i)
	*p = 5
	p2 := new(42)
	fmt.Println(*p, *p2, *new(3.5), *new(true))
	fmt.Printf("%T %T %T %T\n", p, q, new('x'), new(P{}))
	v := 10
	w := new(v)
	*w = 11
	fmt.Println(v, *w)
}
