//! Exact values of Go constants.
//!
//! API contract: untyped constants are computed as Go's `go/constant`
//! computes them: integers exactly as `BigInt`, floats as exact fractions
//! while they stay small and as 512-bit binary floats beyond (see
//! `float`), so `1 << 100 >> 98` is 4, `0.1 + 0.2 == 0.3` holds for
//! constants as the Go spec requires, `1e-779137` is a tiny nonzero value
//! and `1e646456992 / 1e646456991` is 10. A value is checked and rounded
//! to a machine type only when converted to a typed kind
//! ([`Value::represent`]).
//!
//! # Limits (what keeps hostile input cheap)
//!
//! Exact arithmetic on unbounded numbers lets a three-line program ask for
//! gigabytes (`1 << 1e9`, a string doubled sixty times). Every result
//! therefore passes a bound, and the operations check the bound *before*
//! allocating where the size is predictable (shifts, literals):
//!
//! * integer results of arithmetic wider than [`UNTYPED_INT_BITS`] (512,
//!   Go's own precision for untyped integers) are [`ConstError::TooLarge`];
//!   Go reports these as `constant multiplication overflow` and the like,
//!   and integer literals past 512 bits as `constant overflow`. Shifts
//!   compute up to [`MAX_SHIFT_RESULT_BITS`] so that a typed overflow can be
//!   shown with its value as Go shows it; the caller applies the 512-bit
//!   test to untyped shift results (Go: `constant shift overflow`);
//! * float results are exact fractions while numerator and denominator stay
//!   below [`EXACT_RAT_BITS`] bits; past that they are rounded to a
//!   [`FLOAT_MANT_BITS`]-bit mantissa with a 32-bit binary exponent (Go's
//!   `big.Float`), so no float costs more than a few hundred bytes. A
//!   result past 2^±2147483647 underflows to 0 or is
//!   [`ConstError::NotRepresentable`] (Go: `constant result is not
//!   representable`), a literal past it `malformed constant`;
//! * literals longer than [`MAX_LITERAL_LEN`] characters are refused (Go:
//!   `excessively long constant`), so a literal's exact fraction is small;
//! * string constants longer than [`MAX_STRING_BYTES`] are `TooLarge` (Go's
//!   limit is 2e9 bytes, far more than a VM should build at compile time).
//!
//! # Rounding
//!
//! One routine, `round_scaled`, rounds an exact `n/d · 2^k` to a binary
//! float with a given mantissa width and smallest exponent (round half to
//! even, as IEEE 754 and Go's `big.Float` do). It serves float32 and
//! float64 conversion (with subnormals), `to_f64`, every operation on
//! rounded floats and the formatting of values outside float64's range.
//!
//! # Rejected alternatives
//!
//! * `f64` for untyped floats: wrong by the spec (`0.1 + 0.2 != 0.3`) and
//!   cannot hold `1e400 / 1e300`.
//! * Exact fractions throughout, rounded to 512 bits but kept as fractions
//!   (gol's first design): a value near 2^-2588203 (`1e-779137`) needs a
//!   denominator of that many bits, so exponents had to stop at about
//!   1e±10000 where Go reaches 2^±2147483647.
//! * A `big.Float`-like type throughout: exact fractions are what Go uses
//!   for the common case, and the spec asks for exactness there.
//!
//! # Modules
//!
//! The value and its limits live here; the rest is cut by what a caller
//! asks of a constant, so that each file can be read against one part of
//! Go's spec or of `go/constant`:
//!
//! * `literal`: from source text to a value (integer and float literals);
//! * `arith`: operators on values (binary, shift, unary, comparison) and the
//!   bounds every result passes;
//! * `float`: float values, exact or rounded, and the rules that pick
//!   one (`go/constant`'s `ratVal` and `floatVal`);
//! * `bigfloat`: the rounded floats (`big.Float` at 512 bits);
//! * `represent`: conversion to a basic kind (representability, as the
//!   checker asks it) and to machine values for code generation;
//! * `rounding`: rounding exact values to binary formats, the one routine
//!   the other modules share;
//! * `format`: values as Go's messages print them (`%g`, quoted strings);
//! * `complex`: complex constants (imaginary literals, their arithmetic
//!   and rounding to complex64/complex128), each part a float.

use crate::ast::{BinaryOp, UnaryOp};
use crate::basic::BasicKind;
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;

/// Go's precision limit for untyped integer constants, in bits.
pub(crate) const UNTYPED_INT_BITS: u64 = 512;
/// Fractions whose numerator or denominator reach this many bits are
/// rounded to [`FLOAT_MANT_BITS`] bits of mantissa, and float literals
/// whose binary exponent reaches it in magnitude are rounded from the
/// start (as `go/constant` does: `maxExp`).
pub(crate) const EXACT_RAT_BITS: u64 = 4096;
/// Mantissa width of rounded (no longer exact) untyped floats.
pub(crate) const FLOAT_MANT_BITS: u32 = 512;
/// Longest numeric literal, in characters (Go: `excessively long
/// constant`, checked by the checker before the literal is parsed).
pub const MAX_LITERAL_LEN: usize = 10_000;
/// Longest string constant, in bytes.
pub(crate) const MAX_STRING_BYTES: usize = 1 << 24;
/// Widest result `shift` computes. Go's checker accepts shift counts up to
/// 1074 and shows a typed result that overflows in full (`x << 600
/// (constant 1913...904 of type int64) overflows int64`), so a shift may
/// produce more than 512 bits; the 512-bit limit for untyped results is
/// then the checker's test (as in Go's `overflow`). Anything wider than
/// this is `TooLarge` without computing.
pub(crate) const MAX_SHIFT_RESULT_BITS: u64 = 2048;

/// The value of a constant expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    /// Bytes: Go strings need not be UTF-8.
    String(Vec<u8>),
    Int(BigInt),
    Float(Float),
    /// A complex constant `(re, im)`, each part a float.
    /// Only complex kinds hold one (an untyped complex constant, or a
    /// typed complex64/complex128 one); an imaginary part of zero does not
    /// make it real (Go keeps `1 + 0i` untyped complex).
    Complex(Float, Float),
    /// A constant whose value is unknown because of an earlier error.
    Unknown,
}

/// Why an operation on constants failed; the checker words the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ConstError {
    /// `x / 0`, `x % 0`: Go says `invalid operation: division by zero`.
    DivisionByZero,
    /// The value does not fit the kind: Go says `... (overflows)`.
    Overflow,
    /// A float value converted to an integer kind is not integral:
    /// Go says `... (truncated)`.
    Truncated,
    /// A value too large for exact arithmetic (integers past Go's 512 bits,
    /// e.g. `1 << 600`; strings past 16 MiB; a float literal past
    /// 2^±2147483647): Go says `constant ... overflow` (`constant shift
    /// overflow`, `constant multiplication overflow`, `constant overflow`
    /// for an integer literal), `malformed constant` for a float literal.
    TooLarge,
    /// A float result past `big.Float`'s exponent range (`1e600000000 *
    /// 1e600000000`): Go says `constant result is not representable`.
    NotRepresentable,
    /// Operation not defined on these operands (e.g. `%` on floats).
    Invalid,
}

mod arith;
mod bigfloat;
mod complex;
mod float;
mod format;
mod literal;
mod represent;
mod rounding;
pub use float::Float;
#[cfg(test)]
mod tests;

impl Value {
    pub fn int(i: i64) -> Value {
        Value::Int(BigInt::from(i))
    }
}
