// Package cmplx: basic functions of complex128 values, written in Go
// over package math. Special values (infinities, NaNs, signed zeros)
// follow C99's Annex G, as Go's own package does.
//
// The formulas are the ones that give Go's results bit for bit (the
// same operations in the same order): the scaled half-angle square root,
// exp(y log x) for Pow, sinh and cosh from one exponential, tan and cot
// as quotients of real functions of the doubled parts with a Taylor
// series for the denominator near the poles, and the inverse functions
// as logarithms (asin z = -i log(iz + sqrt(1 - z²)), asinh z = log(z +
// sqrt(1 + z²))) or, for atan, from atan2 and a ratio of moduli.
package cmplx

import (
	"math"
	"math/bits"
)

// Abs returns the absolute value (modulus) of x.
func Abs(x complex128) float64 { return math.Hypot(real(x), imag(x)) }

// Conj returns the complex conjugate of x.
func Conj(x complex128) complex128 { return complex(real(x), -imag(x)) }

// Phase returns the argument of x, in [-Pi, Pi].
func Phase(x complex128) float64 { return math.Atan2(imag(x), real(x)) }

// Polar returns the modulus and the argument of x.
func Polar(x complex128) (r, θ float64) { return Abs(x), Phase(x) }

// Rect returns the complex number with modulus r and argument θ.
func Rect(r, θ float64) complex128 {
	sin, cos := math.Sincos(θ)
	return complex(r*cos, r*sin)
}

// Inf returns a complex infinity, complex(+Inf, +Inf).
func Inf() complex128 {
	inf := math.Inf(1)
	return complex(inf, inf)
}

// NaN returns a complex "not-a-number" value.
func NaN() complex128 {
	nan := math.NaN()
	return complex(nan, nan)
}

// IsInf reports whether either part of x is an infinity.
func IsInf(x complex128) bool {
	return math.IsInf(real(x), 0) || math.IsInf(imag(x), 0)
}

// IsNaN reports whether either part of x is NaN and neither is an
// infinity.
func IsNaN(x complex128) bool {
	if IsInf(x) {
		return false
	}
	return math.IsNaN(real(x)) || math.IsNaN(imag(x))
}

// Exp returns e**x.
func Exp(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(re, 0) {
		if re > 0 && im == 0 {
			return x
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			// The modulus is 0 or infinite; the argument is unknown.
			if re < 0 {
				return complex(0, math.Copysign(0, im))
			}
			return complex(math.Inf(1), math.NaN())
		}
	} else if math.IsNaN(re) && im == 0 {
		return complex(math.NaN(), im)
	}
	mod := math.Exp(re)
	sin, cos := math.Sincos(im)
	return complex(mod*cos, mod*sin)
}

// Log returns the natural logarithm of x (the principal value).
func Log(x complex128) complex128 {
	return complex(math.Log(Abs(x)), Phase(x))
}

// Log10 returns the decimal logarithm of x.
func Log10(x complex128) complex128 {
	z := Log(x)
	return complex(math.Log10E*real(z), math.Log10E*imag(z))
}

