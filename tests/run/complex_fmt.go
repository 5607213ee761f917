package main

import (
	"fmt"
	"math"
	"strconv"
)

type T struct {
	A complex64
	B []complex128
	M map[complex128]int
}

func main() {
	z := 1.5 - 2.25i
	var w complex64 = 1.1 + 2.2i
	nan, inf := math.NaN(), math.Inf(1)
	for _, f := range []string{"%v", "%g", "%G", "%f", "%F", "%e", "%E", "%.2f", "%8.3f", "%-12.1e|", "%+v", "%+.3g", "% g", "%010.2f", "%b", "%x", "%X", "%#v", "%T", "%d", "%s", "%q", "%t"} {
		fmt.Printf(f+" "+f+" "+f+"\n", z, w, complex(nan, -inf))
	}
	fmt.Println(z, w, complex(0, 0), complex(math.Copysign(0, -1), math.Copysign(0, -1)), 1e21+1e-7i)
	fmt.Print(z, w, "\n")
	fmt.Println(fmt.Sprint(z, 2i), fmt.Sprintf("%6.2v|%.0f", z, z))
	t := T{A: 1 - 1i, B: []complex128{1, 2i}, M: map[complex128]int{2: 1, 1i: 2, -1: 3, 1: 4, complex(nan, 0): 5}}
	fmt.Printf("%v\n%+v\n", t, t)
	var arr [2]complex64
	fmt.Println(arr, &t.A != nil)
	println(z, w, 1e300i, complex(nan, -inf))
	print(complex64(0.1+0.2i), "\n")
	fmt.Println(strconv.FormatComplex(z, 'f', 2, 128), strconv.FormatComplex(complex128(w), 'g', -1, 64),
		strconv.FormatComplex(1e21+1i, 'e', 3, 128), strconv.FormatComplex(complex(nan, inf), 'g', -1, 128))
	for _, s := range []string{"1+2i", "(3-4.5i)", "2i", "-1", "1e3-2e-2i", "+Inf-NaNi", "i", "1+i", "x", "(1+2i", "1e400+1i"} {
		c, err := strconv.ParseComplex(s, 128)
		fmt.Println(c, err)
	}
	c64, err := strconv.ParseComplex("1.1+2.2i", 64)
	fmt.Println(c64, complex64(c64), err)
}
