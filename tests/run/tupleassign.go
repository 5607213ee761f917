package main

import "fmt"

type T struct{ a, b int }

func two() (int, error) { return 7, nil }

func main() {
	a := []int{0, 0, 0}
	i := 0
	i, a[i] = 1, 9
	fmt.Println(i, a)
	m := map[string]int{}
	k := "x"
	k, m[k] = "y", 5
	fmt.Println(k, m["x"], len(m))
	p := &T{}
	q := p
	p, p.a = &T{}, 3
	fmt.Println(q.a, p.a)
	var x any
	var ok bool
	mm := map[string]int{"z": 26}
	x, ok = mm["z"]
	fmt.Println(x, ok)
	var n any
	var err error
	n, err = two()
	fmt.Println(n, err)
	x, ok = any(3).(int)
	fmt.Println(x, ok)
	s := []int{1, 2, 3}
	s[0], s[2] = s[2], s[0]
	fmt.Println(s)
	defer func() { fmt.Println(recover(), s) }()
	s[1], s[5] = 20, 50
}