// Sqrt returns the square root of x, the root with a non-negative real
// part (and an imaginary part of the sign of imag(x)).
func Sqrt(x complex128) complex128 {
	a, b := real(x), imag(x)
	if b == 0 {
		// A real number: keep the sign of a zero imaginary part.
		switch {
		case a == 0:
			return complex(0, b)
		case a < 0:
			return complex(0, math.Copysign(math.Sqrt(-a), b))
		}
		return complex(math.Sqrt(a), b)
	}
	if math.IsInf(b, 0) {
		return complex(math.Inf(1), b)
	}
	if a == 0 {
		// sqrt(bi) = sqrt(|b|/2) (1 ± i).
		if b < 0 {
			t := math.Sqrt(-0.5 * b)
			return complex(t, -t)
		}
		t := math.Sqrt(0.5 * b)
		return complex(t, t)
	}
	// With m = |x|, the root is u + vi where u = sqrt((m+|a|)/2) and
	// v = b/(2u) (or the two swapped for a < 0), which loses no
	// precision to cancellation. The operands are scaled first so that
	// m neither overflows nor underflows: by 1/4 (undone by 2) when
	// large, by 2**54 (undone by 2**-27) when small.
	var scale float64
	if math.Abs(a) > 4 || math.Abs(b) > 4 {
		a, b = 0.25*a, 0.25*b
		scale = 2
	} else {
		a, b = 1.8014398509481984e16*a, 1.8014398509481984e16*b
		scale = 7.450580596923828125e-9
	}
	m := math.Hypot(a, b)
	var u, v float64
	if a > 0 {
		u = math.Sqrt(0.5*m + 0.5*a)
		v = scale * math.Abs((0.5*b)/u)
		u *= scale
	} else {
		v = math.Sqrt(0.5*m - 0.5*a)
		u = scale * math.Abs((0.5*b)/v)
		v *= scale
	}
	if b < 0 {
		return complex(u, -v)
	}
	return complex(u, v)
}

// Pow returns x**y, the principal value; Pow(0, y) is 0 for real(y) > 0,
// 1 for y == 0 and an infinity for real(y) < 0.
func Pow(x, y complex128) complex128 {
	if x == 0 {
		if IsNaN(y) {
			return NaN()
		}
		re, im := real(y), imag(y)
		switch {
		case re == 0:
			return 1
		case re < 0:
			if im == 0 {
				return complex(math.Inf(1), 0)
			}
			return Inf()
		}
		return 0
	}
	mod := Abs(x)
	if mod == 0 {
		return complex(0, 0)
	}
	// x**y = exp(y log x): modulus mod**re(y) * e**(-im(y) arg x),
	// argument re(y) arg x + im(y) log mod.
	r := math.Pow(mod, real(y))
	arg := Phase(x)
	theta := real(y) * arg
	if imag(y) != 0 {
		r *= math.Exp(-imag(y) * arg)
		theta += imag(y) * math.Log(mod)
	}
	sin, cos := math.Sincos(theta)
	return complex(r*cos, r*sin)
}

// sinhcosh returns sinh(x) and cosh(x), from one exponential when |x|
// is not small.
func sinhcosh(x float64) (sh, ch float64) {
	if math.Abs(x) <= 0.5 {
		return math.Sinh(x), math.Cosh(x)
	}
	e := math.Exp(x)
	ei := 0.5 / e
	e *= 0.5
	return e - ei, e + ei
}

// Sin returns the sine of x.
func Sin(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && (math.IsInf(re, 0) || math.IsNaN(re)):
		return complex(math.NaN(), im)
	case math.IsInf(im, 0):
		if re == 0 {
			return x
		}
		if math.IsInf(re, 0) || math.IsNaN(re) {
			return complex(math.NaN(), im)
		}
	case re == 0 && math.IsNaN(im):
		return x
	}
	sin, cos := math.Sincos(re)
	sh, ch := sinhcosh(im)
	return complex(sin*ch, cos*sh)
}

// Cos returns the cosine of x.
func Cos(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && (math.IsInf(re, 0) || math.IsNaN(re)):
		return complex(math.NaN(), -im*math.Copysign(0, re))
	case math.IsInf(im, 0):
		if re == 0 {
			return complex(math.Inf(1), -re*math.Copysign(0, im))
		}
		if math.IsInf(re, 0) || math.IsNaN(re) {
			return complex(math.Inf(1), math.NaN())
		}
	case re == 0 && math.IsNaN(im):
		return complex(math.NaN(), 0)
	}
	sin, cos := math.Sincos(re)
	sh, ch := sinhcosh(im)
	return complex(cos*ch, -sin*sh)
}

