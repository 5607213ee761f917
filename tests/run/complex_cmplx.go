package main

// gol's transcendental math functions (Exp, Log, Atan2, Sincos, Pow)
// come from the C library and may differ from Go's in the last bit, so
// their results print with 12 significant digits; the exact ones (Abs,
// Sqrt, Conj, the special values) print in full.

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	xs := []complex128{0, 1, -1, 1i, -1i, 1 + 2i, -3 + 4i, 3 - 4i, -2.5 - 0.5i, 1e-300 + 1e-300i, 1e300 + 1e300i,
		complex(negz, 0), complex(0, negz), complex(-4, negz), 0.3 + 0.7i, 5 + 0.2i, -0.4 + 7i, 10 - 30i,
		complex(inf, 0), complex(-inf, 1), complex(1, inf), complex(nan, 0), complex(0, nan), complex(inf, nan), complex(nan, nan), complex(-inf, inf)}
	for _, x := range xs {
		fmt.Println(x, cmplx.Abs(x), cmplx.Conj(x), cmplx.IsNaN(x), cmplx.IsInf(x), cmplx.Sqrt(x))
		fmt.Printf(" phase %.12g exp %.12g log %.12g log10 %.12g\n", cmplx.Phase(x), cmplx.Exp(x), cmplx.Log(x), cmplx.Log10(x))
		fmt.Printf(" sin %.12g cos %.12g sinh %.12g cosh %.12g\n", cmplx.Sin(x), cmplx.Cos(x), cmplx.Sinh(x), cmplx.Cosh(x))
		r, th := cmplx.Polar(x)
		fmt.Printf(" polar %v %.12g rect %.12g pow %.12g %.12g %.12g\n", r, th, cmplx.Rect(r, th), cmplx.Pow(x, 2), cmplx.Pow(x, 0.5+1i), cmplx.Pow(2, x))
	}
	fmt.Println(cmplx.Pow(0, 0), cmplx.Pow(0, -1), cmplx.Pow(0, -1+1i), cmplx.Pow(0, 2), cmplx.Pow(0, complex(nan, 0)))
	fmt.Println(cmplx.Inf(), cmplx.NaN(), cmplx.IsNaN(cmplx.NaN()), cmplx.IsInf(cmplx.Inf()), cmplx.Sqrt(-4), cmplx.Sqrt(2i))
	fmt.Printf("%.3f %.6f\n", cmplx.Exp(1i*math.Pi), cmplx.Pow(1i, 2))
	// Roots of z^3 = 1.
	for k := 0; k < 3; k++ {
		z := cmplx.Rect(1, 2*math.Pi*float64(k)/3)
		fmt.Printf("%.9f %.9f\n", z, z*z*z)
	}
}
