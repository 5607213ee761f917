//! Untyped float values, as `go/constant` keeps them: an exact fraction
//! (`ratVal`) while numerator and denominator stay below [`EXACT_RAT_BITS`]
//! bits, a rounded 512-bit [`BigFloat`] (`floatVal`) past that, never back.
//!
//! The rules are `go/constant`'s, so that the same expressions are exact,
//! rounded or out of range as in Go:
//!
//! * a literal is a fraction when its value, rounded to 512 bits, has a
//!   binary exponent within ±4096 (`smallFloat`), else a `BigFloat`
//!   (`literal`);
//! * an operation on two fractions is exact, and its result becomes a
//!   `BigFloat` when a component reaches 4096 bits (`makeRat`); an
//!   operation with a `BigFloat` operand rounds the other operand to 512
//!   bits (`rtof`) and the result (`match`, `makeFloat`); a result past
//!   `big.Float`'s exponent range is [`ConstError::NotRepresentable`];
//! * comparison follows the same matching: two fractions compare exactly,
//!   anything else as 512-bit floats;
//! * integers meet floats as fractions (gol's integers stay below 4096
//!   bits, where `go/constant` makes them fractions too).
//!
//! Equality (`==` on values, not Go's `==`) is exact, so that it is an
//! equivalence: a fraction equals a `BigFloat` only if their values agree.

use super::bigfloat::BigFloat;
use super::rounding::{float_bits, BinaryFormat};
use super::*;
use std::borrow::Cow;

/// An untyped float value: exact or rounded.
#[derive(Clone, Debug)]
pub enum Float {
    /// Exact (`go/constant`'s `ratVal`).
    Rat(BigRational),
    /// Rounded to 512 bits (`floatVal`).
    Big(BigFloat),
}

impl Default for Float {
    fn default() -> Float {
        Float::Rat(BigRational::zero())
    }
}

impl PartialEq for Float {
    fn eq(&self, o: &Float) -> bool {
        match (self, o) {
            (Float::Rat(a), Float::Rat(b)) => a == b,
            (Float::Big(a), Float::Big(b)) => a == b,
            (Float::Rat(r), Float::Big(f)) | (Float::Big(f), Float::Rat(r)) => {
                f.is_small() && f.to_rat() == *r
            }
        }
    }
}

impl Float {
    pub fn is_zero(&self) -> bool {
        match self {
            Float::Rat(r) => r.is_zero(),
            Float::Big(f) => f.is_zero(),
        }
    }

    pub(super) fn neg(&self) -> Float {
        match self {
            Float::Rat(r) => Float::Rat(-r),
            Float::Big(f) => Float::Big(f.neg()),
        }
    }

    /// An integer as a float (`go/constant`'s `ToFloat` of an `Int`).
    pub(super) fn from_int(n: &BigInt) -> Float {
        Float::Rat(BigRational::from_integer(n.clone()))
    }

    /// A float64 value exactly (`MakeFloat64`, a fraction; -0 is 0).
    pub(super) fn from_f64(x: f64) -> Float {
        Float::Rat(BigRational::from_float(x).unwrap_or_default())
    }

    /// `makeRat`: a fraction while both components stay below 4096 bits.
    pub(super) fn from_rat(r: BigRational) -> Result<Float, ConstError> {
        if r.numer().bits() < EXACT_RAT_BITS && r.denom().bits() < EXACT_RAT_BITS {
            return Ok(Float::Rat(r));
        }
        BigFloat::from_rat(&r, FLOAT_MANT_BITS)
            .map(Float::Big)
            .ok_or(ConstError::NotRepresentable)
    }

    /// The value as a 512-bit float (`rtof`); `None` only for a fraction
    /// too large for `big.Float`'s exponent, which cannot be built.
    fn to_big(&self) -> Option<Cow<'_, BigFloat>> {
        match self {
            Float::Rat(r) => BigFloat::from_rat(r, FLOAT_MANT_BITS).map(Cow::Owned),
            Float::Big(f) => Some(Cow::Borrowed(f)),
        }
    }

    /// `a op b` for `+ - * /` (the caller has ruled out division by zero).
    pub(super) fn arith(op: BinaryOp, a: &Float, b: &Float) -> Result<Float, ConstError> {
        use BinaryOp::*;
        if let (Float::Rat(a), Float::Rat(b)) = (a, b) {
            return Float::from_rat(match op {
                Add => a + b,
                Sub => a - b,
                Mul => a * b,
                Div => a / b,
                _ => return Err(ConstError::Invalid),
            });
        }
        let (Some(a), Some(b)) = (a.to_big(), b.to_big()) else {
            return Err(ConstError::NotRepresentable);
        };
        let p = FLOAT_MANT_BITS;
        let r = match op {
            Add => a.add(&b, p),
            Sub => a.sub(&b, p),
            Mul => a.mul(&b, p),
            Div => a.quo(&b, p),
            _ => return Err(ConstError::Invalid),
        };
        r.map(Float::Big).ok_or(ConstError::NotRepresentable)
    }

    /// Go's comparison of two float constants (`constant.Compare`).
    pub(super) fn cmp(&self, o: &Float) -> Ordering {
        if let (Float::Rat(a), Float::Rat(b)) = (self, o) {
            return a.cmp(b);
        }
        match (self.to_big(), o.to_big()) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => Ordering::Equal,
        }
    }

    /// `ToInt`: the integer value, if the float is one (a `BigFloat` that
    /// is one up to rounding counts, as in Go).
    pub(super) fn to_int(&self) -> Option<BigInt> {
        match self {
            Float::Rat(r) => r.is_integer().then(|| r.to_integer()),
            Float::Big(f) => f.to_int(),
        }
    }

    /// The nearest value of an IEEE format as its bits (`Float64Val`,
    /// `Float32Val`); `None` on overflow.
    pub(super) fn float_bits(&self, fmt: &BinaryFormat) -> Option<u64> {
        match self {
            Float::Rat(r) => float_bits(
                r.is_negative(),
                r.numer().magnitude(),
                r.denom().magnitude(),
                0,
                fmt,
            ),
            Float::Big(f) => {
                let (neg, m, e) = f.parts();
                float_bits(neg, m, &BigUint::one(), e, fmt)
            }
        }
    }

    /// The value rounded to 512 bits as `go/constant`'s `String` sees it:
    /// `(negative, mantissa, exponent)` with the value `±m · 2^e`, or
    /// `None` for zero.
    pub(super) fn rounded_parts(&self) -> Option<(bool, BigUint, i64)> {
        let f = self.to_big()?;
        if f.is_zero() {
            return None;
        }
        let (neg, m, e) = f.parts();
        Some((neg, m.clone(), e))
    }
}
