package main

import "fmt"

func main() {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i*i)
		fmt.Print(len(s), ":", cap(s), " ")
	}
	fmt.Println()
	fmt.Println(s[3], s[19], len(s[5:10]), cap(s[5:10]), s[5:10])
	t := s[2:4]
	t[0] = -1
	fmt.Println(s[2], t)
	u := make([]string, 3, 10)
	u[1] = "mid"
	u = append(u, "end", "more")
	fmt.Println(len(u), cap(u), u)
	c := make([]int, 3)
	n := copy(c, s)
	fmt.Println(n, c)
	w := []float64{1.5, 2.5}
	w = append(w, w...)
	fmt.Println(w)
	b := []byte("hi")
	b = append(b, " there"...)
	fmt.Println(string(b), len(b))
	x := s[:0]
	fmt.Println(len(x), cap(x))
	var nilS []int
	fmt.Println(len(nilS), nilS)
	m := [][]int{{1}, {2, 3}}
	m[1] = append(m[1], 4)
	fmt.Println(m, len(m[1]))
	total := 0
	for _, v := range s {
		total += v
	}
	fmt.Println(total)
}
