package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, math.Copysign(0, -1), 1, 2, -2.5, 2.5, -0.5, 0.49999999999999994, 1e300, -1e-300, 4503599627370497.5, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range xs {
		fmt.Println(x, math.Sqrt(x), math.Abs(x), math.Floor(x), math.Ceil(x), math.Trunc(x))
		fmt.Println(math.Signbit(math.Sqrt(x)), math.Signbit(math.Floor(x)), math.Signbit(math.Ceil(x)), math.Signbit(math.Trunc(x)), math.Signbit(math.Abs(x)))
	}
	type F float64
	var f F = 9
	fmt.Println(math.Sqrt(float64(f)), math.Sqrt(2), math.Abs(-3), math.Floor(7/2))
	g := math.Sqrt
	fmt.Println(g(16))
}