// Sinh returns the hyperbolic sine of x: sinh(a)cos(b) + i cosh(a)sin(b).
func Sinh(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case re == 0 && (math.IsInf(im, 0) || math.IsNaN(im)):
		return complex(re, math.NaN())
	case math.IsInf(re, 0):
		if im == 0 {
			return x
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(re, math.NaN())
		}
	case im == 0 && math.IsNaN(re):
		return complex(math.NaN(), im)
	}
	sin, cos := math.Sincos(im)
	sh, ch := sinhcosh(re)
	return complex(cos*sh, sin*ch)
}

// Cosh returns the hyperbolic cosine of x.
func Cosh(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case re == 0 && (math.IsInf(im, 0) || math.IsNaN(im)):
		return complex(math.NaN(), re*math.Copysign(0, im))
	case math.IsInf(re, 0):
		if im == 0 {
			return complex(math.Inf(1), im*math.Copysign(0, re))
		}
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(math.Inf(1), math.NaN())
		}
	case im == 0 && math.IsNaN(re):
		return complex(math.NaN(), im)
	}
	sin, cos := math.Sincos(im)
	sh, ch := sinhcosh(re)
	return complex(cos*ch, sin*sh)
}

// Tan returns the tangent of x:
// tan(a+bi) = (sin 2a + i sinh 2b) / (cos 2a + cosh 2b).
func Tan(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(im, 0) {
		// The quotient tends to ±i; the real part keeps sin 2a's sign.
		if math.IsInf(re, 0) || math.IsNaN(re) {
			return complex(math.Copysign(0, re), math.Copysign(1, im))
		}
		return complex(math.Copysign(0, math.Sin(2*re)), math.Copysign(1, im))
	}
	if re == 0 && math.IsNaN(im) {
		return x
	}
	den := math.Cos(2*re) + math.Cosh(2*im)
	if math.Abs(den) < 0.25 {
		// Near a pole the sum cancels: sum its series instead.
		den = tanSeries(x)
	}
	if den == 0 {
		return Inf()
	}
	return complex(math.Sin(2*re)/den, math.Sinh(2*im)/den)
}

// Tanh returns the hyperbolic tangent of x:
// tanh(a+bi) = (sinh 2a + i sin 2b) / (cosh 2a + cos 2b).
func Tanh(x complex128) complex128 {
	re, im := real(x), imag(x)
	if math.IsInf(re, 0) {
		if math.IsInf(im, 0) || math.IsNaN(im) {
			return complex(math.Copysign(1, re), math.Copysign(0, im))
		}
		return complex(math.Copysign(1, re), math.Copysign(0, math.Sin(2*im)))
	}
	if im == 0 && math.IsNaN(re) {
		return x
	}
	den := math.Cosh(2*re) + math.Cos(2*im)
	if den == 0 {
		return Inf()
	}
	return complex(math.Sinh(2*re)/den, math.Sin(2*im)/den)
}

// Cot returns the cotangent of x:
// cot(a+bi) = (sin 2a - i sinh 2b) / (cosh 2b - cos 2a).
func Cot(x complex128) complex128 {
	re, im := real(x), imag(x)
	den := math.Cosh(2*im) - math.Cos(2*re)
	if math.Abs(den) < 0.25 {
		den = tanSeries(x)
	}
	if den == 0 {
		return Inf()
	}
	return complex(math.Sin(2*re)/den, -math.Sinh(2*im)/den)
}

