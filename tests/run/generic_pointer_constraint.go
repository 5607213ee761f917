package main

import "fmt"

type Setter[T any] interface {
	*T
	Set(string)
}

type Item struct{ v string }

func (i *Item) Set(s string) { i.v = "item:" + s }

type Num struct{ n int }

func (p *Num) Set(s string) { p.n = len(s) }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	r := make([]T, len(ss))
	for i, s := range ss {
		p := PT(&r[i])
		p.Set(s)
	}
	return r
}

func main() {
	fmt.Println(FromStrings[Item]([]string{"a", "bc"}))
	fmt.Println(FromStrings[Num]([]string{"a", "bcd"}))
}
