package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

var (
	inf  = math.Inf(1)
	nan  = math.NaN()
	negz = math.Copysign(0, -1)
)

// part prints a float to 12 digits and zeros, infinities and NaNs
// exactly, with a zero's sign (a NaN's sign is not specified). The last
// bits of ordinary values are the math package's, whose algorithms are
// not all Go's; for that reason the grid also leaves out the points
// where a formula cancels (acos of 2+1e-8i is pi/2 minus a number
// within 1e-8 of it), where one ulp of asin becomes the leading digits.
func part(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	return fmt.Sprintf("%.12g", f)
}

func show(name string, z complex128) {
	fmt.Printf("%s=(%s,%s) ", name, part(real(z)), part(imag(z)))
}

func main() {
	parts := []float64{0, negz, 0.5, -0.5, 1, -1, 2, -3, 0.25, 1e8, 1e300, -1e-300, math.Pi / 2, inf, -inf, nan}
	fns := []struct {
		name string
		f    func(complex128) complex128
	}{
		{"tan", cmplx.Tan}, {"tanh", cmplx.Tanh}, {"cot", cmplx.Cot},
		{"asin", cmplx.Asin}, {"acos", cmplx.Acos}, {"atan", cmplx.Atan},
		{"asinh", cmplx.Asinh}, {"acosh", cmplx.Acosh}, {"atanh", cmplx.Atanh},
	}
	for _, a := range parts {
		for _, b := range parts {
			z := complex(a, b)
			fmt.Printf("%v: ", z)
			for _, f := range fns {
				show(f.name, f.f(z))
			}
			fmt.Println()
		}
	}
	// Near the poles of tan and cot the denominator is a series; with a
	// real part past 2**30 the reduction by Pi is Payne and Hanek's.
	for _, z := range []complex128{
		complex(math.Pi/2, 1e-3), complex(math.Pi/2+1e-9, 0.2), complex(-math.Pi/2, -0.1),
		complex(0.1, 0.1), complex(1e-5, -1e-5), complex(math.Pi, 0.01), complex(3*math.Pi/2, 1e-7),
	} {
		fmt.Printf("%v: ", z)
		show("tan", cmplx.Tan(z))
		show("cot", cmplx.Cot(z))
		fmt.Println()
	}
	for k := 0; k < 40; k++ {
		a := float64(1<<30) + float64(k)*0.37
		z := complex(a, 0.05)
		fmt.Printf("%v: ", z)
		show("tan", cmplx.Tan(z))
		show("cot", cmplx.Cot(z))
		fmt.Println()
	}
	for _, a := range []float64{1e15, 3e17, 1e20, 7.5e200} {
		z := complex(a, 1e-3)
		fmt.Printf("%v: ", z)
		show("tan", cmplx.Tan(z))
		show("cot", cmplx.Cot(z))
		fmt.Println()
	}
	// Identities on ordinary values.
	for _, z := range []complex128{complex(0.3, 0.4), complex(-2, 1.5), complex(5, -7), complex(1e-3, 10)} {
		show("sin(asin)", cmplx.Sin(cmplx.Asin(z)))
		show("tan(atan)", cmplx.Tan(cmplx.Atan(z)))
		show("cosh(acosh)", cmplx.Cosh(cmplx.Acosh(z)))
		fmt.Println()
	}
	// Pow's special cases.
	for _, x := range []complex128{0, complex(negz, 0), 1, complex(-1, 0), complex(0, 1), complex(2, -3), cmplx.Inf()} {
		for _, y := range []complex128{0, 1, -1, complex(0.5, 0), complex(-2, 1), complex(0, 1), complex(nan, 0), complex(3, nan), complex(-1, 0)} {
			fmt.Printf("pow(%v,%v)=", x, y)
			show("", cmplx.Pow(x, y))
		}
		fmt.Println()
	}
}
