//! Complex constants: imaginary literals, the four arithmetic operators
//! and equality on `(re, im)` pairs of floats, as `go/constant` computes
//! them: each operator is composed of float operations in Go's order
//! (`(a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (c²+d²)`), each of which is
//! exact or rounded by the rules of `float`, so a complex expression is as
//! cheap to bound as a few float ones and rounds as Go's does. A zero
//! divisor is the checker's `division by zero`, as for every other
//! constant.

use super::*;

impl Value {
    /// Parses an imaginary literal's text (`2i`, `1.5e3i`, `0x1p-2i`,
    /// `0b101i`) to `Complex(0, value)`. An integer part of decimal digits
    /// only is decimal even with a leading 0 (`0123i` is 123i, as the spec
    /// keeps for backward compatibility).
    pub(crate) fn from_imag_literal(text: &str) -> Result<Value, ConstError> {
        let body = text.strip_suffix('i').ok_or(ConstError::Invalid)?;
        let lower = body.to_ascii_lowercase();
        let v = if body.chars().all(|c| c.is_ascii_digit() || c == '_') {
            let digits: String = body.chars().filter(|&c| c != '_').collect();
            let digits = digits.trim_start_matches('0');
            Value::from_int_literal(if digits.is_empty() { "0" } else { digits })?
        } else if (lower.starts_with("0x") && !lower.contains('p'))
            || lower.starts_with("0o")
            || lower.starts_with("0b")
        {
            Value::from_int_literal(body)?
        } else {
            Value::from_float_literal(body)?
        };
        let im = v.to_float().ok_or(ConstError::Invalid)?;
        Ok(Value::Complex(Float::default(), im))
    }

    /// The value as a complex pair: any number (an `Int` or `Float` has a
    /// zero imaginary part); `None` for non-numbers.
    pub(crate) fn to_complex(&self) -> Option<(Float, Float)> {
        match self {
            Value::Complex(re, im) => Some((re.clone(), im.clone())),
            _ => Some((self.to_float()?, Float::default())),
        }
    }

    /// `x op y` where at least one operand is complex (the checker has
    /// converted both to one complex kind).
    pub(super) fn complex_binary(op: BinaryOp, x: &Value, y: &Value) -> Result<Value, ConstError> {
        use BinaryOp::*;
        let ((a, b), (c, d)) = match (x.to_complex(), y.to_complex()) {
            (Some(p), Some(q)) => (p, q),
            _ => return Err(ConstError::Invalid),
        };
        let f = |op, x: &Float, y: &Float| Float::arith(op, x, y);
        let (re, im) = match op {
            Eq | Ne => return Ok(Value::Bool(Value::compare(op, x, y))),
            Add => (f(Add, &a, &c)?, f(Add, &b, &d)?),
            Sub => (f(Sub, &a, &c)?, f(Sub, &b, &d)?),
            Mul => {
                let (ac, bd) = (f(Mul, &a, &c)?, f(Mul, &b, &d)?);
                let (bc, ad) = (f(Mul, &b, &c)?, f(Mul, &a, &d)?);
                (f(Sub, &ac, &bd)?, f(Add, &bc, &ad)?)
            }
            Div => {
                let (ac, bd) = (f(Mul, &a, &c)?, f(Mul, &b, &d)?);
                let (bc, ad) = (f(Mul, &b, &c)?, f(Mul, &a, &d)?);
                if c.is_zero() && d.is_zero() {
                    return Err(ConstError::DivisionByZero);
                }
                let s = f(Add, &f(Mul, &c, &c)?, &f(Mul, &d, &d)?)?;
                if s.is_zero() {
                    // c² + d² underflowed: Go divides by zero into an
                    // infinity, an unknown value.
                    return Err(ConstError::NotRepresentable);
                }
                (
                    f(Div, &f(Add, &ac, &bd)?, &s)?,
                    f(Div, &f(Sub, &bc, &ad)?, &s)?,
                )
            }
            _ => return Err(ConstError::Invalid),
        };
        Ok(Value::Complex(re, im))
    }

    /// The real part (`real(x)` of a constant): a `Float`.
    pub(crate) fn real_part(&self) -> Option<Value> {
        Some(Value::Float(self.to_complex()?.0))
    }

    /// The imaginary part (`imag(x)` of a constant): a `Float`.
    pub(crate) fn imag_part(&self) -> Option<Value> {
        Some(Value::Float(self.to_complex()?.1))
    }

    /// Nearest complex128 parts (for code generation).
    pub(crate) fn to_c128(&self) -> Option<(f64, f64)> {
        let (re, im) = self.to_complex()?;
        Some((Value::Float(re).to_f64()?, Value::Float(im).to_f64()?))
    }

    /// Nearest complex64 parts, as f64 (for code generation).
    pub(crate) fn to_c64(&self) -> Option<(f64, f64)> {
        let (re, im) = self.to_complex()?;
        Some((
            f64::from(Value::Float(re).to_f32()?),
            f64::from(Value::Float(im).to_f32()?),
        ))
    }
}