// reducePi returns x reduced into [-Pi/2, Pi/2] by a multiple of Pi.
// Below 2**30 the multiple is subtracted in three parts of Pi (Cody and
// Waite: the first two exact in 24 bits each, so their products with
// the multiple are exact); above, by Payne and Hanek: the fraction of
// x/Pi is taken from a product of x's mantissa with the bits of 1/Pi
// starting at x's exponent.
func reducePi(x float64) float64 {
	if math.Abs(x) < 1<<30 {
		const (
			pi1 = 3.141592502593994      // Pi to 24 bits
			pi2 = 1.5099578831723193e-07 // the next 24 bits
			pi3 = 1.0780605716316238e-14 // the rest, rounded
		)
		k := float64(int64(x/math.Pi + 0.5))
		return ((x - k*pi1) - k*pi2) - k*pi3
	}
	const (
		mantBits = 52
		expBias  = 1023
	)
	ix := math.Float64bits(x)
	e := int(ix>>mantBits&0x7FF) - expBias - mantBits
	m := ix&(1<<mantBits-1) | 1<<mantBits
	// x = m * 2**e; the bits of 1/Pi from 2**-e on, three words.
	word, shift := uint(e+64)/64, uint(e+64)%64
	w0 := invPi[word]<<shift | invPi[word+1]>>(64-shift)
	w1 := invPi[word+1]<<shift | invPi[word+2]>>(64-shift)
	w2 := invPi[word+2]<<shift | invPi[word+3]>>(64-shift)
	// The fraction of m * (w0.w1w2) in 128 bits: the integer part
	// (even multiples of Pi) falls off the top.
	h2, _ := bits.Mul64(w2, m)
	h1, l1 := bits.Mul64(w1, m)
	lo, carry := bits.Add64(l1, h2, 0)
	hi, _ := bits.Add64(w0*m, h1, carry)
	// Normalise into a float64 in [0, 1).
	lz := uint(bits.LeadingZeros64(hi))
	exp := uint64(expBias - (lz + 1))
	hi = hi<<(lz+1) | lo>>(64-(lz+1))
	frac := math.Float64frombits(exp<<mantBits | hi>>(64-mantBits))
	if frac > 0.5 {
		frac--
	}
	return math.Pi * frac
}

// invPi holds the binary digits of 1/Pi, 64 to a word, the integer part
// (zero) first.
var invPi = [...]uint64{
	0x0000000000000000, 0x517cc1b727220a94, 0xfe13abe8fa9a6ee0, 0x6db14acc9e21c820,
	0xff28b1d5ef5de2b0, 0xdb92371d2126e970, 0x0324977504e8c90e, 0x7f0ef58e5894d39f,
	0x74411afa975da242, 0x74ce38135a2fbf20, 0x9cc8eb1cc1a99cfa, 0x4e422fc5defc941d,
	0x8ffc4bffef02cc07, 0xf79788c5ad05368f, 0xb69b3f6793e584db, 0xa7a31fb34f2ff516,
	0xba93dd63f5f2f8bd, 0x9e839cfbc5294975, 0x35fdafd88fc6ae84, 0x2b0198237e3db5d5,
}

// tanSeries returns cosh 2b - cos 2a for z = a+bi (the denominator of
// tan and cot near their poles, up to sign) as the series
// sum over n >= 1 of (y**n - (-x)**n) / (2n)!, with x = (2a mod Pi)**2
// and y = (2b)**2, summed term pair by term pair until the last term no
// longer changes the sum.
func tanSeries(z complex128) float64 {
	const eps = 1.0 / (1 << 53)
	x := reducePi(math.Abs(2 * real(z)))
	x *= x
	y := math.Abs(2 * imag(z))
	y *= y
	xn, yn := 1.0, 1.0
	fact, n := 1.0, 0.0
	sum := 0.0
	for {
		// Term 2k+1: (y**n + x**n) / (2n)!, n odd.
		n++
		fact *= n
		n++
		fact *= n
		xn *= x
		yn *= y
		t := (yn + xn) / fact
		sum += t
		// Term 2k+2: (y**n - x**n) / (2n)!, n even.
		n++
		fact *= n
		n++
		fact *= n
		xn *= x
		yn *= y
		t = (yn - xn) / fact
		sum += t
		if !(math.Abs(t/sum) > eps) {
			return sum
		}
	}
}

