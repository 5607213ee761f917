package main

import "fmt"

func Show[T any](x T) string { return fmt.Sprintf("%T(%v)", x, x) }

func Pair[T any](a, b T) string { return fmt.Sprintf("%T %v %v", a, a, b) }

func main() {
	fmt.Println(Show(1))
	fmt.Println(Show(1.5))
	fmt.Println(Show('x'))
	fmt.Println(Show("s"))
	fmt.Println(Show(true))
	fmt.Println(Pair(1, 2.5))
	fmt.Println(Pair(1, 'a'))
	fmt.Println(Pair('a', 2.0))
	var f32 float32 = 1.5
	fmt.Println(Pair(f32, 2))
	fmt.Println(Pair(3, int8(4)))
	const big = 1 << 40
	fmt.Println(Show(big))
}
