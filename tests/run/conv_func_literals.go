// Conversions to unparenthesised function type literals that end in a
// result (a type, or a parenthesised list): func() int(f) converts f,
// while func()(x) would declare a result x.
package main

import "fmt"

type F func() int

func one() int { return 1 }

func pair() (int, string) { return 2, "two" }

func inc(x int) int { return x + 1 }

func maker() func() int { return one }

func main() {
	var f F = one
	g := func() int(f)
	fmt.Println(g())
	h := func()(int)(one)
	fmt.Println(h())
	p := func() (int, string)(pair)
	fmt.Println(p())
	i := func(int) int(inc)
	fmt.Println(i(41))
	j := func(x int) (y int)(inc)
	fmt.Println(j(1))
	k := func() func() int(maker)
	fmt.Println(k()())
	l := func() []int(nil)
	fmt.Println(l == nil)
	fs := []func() int{one, F(one)}
	gs := []func() int(fs)
	fmt.Println(len(gs), gs[1]())
	m := map[string]func() int(nil)
	fmt.Println(m == nil)
	n := [2]func() int([2]func() int{one, one})
	fmt.Println(n[0]() + n[1]())
	if func() int(f) != nil {
		fmt.Println("not nil")
	}
	fmt.Printf("%T\n", func(string, ...int) (bool, error)(nil))
	fmt.Printf("%T\n", []func() (int)(nil))
}
