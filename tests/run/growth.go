package main

import "fmt"

type big struct{ a, b, c, d, e int }

func main() {
	var b []byte
	b = append(b, 1)
	var i32 []int32
	i32 = append(i32, 1)
	var bs []big
	bs = append(bs, big{})
	var ss []string
	ss = append(ss, "")
	x := make([]byte, 3)
	x = append(x, 1)
	var t []int
	t = append(t, 1, 2, 3, 4, 5)
	fmt.Println(cap(b), cap(i32), cap(bs), cap(ss), cap(x), cap(t), b, i32, bs, ss, x, t)
	var s []int
	c := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != c {
			c = cap(s)
			fmt.Print(c, " ")
		}
	}
	fmt.Println(len(s), s[:3])
}
