package main

import (
	"fmt"
	"math"
)

func div(a, b complex128) complex128 { return a / b }

func div64(a, b complex64) complex64 { return a / b }

func main() {
	inf, nan := math.Inf(1), math.NaN()
	negz := math.Copysign(0, -1)
	vals := []complex128{0, complex(negz, 0), 1, -1, 1i, 2 + 3i, -4 - 5i, 1e308 + 1e308i, 1e-308 - 1e-308i,
		complex(inf, 0), complex(0, inf), complex(-inf, 1), complex(nan, 0), complex(1, nan), complex(inf, inf), complex(nan, inf)}
	for _, x := range vals {
		for _, y := range vals {
			fmt.Print(div(x, y), " ")
		}
		fmt.Println()
	}
	var zero complex128
	fmt.Println(1/zero, (1+1i)/zero, -1/zero, zero/zero)
	fmt.Println(div64(1, 0), div64(3+4i, 1-2i), div64(1e38+1e38i, 1e-38))
	var f32 complex64 = 1e30 + 1e30i
	fmt.Println(f32*f32, f32*f32/f32, complex128(f32)*complex128(f32))
	// Go computes complex64 products in float64 before rounding.
	var m, n complex64 = 3e19 + 1i, 3e19 - 1i
	fmt.Println(m*n, real(m*n))
	defer func() { fmt.Println("recovered:", recover()) }()
	z := 1 + 2i
	z /= zero
	fmt.Println(z, "no panic")
	i := 0
	fmt.Println(1 / i)
}
