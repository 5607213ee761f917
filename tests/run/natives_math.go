// Every native of package math, with Go's special inputs (empty strings,
// invalid UTF-8, zeros, negatives): each reads and writes its declared
// parameters and results through its own function.
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{-2.5, -1, -0.5, 0, 0.3, 1, 2.5, 7}
	f1 := []func(float64) float64{math.Abs, math.Acosh, math.Asin, math.Acos, math.Asinh, math.Atan, math.Atanh, math.Cbrt, math.Erf, math.Erfc, math.Erfinv, math.Erfcinv, math.Exp, math.Exp2, math.Expm1, math.Floor, math.Ceil, math.Trunc, math.Round, math.RoundToEven, math.Gamma, math.J0, math.J1, math.Y0, math.Y1, math.Log, math.Log10, math.Log2, math.Log1p, math.Logb, math.Cos, math.Sin, math.Sinh, math.Cosh, math.Sqrt, math.Tan, math.Tanh}
	f2 := []func(float64, float64) float64{math.Atan2, math.Copysign, math.Dim, math.Max, math.Min, math.Hypot, math.Mod, math.Nextafter, math.Pow, math.Remainder}
	for i, f := range f1 {
		for _, x := range xs {
			fmt.Printf("%d %.6g\n", i, f(x))
		}
	}
	for i, f := range f2 {
		for _, x := range xs {
			fmt.Printf("%d %.6g\n", i, f(x, 1.5))
		}
	}
	for _, x := range xs {
		fr, e := math.Frexp(x)
		lg, s := math.Lgamma(x)
		ip, fp := math.Modf(x)
		sn, cs := math.Sincos(x)
		fmt.Println(math.IsNaN(x), math.IsInf(x, 0), math.Signbit(x), math.FMA(x, 2, 1), fr, e, fmt.Sprintf("%.6g", lg), s, ip, fp, fmt.Sprintf("%.6g %.6g", sn, cs), math.Ilogb(x+10), math.Ldexp(x, 3), fmt.Sprintf("%.6g %.6g", math.Jn(2, x), math.Yn(1, x+3)))
		fmt.Println(math.Float32bits(float32(x)), math.Float32frombits(math.Float32bits(float32(x))), math.Float64bits(x), math.Float64frombits(math.Float64bits(x)), math.Nextafter32(float32(x), 3))
	}
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), math.Pow10(3), math.Pow10(-2), math.IsInf(math.Inf(-1), -1))
}
