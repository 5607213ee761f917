//! Representability and conversion: a value checked and rounded for a
//! basic kind, as the checker asks when an untyped constant meets a typed
//! context, and the value as a machine integer or float for the code
//! generator. These are the only places an exact value loses precision.

use super::rounding::{rat_from_parts, rat_to_float_bits, round_binary, BINARY32, BINARY64};
use super::*;

impl Value {
    /// The value converted to a typed or untyped basic kind, checked as Go
    /// checks it: integers must fit the width (`Overflow`), floats assigned
    /// to integer kinds must be integral (`Truncated`), floats are rounded to
    /// float32/float64 precision (and overflow past their range). Converting
    /// an integer to `string` is not this function's job (the checker does
    /// it), nor is a conversion between numeric kinds that Go defines as
    /// non-constant.
    ///
    /// Integer kinds give `Int` values, float kinds `Float` values (rounded
    /// to nearest even; values below the smallest subnormal round to 0
    /// silently, as in Go). An integral float that does not fit an integer
    /// kind is `Overflow`; note that Go words *every* failure of a float
    /// operand converted to an integer type as `(truncated)`, so the checker
    /// should choose the wording from the operand's type, not from this
    /// error. `int`, `uint` and `uintptr` are 64 bits. `Unknown` stays
    /// `Unknown`; `Invalid` as the kind passes the value through.
    pub(crate) fn represent(&self, kind: BasicKind) -> Result<Value, ConstError> {
        use BasicKind::*;
        if matches!(self, Value::Unknown) || kind == Invalid {
            return Ok(self.clone());
        }
        if let Value::Complex(re, im) = self {
            // A complex value is real in a real kind only when its
            // imaginary part is zero (Go: `(truncated)` or `(overflows)`,
            // which the checker words).
            if !kind.is_complex() {
                if !im.is_zero() || !kind.is_numeric() {
                    return Err(if kind.is_numeric() {
                        ConstError::Overflow
                    } else {
                        ConstError::Invalid
                    });
                }
                return Value::Float(re.clone()).represent(kind);
            }
        }
        match kind {
            Complex64 | Complex128 | UntypedComplex => {
                let (re, im) = self.to_complex().ok_or(ConstError::Invalid)?;
                if kind == UntypedComplex {
                    return Ok(Value::Complex(re, im));
                }
                let part = if kind == Complex64 { Float32 } else { Float64 };
                let re = Value::Float(re).represent(part)?;
                let im = Value::Float(im).represent(part)?;
                match (re, im) {
                    (Value::Float(re), Value::Float(im)) => Ok(Value::Complex(re, im)),
                    _ => Err(ConstError::Invalid),
                }
            }
            Bool | UntypedBool => match self {
                Value::Bool(_) => Ok(self.clone()),
                _ => Err(ConstError::Invalid),
            },
            String | UntypedString => match self {
                Value::String(_) => Ok(self.clone()),
                _ => Err(ConstError::Invalid),
            },
            UntypedNil => Err(ConstError::Invalid),
            Invalid => Ok(self.clone()),
            UntypedFloat => match self.to_rat() {
                Some(r) => Ok(Value::Float(r)),
                None => Err(ConstError::Invalid),
            },
            Float32 | Float64 => {
                let r = self.to_rat().ok_or(ConstError::Invalid)?;
                let fmt = if kind == Float32 {
                    &BINARY32
                } else {
                    &BINARY64
                };
                match round_binary(&r, fmt.mant_bits, Some(fmt.min_ulp_exp)) {
                    None => Ok(Value::Float(BigRational::zero())),
                    Some((m, u)) => {
                        if m.bits() as i64 + u > fmt.max_exp {
                            return Err(ConstError::Overflow);
                        }
                        Ok(Value::Float(rat_from_parts(m, u)))
                    }
                }
            }
            UntypedInt | UntypedRune => match self {
                Value::Int(_) => Ok(self.clone()),
                Value::Float(_) => match self.to_int_exact() {
                    Some(n) => Ok(Value::Int(n)),
                    None => Err(ConstError::Truncated),
                },
                _ => Err(ConstError::Invalid),
            },
            Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64
            | Uintptr => {
                let n = match self {
                    Value::Int(n) => n.clone(),
                    Value::Float(_) => self.to_int_exact().ok_or(ConstError::Truncated)?,
                    _ => return Err(ConstError::Invalid),
                };
                let bits = u64::from(kind.size_bytes().unwrap_or(8)) * 8;
                let fits = if kind.is_unsigned() {
                    !n.is_negative() && n.bits() <= bits
                } else {
                    // -2^(b-1) <= n < 2^(b-1)
                    let limit = BigInt::one() << (bits - 1);
                    n >= -&limit && n < limit
                };
                if fits {
                    Ok(Value::Int(n))
                } else {
                    Err(ConstError::Overflow)
                }
            }
        }
    }

    /// Whether the value is an integer, or a float with an integral value.
    pub fn is_integral(&self) -> bool {
        match self {
            Value::Int(_) => true,
            Value::Float(r) => r.is_integer(),
            Value::Complex(re, im) => re.is_integer() && im.is_zero(),
            _ => false,
        }
    }

    /// The value as an `Int` if integral (floats with integral values too).
    pub(crate) fn to_int(&self) -> Option<BigInt> {
        self.to_int_exact()
    }

    pub(crate) fn to_i64(&self) -> Option<i64> {
        self.to_int_exact()?.to_i64()
    }

    pub(crate) fn to_u64(&self) -> Option<u64> {
        self.to_int_exact()?.to_u64()
    }

    /// Nearest float64 (for code generation of float constants), rounded
    /// half to even from the exact value. `None` for non-numbers and for
    /// values beyond float64's range (which would round to infinity).
    pub(crate) fn to_f64(&self) -> Option<f64> {
        let r = self.to_rat()?;
        rat_to_float_bits(&r, &BINARY64).map(f64::from_bits)
    }

    /// Nearest float32, as [`Value::to_f64`] (for typed float32 constants).
    pub(crate) fn to_f32(&self) -> Option<f32> {
        let r = self.to_rat()?;
        rat_to_float_bits(&r, &BINARY32).map(|b| f32::from_bits(b as u32))
    }

    pub(super) fn to_int_exact(&self) -> Option<BigInt> {
        match self {
            Value::Int(n) => Some(n.clone()),
            Value::Float(r) if r.is_integer() => Some(r.to_integer()),
            // A complex constant with a zero imaginary part is usable as
            // an integer (`(1 + 0i) << s`, `make([]T, 2+0i)`).
            Value::Complex(re, im) if im.is_zero() && re.is_integer() => Some(re.to_integer()),
            _ => None,
        }
    }

    pub(super) fn to_rat(&self) -> Option<BigRational> {
        match self {
            Value::Int(n) => Some(BigRational::from_integer(n.clone())),
            Value::Float(r) => Some(r.clone()),
            _ => None,
        }
    }
}
