package main

import "fmt"

type T struct{ a int }

func main() {
	println("builtin println", 1, true, -3, 2.5, "str")
	print("builtin print ", 7, "\n")
	var f32 float32 = 1.25
	println(f32, uint8(200), int64(-1)<<62, 'r')
	fmt.Println("fmt goes to stdout")
	println(1e300, -1e-300, 100.0)
	var s []int
	var p *T
	println(s == nil, p == nil, len(s))
}
