package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc(by int) int { c.n += by; return c.n }
func (c Counter) Get() int         { return c.n }

type Getter interface{ Get() int }

type Outer struct {
	Counter
	label string
}

func apply(f func(int) int, x int) int { return f(x) }

func main() {
	c := Counter{}
	inc := c.Inc
	inc(2)
	fmt.Println(apply(inc, 3), c.n)
	get := c.Get
	c.n = 100
	fmt.Println(get(), c.Get())
	var g Getter = c
	gf := g.Get
	fmt.Println(gf())
	o := &Outer{Counter{5}, "o"}
	oi := o.Inc
	oi(1)
	fmt.Println(o.n, o.Get())
	fs := []func() int{c.Get, o.Get}
	for _, f := range fs {
		fmt.Println(f())
	}
	ge := Counter.Get
	fmt.Println(ge(Counter{9}))
	defer func() { fmt.Println(recover()) }()
	var ng Getter
	_ = ng.Get
}
