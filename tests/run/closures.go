package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int { return f(x) }

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c())
	d := counter()
	fmt.Println(d(), c())
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	k := 3
	triple := func(x int) int { return x * k }
	k = 4
	fmt.Println(apply(triple, 5))
	sq := func(x int) int { return x * x }
	fmt.Println(apply(sq, 7))
	fib := func(n int) int { return n }
	var rec func(int) int
	rec = func(n int) int {
		if n < 2 {
			return n
		}
		return rec(n-1) + rec(n-2)
	}
	fmt.Println(rec(15), fib(1))
	total := 0
	add := func(x int) { total += x }
	for i := range 5 {
		add(i)
	}
	fmt.Println(total)
}
