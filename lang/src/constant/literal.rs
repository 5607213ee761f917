//! Literals: the source text of integer and float literals to exact
//! values. The lexer has validated the form; this module bounds the size
//! (a float literal's exponent is checked before any big number is built)
//! and parses decimal and hexadecimal mantissas exactly.

use super::arith::{float_result, int_result};
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

    /// Parses a float literal's text (`1e9`, `.5`, `0x1p-2`, `1_0.5`) exactly.
    ///
    /// Magnitudes past about 1e±10000 are `TooLarge` (checked from the
    /// exponent before any big number is built).
    pub(crate) fn from_float_literal(text: &str) -> Result<Value, ConstError> {
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        if let Some(rest) = strip_prefix_ci(&clean, "0x") {
            parse_hex_float(rest)
        } else {
            parse_decimal_float(&clean)
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

/// Longest mantissa (significant digits) a float literal may have.
const MAX_MANTISSA_DIGITS: usize = 20_000;

/// Splits `digits[.digits]` into (all significant digits, count of digits
/// after the point), dropping leading zeros and trailing fractional zeros
/// (which do not change the value). `None` if a character is not a digit of
/// the radix or there are no digits at all.
fn split_mantissa(m: &str, radix: u32) -> Option<(String, i64)> {
    let (int_part, frac_part) = match m.split_once('.') {
        Some((a, b)) => (a, b),
        None => (m, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part
        .chars()
        .chain(frac_part.chars())
        .all(|c| c.is_digit(radix))
    {
        return None;
    }
    let frac = frac_part.trim_end_matches('0');
    let mut all = String::with_capacity(int_part.len() + frac.len());
    all.push_str(int_part);
    all.push_str(frac);
    let sig = all.trim_start_matches('0').to_string();
    Some((sig, frac.len() as i64))
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

fn parse_decimal_float(text: &str) -> Result<Value, ConstError> {
    let (mant, exp) = match text.find(['e', 'E']) {
        Some(i) => (
            &text[..i],
            parse_exponent(&text[i + 1..]).ok_or(ConstError::Invalid)?,
        ),
        None => (text, 0),
    };
    let (digits, frac_len) = split_mantissa(mant, 10).ok_or(ConstError::Invalid)?;
    if digits.is_empty() {
        return Ok(Value::Float(BigRational::zero()));
    }
    if digits.len() > MAX_MANTISSA_DIGITS {
        return Err(ConstError::TooLarge);
    }
    // value = digits * 10^(exp - frac_len); its decimal magnitude is
    // about digits.len() + exp - frac_len. 10^10300 ~ 2^34216, so this test
    // only lets through what float_result may still reject precisely.
    let scale = exp.saturating_sub(frac_len);
    let magnitude = scale.saturating_add(digits.len() as i64);
    if !(-10_300..=10_300).contains(&magnitude) {
        return Err(ConstError::TooLarge);
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), 10).ok_or(ConstError::Invalid)?;
    let p = num_traits::pow(BigInt::from(10), scale.unsigned_abs() as usize);
    let r = if scale >= 0 {
        BigRational::from_integer(m * p)
    } else {
        BigRational::new(m, p)
    };
    float_result(r)
}

fn parse_hex_float(text: &str) -> Result<Value, ConstError> {
    let (mant, exp) = match text.find(['p', 'P']) {
        Some(i) => (
            &text[..i],
            parse_exponent(&text[i + 1..]).ok_or(ConstError::Invalid)?,
        ),
        None => (text, 0),
    };
    let (digits, frac_len) = split_mantissa(mant, 16).ok_or(ConstError::Invalid)?;
    if digits.is_empty() {
        return Ok(Value::Float(BigRational::zero()));
    }
    if digits.len() > MAX_MANTISSA_DIGITS {
        return Err(ConstError::TooLarge);
    }
    let scale = exp.saturating_sub(frac_len.saturating_mul(4));
    let magnitude = scale.saturating_add(digits.len() as i64 * 4);
    if magnitude.abs() > FLOAT_MAX_EXP + 8 {
        return Err(ConstError::TooLarge);
    }
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).ok_or(ConstError::Invalid)?;
    float_result(rat_from_parts(m, scale))
}