// Asin returns the inverse sine of x:
// asin z = -i log(iz + sqrt(1 - z²)).
func Asin(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && math.Abs(re) <= 1:
		return complex(math.Asin(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Asinh(im))
	case math.IsNaN(im):
		if re == 0 {
			return complex(re, math.NaN())
		}
		if math.IsInf(re, 0) {
			return complex(math.NaN(), re)
		}
		return NaN()
	case math.IsInf(im, 0):
		if math.IsNaN(re) {
			return x
		}
		if math.IsInf(re, 0) {
			return complex(math.Copysign(math.Pi/4, re), im)
		}
		return complex(math.Copysign(0, re), im)
	case math.IsInf(re, 0):
		return complex(math.Copysign(math.Pi/2, re), math.Copysign(re, im))
	}
	iz := complex(-im, re)
	sq := x * x
	root := Sqrt(complex(1-real(sq), -imag(sq)))
	w := Log(iz + root)
	return complex(imag(w), -real(w))
}

// Asinh returns the inverse hyperbolic sine of x:
// asinh z = log(z + sqrt(1 + z²)).
func Asinh(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0 && math.Abs(re) <= 1:
		return complex(math.Asinh(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Asin(im))
	case math.IsInf(re, 0):
		if math.IsInf(im, 0) {
			return complex(re, math.Copysign(math.Pi/4, im))
		}
		if math.IsNaN(im) {
			return x
		}
		return complex(re, math.Copysign(0, im))
	case math.IsNaN(re):
		if im == 0 {
			return x
		}
		if math.IsInf(im, 0) {
			return complex(im, re)
		}
		return NaN()
	case math.IsInf(im, 0):
		return complex(math.Copysign(im, re), math.Copysign(math.Pi/2, im))
	}
	sq := x * x
	return Log(x + Sqrt(complex(1+real(sq), imag(sq))))
}

// Acos returns the inverse cosine of x: Pi/2 - asin x.
func Acos(x complex128) complex128 {
	w := Asin(x)
	return complex(math.Pi/2-real(w), -imag(w))
}

// Acosh returns the inverse hyperbolic cosine of x: ±i acos x, the root
// with a non-negative real part.
func Acosh(x complex128) complex128 {
	if x == 0 {
		return complex(0, math.Copysign(math.Pi/2, imag(x)))
	}
	w := Acos(x)
	if imag(w) <= 0 {
		return complex(-imag(w), real(w))
	}
	return complex(imag(w), -real(w))
}

// Atan returns the inverse tangent of x:
// atan(a+bi) = ½ atan2(2a, 1 - a² - b²) + ¼ i log((a² + (b+1)²) / (a² + (b-1)²)),
// the real part reduced into [-Pi/2, Pi/2].
func Atan(x complex128) complex128 {
	re, im := real(x), imag(x)
	switch {
	case im == 0:
		return complex(math.Atan(re), im)
	case re == 0 && math.Abs(im) <= 1:
		return complex(re, math.Atanh(im))
	case math.IsInf(im, 0) || math.IsInf(re, 0):
		if math.IsNaN(re) {
			return complex(math.NaN(), math.Copysign(0, im))
		}
		return complex(math.Copysign(math.Pi/2, re), math.Copysign(0, im))
	case math.IsNaN(re) || math.IsNaN(im):
		return NaN()
	}
	re2 := re * re
	den := 1 - re2 - im*im
	if den == 0 {
		return NaN()
	}
	half := reducePi(0.5 * math.Atan2(2*re, den))
	below := im - 1
	lower := re2 + below*below
	if lower == 0 {
		return NaN()
	}
	above := im + 1
	ratio := (re2 + above*above) / lower
	return complex(half, 0.25*math.Log(ratio))
}

// Atanh returns the inverse hyperbolic tangent of x: -i atan(ix).
func Atanh(x complex128) complex128 {
	z := Atan(complex(-imag(x), real(x)))
	return complex(imag(z), -real(z))
}
