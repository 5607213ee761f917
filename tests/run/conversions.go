package main

import "fmt"

type Celsius float64
type Names []string
type Point struct{ X, Y int }
type Vec Point

func main() {
	s := []int{1, 2, 3, 4, 5}
	a := [3]int(s)
	p := (*[2]int)(s)
	p[1] = 20
	fmt.Println(a, s[1], len(p))
	c := Celsius(36.6)
	f := float64(c)*9/5 + 32
	fmt.Println(f, int(c), Names([]string{"a"}), Vec(Point{1, 2}))
	var e []int
	z := (*[0]int)(e)
	fmt.Println(z == nil)
	u := uint8(300 % 256)
	fmt.Println(u, string(rune(65)), []byte("hi"))
	defer func() { fmt.Println(recover()) }()
	_ = [8]int(s)
}
