// Package cmplx: basic functions of complex128 values, written in Go
// over package math. Special values (infinities, NaNs, signed zeros)
// follow C99's Annex G, as Go's own package does.
//
// Here: Abs, Conj, Phase, Polar, Rect, Inf, NaN, IsInf, IsNaN, Exp,
// Log, Log10, Sqrt, Pow, Sin, Cos, Sinh, Cosh. Not here yet: Tan, Tanh,
// Cot and the inverse trigonometric and hyperbolic functions (Asin,
// Acos, Atan, Asinh, Acosh, Atanh), whose series near the poles are
// longer work. The formulas are the ones that give Go's results bit for
// bit (the same operations in the same order): the scaled half-angle
// square root, exp(y log x) for Pow, and sinh and cosh from one
// exponential.
package cmplx

import "math"

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
