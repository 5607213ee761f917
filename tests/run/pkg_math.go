package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Sqrt(-1), math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.7))
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.RoundToEven(2.5), math.Abs(-3.2))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Max(math.NaN(), 1), math.Min(-0.0, 0))
	fmt.Println(math.Inf(1), math.Inf(-1), math.IsInf(math.Inf(1), 0), math.IsNaN(math.NaN()))
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Remainder(7, 3), math.Dim(5, 3), math.Dim(3, 5))
	fmt.Println(math.Pow(2, 10), math.Pow(2, 0.5), math.Pow10(3), math.Pow10(-2))
	fmt.Printf("%.6f %.6f %.6f\n", math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Tan(math.Pi/4))
	fmt.Printf("%.6f %.6f %.6f\n", math.Exp(1), math.Log(math.E), math.Log10(1000))
	fmt.Printf("%.6f %.6f %.6f\n", math.Log2(8), math.Atan2(1, 1), math.Hypot(3, 4))
	fmt.Printf("%.6f %.6f %.6f\n", math.Asin(1), math.Acos(0), math.Atan(1))
	fmt.Printf("%.6f %.6f %.6f\n", math.Sinh(1), math.Cosh(1), math.Tanh(1))
	fmt.Printf("%.6f %.6f\n", math.Cbrt(27), math.Log1p(0.5))
	fr, ex := math.Frexp(8)
	fmt.Println(fr, ex, math.Ldexp(0.5, 4))
	ip, fp := math.Modf(3.75)
	fmt.Println(ip, fp)
	ip, fp = math.Modf(-3.75)
	fmt.Println(ip, fp)
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000))
	fmt.Println(math.Float32bits(1.0), math.Float32frombits(0x40400000))
	fmt.Println(math.Signbit(-0.0), math.Signbit(1), math.Copysign(3, -1))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint32)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.Pi)
	fmt.Println(math.Nextafter(1, 2), math.Ilogb(8), math.Logb(8))
	fmt.Printf("%.6f %.6f\n", math.Gamma(5), math.Erf(0.5))
	lg, sign := math.Lgamma(-0.5)
	fmt.Printf("%.6f %d\n", lg, sign)
	fmt.Println(math.Trunc(math.Inf(1)), math.Floor(math.NaN()))
	x := 10.0
	fmt.Println(math.Sqrt(x*x+1) > x, int(math.Floor(7.9)), uint8(math.Round(200.4)))
}
