package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	floats := []float64{0.1, 1.0 / 3, math.Pi, 1e-300, 6.02214076e23, math.MaxFloat64, math.SmallestNonzeroFloat64, -2.5e-8}
	ok := true
	for _, f := range floats {
		s := strconv.FormatFloat(f, 'g', -1, 64)
		g, err := strconv.ParseFloat(s, 64)
		if err != nil || g != f {
			ok = false
		}
		fmt.Println(s, strconv.FormatFloat(f, 'e', -1, 64), strconv.FormatFloat(f, 'f', 3, 64))
	}
	fmt.Println("float round trip:", ok)
	for _, n := range []int64{0, 1, -1, math.MaxInt64, math.MinInt64, 1234567890} {
		for _, base := range []int{2, 8, 10, 16, 36} {
			s := strconv.FormatInt(n, base)
			m, err := strconv.ParseInt(s, base, 64)
			if err != nil || m != n {
				fmt.Println("mismatch", n, base, s, m, err)
			}
		}
		fmt.Println(strconv.FormatInt(n, 36), strconv.FormatInt(n, 7))
	}
	for _, s := range []string{"", "plain", "tab\there", "quote\"s", "日本", "\x01\x02", "back\\slash"} {
		q := strconv.Quote(s)
		u, err := strconv.Unquote(q)
		fmt.Println(q, u == s, err)
	}
	fmt.Println(strconv.FormatFloat(1.5, 'x', -1, 64), strconv.FormatFloat(1, 'X', 3, 64))
	defer func() { fmt.Println("recovered:", recover()) }()
	strconv.FormatInt(5, 1)
}
