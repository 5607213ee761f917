//! Literals: the source text of integer and float literals to values. The
//! lexer has validated the form; this module bounds the size (an integer
//! literal's digits are counted before it is parsed, a float literal's
//! exponent is checked before any power of ten is built) and parses
//! decimal and hexadecimal mantissas as `go/constant` does.

use super::arith::int_result;
use super::bigfloat::{self, BigFloat};
use super::rounding::rat_from_parts;
use super::*;

impl Value {
    /// Parses an integer literal's source text (`0x_1F`, `0o17`, `017`,
    /// `0b1`, `1_000`) whose form the lexer has validated.
    ///
    /// Values wider than [`UNTYPED_INT_BITS`] are `TooLarge` (Go: `constant
    /// overflow`); malformed text (which the lexer should have caught) is
    /// `Invalid`.
    pub(crate) fn from_int_literal(text: &str) -> Result<Value, ConstError> {
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let (radix, digits) = if let Some(d) = strip_prefix_ci(&clean, "0x") {
            (16, d)
        } else if let Some(d) = strip_prefix_ci(&clean, "0o") {
            (8, d)
        } else if let Some(d) = strip_prefix_ci(&clean, "0b") {
            (2, d)
        } else if clean.len() > 1 && clean.starts_with('0') {
            (8, &clean[1..])
        } else {
            (10, clean.as_str())
        };
        let significant = digits.trim_start_matches('0');
        if significant.is_empty() {
            return if digits.is_empty() && radix != 8 {
                Err(ConstError::Invalid)
            } else {
                Ok(Value::int(0))
            };
        }
        // Every digit carries at least one bit, so this many significant
        // digits cannot fit; checked before parsing so a megabyte literal
        // costs nothing.
        if significant.len() as u64 > UNTYPED_INT_BITS {
            return Err(ConstError::TooLarge);
        }
        let n = BigInt::parse_bytes(significant.as_bytes(), radix).ok_or(ConstError::Invalid)?;
        int_result(n)
    }

