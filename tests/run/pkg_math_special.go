package main

import (
	"fmt"
	"math"
)

func main() {
	inf, nan := math.Inf(1), math.NaN()
	fmt.Println(inf, -inf, nan, inf-inf, 0*inf, inf/inf)
	fmt.Println(math.Sqrt(inf), math.Log(0), math.Log(-1), math.Exp(1000), math.Exp(-1000))
	fmt.Println(math.Pow(0, -1), math.Pow(-8, 1.0/3), math.Pow(2, 1024), math.Pow(1, nan), math.Pow(nan, 0))
	fmt.Println(math.Mod(5, 0), math.Mod(inf, 1), math.Mod(5, inf), math.Atan2(0, -1), math.Atan2(-0.0, -1))
	fmt.Println(math.Max(inf, nan), math.Min(-inf, nan), math.Max(-0.0, 0), math.Min(0, -0.0))
	fmt.Println(math.Floor(-0.5), math.Ceil(-0.5), math.Round(-0.4), math.Trunc(-0.9))
	fmt.Println(math.IsInf(-inf, -1), math.IsInf(-inf, 1), math.IsNaN(inf), math.Signbit(math.Copysign(0, -1)))
	fmt.Println(nan == nan, nan != nan, nan < 1, inf > math.MaxFloat64)
	fmt.Println(math.Float64bits(nan) != 0, math.Float64bits(-0.0), math.Float64frombits(0x7FF0000000000000))
	fmt.Println(math.Hypot(inf, nan), math.Abs(-inf), math.Cbrt(-27), math.Sqrt(-0.0))
	fmt.Println(int64(math.Pow10(18)), math.Pow10(400), math.Pow10(-400), math.Pow10(22), math.Pow10(23))
	x, y := 0.1, 0.2
	fmt.Println(x+y, x+y == 0.3, math.Abs(x+y-0.3) < 1e-9)
	fmt.Printf("%.4f %.4f %.4f\n", math.Gamma(0.5), math.J0(1), math.Y0(1))
	fmt.Println(math.Ldexp(1, -1074), math.Ldexp(1, 1024), math.Ilogb(0), math.Logb(0))
}
