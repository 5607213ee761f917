package main

import "fmt"

type Pt struct {
	Name string
	Z    complex128
	W    complex64
}

func mul(a, b complex128) complex128 { return a * b }

func main() {
	const c = 1 + 2i
	x := c
	var y complex64 = 3 - 4i
	fmt.Println(x, y, real(x), imag(y), c*c, x*x)
	fmt.Printf("%v %g %.2f %e %T %T\n", x, y, x, x, x, y)
	z := complex(1.5, -2.5)
	z += x
	z *= 2
	z -= 1i
	z /= 2
	fmt.Println(z, -z, z == x, z != x)
	var zero complex128
	fmt.Println(x/zero, zero/zero)
	p := Pt{"a", x, y}
	fmt.Printf("%v %+v\n", p, p)
	arr := [3]complex128{1, 2i, 3 + 3i}
	sl := []complex64{1, 2, 3i}
	sl = append(sl, y)
	m := map[complex128]string{1i: "i", 2: "two"}
	m[x] = "x"
	fmt.Println(arr, sl, m, len(m))
	var i interface{} = x
	switch v := i.(type) {
	case complex64:
		fmt.Println("c64", v)
	case complex128:
		fmt.Println("c128", v)
	}
	ch := make(chan complex64, 2)
	ch <- y
	fmt.Println(<-ch)
	fmt.Println(mul(x, 2))
	println(x, y)
	z2 := complex128(y)
	y2 := complex64(x)
	fmt.Println(z2, y2)
	f32 := float32(1.5)
	fmt.Printf("%T %v\n", complex(f32, f32), complex(f32, 2))
	pp := &p
	pp.W *= 2
	pp.Z++
	fmt.Println(*pp)
}

type Vec [2]complex128

type Shape interface{ Area() complex128 }

type Sq struct{ side complex64 }

func (s Sq) Area() complex128 { return complex128(s.side * s.side) }

func sum(zs ...complex128) (t complex128) {
	for _, z := range zs {
		t += z
	}
	return
}

func init() {
	var v Vec
	v[0] = 1 + 1i
	v[1] = v[0] * v[0]
	fmt.Println(v, v == Vec{1 + 1i, 2i}, sum(v[:]...), sum())
	var s Shape = Sq{2 + 1i}
	fmt.Println(s.Area())
	fmt.Printf("%T %v\n", s, s)
	boxed := []any{1i, complex64(2), 3.0, 4}
	for _, b := range boxed {
		switch b.(type) {
		case complex128:
			fmt.Print("c128 ")
		case complex64:
			fmt.Print("c64 ")
		default:
			fmt.Print("other ")
		}
	}
	fmt.Println()
	var a, b any = 1 + 2i, 1 + 2i
	fmt.Println(a == b, a == any(complex64(1+2i)))
	done := make(chan bool)
	res := make(chan complex128)
	go func() {
		acc := complex(0, 0)
		for i := 0; i < 4; i++ {
			acc += <-res
		}
		fmt.Println("acc", acc)
		done <- true
	}()
	for i := 0; i < 4; i++ {
		res <- complex(float64(i), float64(-i))
	}
	<-done
	neg := -(3 + 4i)
	z := neg
	z = -z
	fmt.Println(neg, z, +z, z*1i, z/1i)
	c := 1 + 0i
	c++
	c--
	c--
	fmt.Println(c)
	h := new(complex64)
	*h = 5i
	*h /= 2
	fmt.Println(*h)
	ptr := &v[1]
	*ptr -= 2i
	fmt.Println(v)
}
