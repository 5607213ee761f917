package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 200
	u8 += 100
	fmt.Println(u8)
	var u uint = 0
	u--
	fmt.Println(u)
	var i32 int32 = 1 << 30
	i32 *= 4
	fmt.Println(i32)
	var u16 uint16 = 65535
	u16 = ^u16
	fmt.Println(u16)
	x := -7
	fmt.Println(x/2, x%2, x>>1, uint(x)>>60, x<<2, x&^3)
	var s uint = 70
	fmt.Println(1<<s, -1>>s)
	f := 1.5
	g := f * 3
	fmt.Println(g, g/0.5, -g, f < g, f == 1.5)
	var f32 float32 = 0.1
	f32 += 0.2
	fmt.Println(f32, float64(f32))
	ff := 3.99
	fmt.Println(int(ff), int(-ff), float64(7)/2, uint8(300+x), int64(int8(-1)))
	fmt.Println(7.0/2.0, 1e100, 1e-5, 123456789.0)
	big := 9223372036854775807
	big++
	fmt.Println(big)
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1.5))
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)))
	b := true
	fmt.Println(!b, b && false, b || false)
}
