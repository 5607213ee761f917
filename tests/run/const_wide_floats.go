// Untyped float constants reach binary exponents of ±2^31 as in Go: exact
// fractions while small, 512-bit floats beyond, rounded only when they meet
// a typed context.
package main

import "fmt"

const (
	huge   = 1e646456992 // near the top of Go's range
	tiny   = 1e-779137   // nonzero, far below float64
	third  = 1.0 / 3
	big    = 1e5000 // past 2^4096: a rounded float
	bigger = big * big
)

func main() {
	// Quotients of huge values are exact enough to be 10 again.
	fmt.Println(huge/1e646456991, 1e64645699/1e64645698)
	// A tiny constant is not zero, but rounds to zero as a float64.
	fmt.Println(tiny > 0, tiny*1e779137, float64(tiny), -tiny == 0)
	var f32 float32 = tiny
	fmt.Println(f32, 1/tiny > huge)
	// Rounded values that are integers up to rounding convert to int.
	const ten = big / 1e4999
	var n int = ten
	fmt.Println(n, int64(1e5000/1e4990), bigger/big/big)
	// Exact fractions stay exact below 2^4096.
	fmt.Println(third*3 == 1, 0.1+0.2 == 0.3, 1e1000/1e999 == 10)
	// Underflow of a product is 0; a sum far apart keeps the larger.
	fmt.Println(1e-600000000*1e-600000000 == 0, 1e600000000+1 == 1e600000000)
	// Complex constants with wide parts.
	const c = complex(1e-600000000, 1e6)
	fmt.Println(real(c*1e600000000) == 1, imag(c/1e300000000)*1e299999994)
	fmt.Printf("%.6g %v\n", 1e308*10/1e10, float32(1e-45*1e-5000*1e5000))
}
