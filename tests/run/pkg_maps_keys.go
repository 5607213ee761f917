package main

import (
	"fmt"
	"math"
)

type Key struct {
	F float64
	I any
}

type Pair struct {
	A [2]string
	B bool
}

func main() {
	m := map[Key]string{
		{1.5, 2}:          "c",
		{math.NaN(), 1}:   "nan",
		{1.5, 1}:          "b",
		{-2, 7}:           "a",
		{math.Inf(1), -1}: "inf",
	}
	fmt.Println(m)
	fmt.Printf("%+v\n", m)
	fmt.Printf("%#v\n", m)
	ks := map[Key]int{{0, "y"}: 1, {0, "x"}: 2, {0, nil}: 3}
	fmt.Println(ks)
	fmt.Printf("%#v\n", ks)
	pm := map[Pair]map[int][]string{
		{[2]string{"b", "a"}, true}:  {2: {"x"}, 1: nil},
		{[2]string{"b", "a"}, false}: {},
		{[2]string{"a", "z"}, true}:  nil,
	}
	fmt.Println(pm)
	fmt.Printf("%#v\n", pm)
	fk := map[float32]string{float32(math.NaN()): "n", 2.5: "x", -0.25: "y"}
	fmt.Println(fk)
	fmt.Printf("%#v %v\n", fk, len(fk))
	deep := map[string]map[string]map[string]int{"o": {"i": {"z": 26, "a": 1}}}
	fmt.Println(deep)
	ip := map[int]*int{}
	fmt.Println(ip, len(ip))
	var iface any = map[string]int{"q": 1}
	fmt.Printf("%v %T\n", iface, iface)
	mm := map[string]int{}
	for i := 0; i < 20; i++ {
		mm[fmt.Sprint("k", i)] = i * i
	}
	delete(mm, "k3")
	fmt.Println(mm)
}
