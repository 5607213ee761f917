//! Representability and conversion: a value checked and rounded for a
//! basic kind, as the checker asks when an untyped constant meets a typed
//! context, and the value as a machine integer or float for the code
//! generator. These are the only places an exact value loses precision.

use super::rounding::{BINARY32, BINARY64};
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
            UntypedFloat => match self.to_float() {
                Some(f) => Ok(Value::Float(f)),
                None => Err(ConstError::Invalid),
            },
            // Go's roundFloat32/roundFloat64: the nearest value, kept as
            // the exact fraction of that float (`MakeFloat64`).
            Float32 => {
                let f = self.to_float().ok_or(ConstError::Invalid)?;
                let bits = f.float_bits(&BINARY32).ok_or(ConstError::Overflow)?;
                let x = f32::from_bits(bits as u32);
                Ok(Value::Float(Float::from_f64(f64::from(x))))
            }
            Float64 => {
                let f = self.to_float().ok_or(ConstError::Invalid)?;
                let bits = f.float_bits(&BINARY64).ok_or(ConstError::Overflow)?;
                Ok(Value::Float(Float::from_f64(f64::from_bits(bits))))
            }
            UntypedInt | UntypedRune => match self {
                Value::Int(_) => Ok(self.clone()),
                Value::Float(f) => match f.to_int() {
                    Some(n) => Ok(Value::Int(n)),
                    None => Err(ConstError::Truncated),
                },
                _ => Err(ConstError::Invalid),
            },
            Int | Int8 | Int16 | Int32 | Int64 | Uint | Uint8 | Uint16 | Uint32 | Uint64
            | Uintptr => {
                let n = match self {
                    Value::Int(n) => n.clone(),
                    Value::Float(f) => f.to_int().ok_or(ConstError::Truncated)?,
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

    /// Whether the value is an integer, or a float with an integral value
    /// (as `go/constant`'s `ToInt` decides it).
    pub fn is_integral(&self) -> bool {
        self.to_int_exact().is_some()
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
        self.to_float()?.float_bits(&BINARY64).map(f64::from_bits)
    }

    /// Nearest float32, as [`Value::to_f64`] (for typed float32 constants).
    pub(crate) fn to_f32(&self) -> Option<f32> {
        self.to_float()?
            .float_bits(&BINARY32)
            .map(|b| f32::from_bits(b as u32))
    }

    /// `go/constant`'s `ToInt`: the value as an integer if it is one.
    pub(super) fn to_int_exact(&self) -> Option<BigInt> {
        match self {
            Value::Int(n) => Some(n.clone()),
            Value::Float(f) => f.to_int(),
            // A complex constant with a zero imaginary part is usable as
            // an integer (`(1 + 0i) << s`, `make([]T, 2+0i)`).
            Value::Complex(re, im) if im.is_zero() => re.to_int(),
            _ => None,
        }
    }

    /// `go/constant`'s `ToFloat` of a real number (an integer becomes a
    /// fraction); `None` for everything else, complex values included.
    pub(super) fn to_float(&self) -> Option<Float> {
        match self {
            Value::Int(n) => Some(Float::from_int(n)),
            Value::Float(f) => Some(f.clone()),
            _ => None,
        }
    }
}
