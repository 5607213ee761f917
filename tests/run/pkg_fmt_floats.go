package main

import (
	"fmt"
	"math"
)

func main() {
	vals := []float64{0, -0.0, 1, -1.5, 0.1, 1.0 / 3, 2.0 / 3, 1e20, 1e21, 1e-4, 1e-5, 123456789, 1.7976931348623157e308, 5e-324, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, v := range vals {
		fmt.Printf("%v|%g|%e|%.3f|%8.2f|%-10.4g|%+.1e\n", v, v, v, v, v, v, v)
	}
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32), f32*3)
	fmt.Printf("%v %g %.10f\n", f32, f32, f32)
	fmt.Println(float32(16777216.0)+1, 1e100, 100.0, 1234567.0, 12345678.0, 0.000001234)
	fmt.Printf("%b %x %X %#x\n", 1.0, 3.5, -0.25, 1e-3)
	fmt.Printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, -0.5)
	fmt.Printf("%6.3v|%.2v|%#v|%#v\n", math.Pi, 1234.5, 1.0, 1e7)
}
