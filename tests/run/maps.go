package main

import "fmt"

type P struct{ X, Y int }

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	m["a"] += 10
	m["z"]++
	fmt.Println(len(m), m["a"], m["b"], m["c"], m["z"], m["none"])
	v, ok := m["b"]
	fmt.Println(v, ok)
	_, ok = m["q"]
	fmt.Println(ok)
	delete(m, "b")
	fmt.Println(len(m))
	sum := 0
	for k, v := range m {
		sum += v + len(k)
	}
	fmt.Println(sum)
	pm := map[P]string{{1, 2}: "a"}
	pm[P{3, 4}] = "b"
	fmt.Println(pm[P{1, 2}], pm[P{3, 4}], len(pm))
	im := map[any]int{}
	im[1] = 1
	im["x"] = 2
	im[P{1, 1}] = 3
	im[2.5] = 4
	fmt.Println(im[1], im["x"], im[P{1, 1}], im[2.5], im[int64(1)])
	fm := map[float64]int{}
	fm[0.0] = 1
	var negz float64 = 0
	negz = -negz
	fm[negz] = 2
	fmt.Println(len(fm), fm[0])
	big := make(map[int]int)
	for i := 0; i < 1000; i++ {
		big[i] = i * i
	}
	for i := 0; i < 1000; i += 2 {
		delete(big, i)
	}
	t := 0
	for k, v := range big {
		t += k + v
	}
	fmt.Println(len(big), t, big[999])
	clear(big)
	fmt.Println(len(big))
	var nm map[string]int
	fmt.Println(nm["x"], len(nm))
	n := 0
	for range nm {
		n++
	}
	// delete during iteration
	d := map[int]bool{}
	for i := 0; i < 100; i++ {
		d[i] = true
	}
	cnt := 0
	for k := range d {
		delete(d, k^1)
		cnt++
	}
	fmt.Println(cnt, len(d))
	arr := [3]int{1, 2, 3}
	arr[1] = 20
	for i, x := range arr {
		fmt.Println(i, x)
	}
	ks := map[[2]int]int{{1, 2}: 5}
	fmt.Println(ks[[2]int{1, 2}])
	defer func() { fmt.Println(recover()) }()
	nm["a"] = 1
}