    /// Parses a float literal's text (`1e9`, `.5`, `0x1p-2`, `1_0.5`):
    /// exactly if its magnitude is within 2^±4096, else rounded to 512
    /// bits, as `go/constant` does.
    ///
    /// A binary exponent past 2^±2147483647 (`1e1000000000`) is `TooLarge`
    /// (Go: `malformed constant`), and so is text longer than
    /// [`MAX_LITERAL_LEN`], which the checker refuses first.
    pub(crate) fn from_float_literal(text: &str) -> Result<Value, ConstError> {
        if text.len() > MAX_LITERAL_LEN {
            return Err(ConstError::TooLarge);
        }
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        match strip_prefix_ci(&clean, "0x") {
            Some(rest) => parse_float(rest, 16),
            None => parse_float(&clean, 10),
        }
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    // `get` rather than slicing: the text need not be ASCII.
    match (s.get(..prefix.len()), s.get(prefix.len()..)) {
        (Some(head), Some(rest)) if head.eq_ignore_ascii_case(prefix) => Some(rest),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Float literals.
//
// As `go/constant`'s `makeFloatFromLiteral`: the literal is first read as
// a 512-bit float the way `big.Float.SetString` reads it, so that a value
// too large for a fraction costs no more than the float; if that float's
// binary exponent is small (|e| < 4096) the literal is read again, exactly,
// as a fraction.
//
// `SetString` takes the mantissa's digits as an integer `m` and the
// exponent apart into powers of two and five (`10^x = 2^x · 5^x`); it
// refuses a binary exponent outside `big.Float`'s range before anything
// else, then multiplies or divides by `5^|x|`, computed by repeated
// squaring with 64 (and 128) bits more than the result's 512. Rounding
// the same way at each step gives the same float as Go, bit for bit.

/// Precision of the power of five (`SetString`: the result's + 64).
const POW5_PREC: u32 = FLOAT_MANT_BITS + 64;

/// `big.Float`'s `pow5`: `5^n` with the factor squared at `POW5_PREC + 64`
/// bits and the product kept at `POW5_PREC`. `None` if it overflows.
fn pow5(n: u64) -> Option<BigFloat> {
    // 5^27 is the largest power of five in a u64 (Go's table).
    const TABLE_MAX: u64 = 27;
    let five = |n: u64| BigFloat::exact(BigInt::from(5u64.pow(n as u32)), 0);
    if n <= TABLE_MAX {
        return Some(five(n));
    }
    let mut z = Some(five(TABLE_MAX));
    let mut f = Some(five(1));
    let mut n = n - TABLE_MAX;
    while n > 0 {
        if n & 1 != 0 {
            z = match (&z, &f) {
                (Some(z), Some(f)) => z.mul(f, POW5_PREC),
                _ => None,
            };
        }
        // The last squaring may overflow unused.
        f = f.and_then(|f| f.mul(&f, POW5_PREC + 64));
        n >>= 1;
    }
    z
}

/// Parses a (possibly huge) exponent, saturating far outside any limit.
fn parse_exponent(e: &str) -> Option<i64> {
    let (neg, digits) = match e.as_bytes().first() {
        Some(b'+') => (false, &e[1..]),
        Some(b'-') => (true, &e[1..]),
        _ => (false, e),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v: i64 = 0;
    for b in digits.bytes() {
        v = v.saturating_mul(10).saturating_add(i64::from(b - b'0'));
    }
    Some(if neg { -v } else { v })
}

/// Reads `mant[e|p exp]` in `radix` 10 or 16 (the `0x` already stripped).
fn parse_float(text: &str, radix: u32) -> Result<Value, ConstError> {
    let marks: &[char] = if radix == 16 {
        &['p', 'P']
    } else {
        &['e', 'E']
    };
    let (mant, exp) = match text.find(marks) {
        Some(i) => (
            &text[..i],
            parse_exponent(&text[i + 1..]).ok_or(ConstError::Invalid)?,
        ),
        None => (text, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = format!("{int_part}{frac_part}");
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(ConstError::Invalid);
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), radix).ok_or(ConstError::Invalid)?;
    if m.is_zero() {
        return Ok(Value::Float(Float::default()));
    }
    // value = m · 2^exp2 · 5^exp5
    let frac = frac_part.len() as i64;
    let (exp2, exp5) = if radix == 16 {
        (exp.saturating_sub(frac * 4), 0)
    } else {
        let e = exp.saturating_sub(frac);
        (e, e)
    };
    let top = exp2.saturating_add(m.bits() as i64);
    if !(bigfloat::MIN_EXP..=bigfloat::MAX_EXP).contains(&top) {
        return Err(ConstError::TooLarge);
    }
    let z = BigFloat::exact(m.clone(), exp2);
    let f = match exp5 {
        0 => z.round_to(FLOAT_MANT_BITS),
        // z / ∞ is 0, as in Go.
        e if e < 0 => match pow5(e.unsigned_abs()) {
            Some(p) => z.quo(&p, FLOAT_MANT_BITS),
            None => Some(BigFloat::zero()),
        },
        e => pow5(e as u64).and_then(|p| z.mul(&p, FLOAT_MANT_BITS)),
    };
    let f = f.ok_or(ConstError::TooLarge)?;
    if f.is_zero() {
        // Underflow (Go then reads the literal as "0").
        return Ok(Value::Float(Float::default()));
    }
    if !f.is_small() {
        return Ok(Value::Float(Float::Big(f)));
    }
    // Small: the exact fraction. |exp5| is now bounded by the literal's
    // length and 4096 bits of exponent.
    let r = if radix == 16 {
        rat_from_parts(m, exp2)
    } else {
        let p = num_traits::pow(BigInt::from(10), exp5.unsigned_abs() as usize);
        if exp5 >= 0 {
            BigRational::from_integer(m * p)
        } else {
            BigRational::new(m, p)
        }
    };
    // A literal's fraction is kept whatever its size, as `go/constant`
    // keeps it (`makeRat` applies only to results of operations).
    Ok(Value::Float(Float::Rat(r)))
}
