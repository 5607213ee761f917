package main

import "fmt"

const (
	a = 1 + 2i
	b = 3 - 4i
	p = a * b
	q = a / b
	r = real(q)
	s = imag(q)
	// Exact: far beyond float64 in the middle, back in range at the end.
	big  = 1e300i * 1e300i / 1e600
	tiny = (1e-200 + 1e-200i) * (1e-200 - 1e-200i) * 1e400
	third = 1 / 3i * 3i
	typed complex64 = 1.1 + 2.2i
	c128 complex128 = 1e100 + 1i
)

type C complex128

func main() {
	fmt.Println(a, b, p, q, r, s)
	fmt.Println(big, tiny, third, third == 1)
	fmt.Println(typed, real(typed), imag(typed), c128)
	fmt.Printf("%T %T %T %T\n", real(typed), imag(c128), complex(float32(1), 2), complex(1, 2))
	fmt.Printf("%T %T %T\n", a, real(a), C(1))
	const f = real(2 + 0i) // untyped float
	var n int = imag(5i)    // an untyped float constant with an integral value
	var x float32 = real(3 + 4i)
	fmt.Println(f, n, x)
	var arr [real(3 + 0i)]int
	fmt.Println(len(arr), 1<<(2+0i), (4+0i)>>1)
	fmt.Println(a == 1+2i, a != b, 2i == complex(0, 2))
	fmt.Println(1i*1i == -1, 0i == 0, -0i)
	fmt.Println(complex(1, 2) == a, complex(real(a), imag(a)) == a)
	fmt.Println(0x10i, 0o17i, 0b101i, 017i, 1_000i, 1e3i, 0x1p-2i, .5i)
	var cc C = 3 + 4i
	cc *= 2
	fmt.Println(cc, C(5i)*cc)
	fmt.Printf("%v %T\n", cc, cc)
}
