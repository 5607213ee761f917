package main

import "fmt"

func pair() (int, string) { return 4, "four" }

func main() {
	var a, b any = pair()
	fmt.Println(a, b)
	var c, d fmt.Stringer
	_ = c
	_ = d
	m := map[int]bool{1: true}
	var v, ok any = m[1]
	fmt.Println(v, ok)
}
