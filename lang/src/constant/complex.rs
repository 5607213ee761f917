//! Complex constants: imaginary literals, the four arithmetic operators
//! and equality on `(re, im)` pairs of exact rationals, as `go/constant`
//! computes them. Each part passes the float bounds of `arith`
//! (`float_result`), so a complex expression is as cheap to bound as two
//! float ones. Division is exact: `(a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) /
//! (c²+d²)`, and a zero divisor is the checker's `division by zero`, as
//! for every other constant.

use super::arith::float_result;
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
        let im = v.to_rat().ok_or(ConstError::Invalid)?;
        Ok(Value::Complex(BigRational::zero(), im))
    }

    /// The value as a complex pair: any number (an `Int` or `Float` has a
    /// zero imaginary part); `None` for non-numbers.
    pub(crate) fn to_complex(&self) -> Option<(BigRational, BigRational)> {
        match self {
            Value::Complex(re, im) => Some((re.clone(), im.clone())),
            _ => Some((self.to_rat()?, BigRational::zero())),
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
        let part = |r: BigRational| match float_result(r)? {
            Value::Float(r) => Ok(r),
            _ => Err(ConstError::Invalid),
        };
        let (re, im) = match op {
            Eq | Ne => return Ok(Value::Bool(Value::compare(op, x, y))),
            Add => (part(a + c)?, part(b + d)?),
            Sub => (part(a - c)?, part(b - d)?),
            Mul => (part(&a * &c - &b * &d)?, part(&a * &d + &b * &c)?),
            Div => {
                let den = &c * &c + &d * &d;
                if den.is_zero() {
                    return Err(ConstError::DivisionByZero);
                }
                (
                    part((&a * &c + &b * &d) / &den)?,
                    part((&b * &c - &a * &d) / &den)?,
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
