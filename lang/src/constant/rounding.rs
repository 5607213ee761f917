//! Binary rounding: an exact value `n/d · 2^k` (a fraction, or a rounded
//! float's mantissa and exponent, or the exact result of an operation on
//! them) rounded to an IEEE 754 format or to the 512-bit mantissa of
//! rounded untyped floats, half to even. One routine, `round_scaled`,
//! serves conversion, `to_f64`, every operation of `BigFloat` and
//! formatting, so they cannot disagree about a tie or a subnormal.

use super::*;

// ---------------------------------------------------------------------------
// Binary rounding.

/// An IEEE 754 binary format.
pub(super) struct BinaryFormat {
    /// Significant bits including the implicit one.
    pub(super) mant_bits: u32,
    /// Exponent of the last mantissa bit of the smallest subnormal.
    pub(super) min_ulp_exp: i64,
    /// Values need fewer than this many bits above 2^0: finite iff
    /// `value < 2^max_exp`.
    pub(super) max_exp: i64,
    /// Exponent bias of the encoding.
    pub(super) bias: i64,
    /// Width of the encoding.
    total_bits: u32,
}

pub(super) const BINARY64: BinaryFormat = BinaryFormat {
    mant_bits: 53,
    min_ulp_exp: -1074,
    max_exp: 1024,
    bias: 1023,
    total_bits: 64,
};

pub(super) const BINARY32: BinaryFormat = BinaryFormat {
    mant_bits: 24,
    min_ulp_exp: -149,
    max_exp: 128,
    bias: 127,
    total_bits: 32,
};

/// floor(log2(n / d)) for positive n, d.
pub(super) fn ilog2(n: &BigUint, d: &BigUint) -> i64 {
    let e = n.bits() as i64 - d.bits() as i64;
    // 2^e <= n/d < 2^(e+1) or 2^(e-1) <= n/d < 2^e; decide which.
    let below = if e >= 0 {
        n < &(d << (e as u64))
    } else {
        &(n << (e.unsigned_abs())) < d
    };
    if below {
        e - 1
    } else {
        e
    }
}

/// `m * 2^u` as a rational.
pub(super) fn rat_from_parts(m: BigInt, u: i64) -> BigRational {
    if u >= 0 {
        BigRational::from_integer(m << (u as u64))
    } else {
        BigRational::new(m, BigInt::one() << u.unsigned_abs())
    }
}

/// Rounds the positive value `n/d · 2^k` to `mant_bits` significant bits,
/// half to even, returning `(m, u)` with the value `~ m · 2^u` and
/// `m <= 2^mant_bits` (equal only when rounding carried). With `min_ulp`
/// the unit in the last place is at least `2^min_ulp` (gradual underflow:
/// subnormals, and values below half the smallest subnormal become 0).
/// `None` if the result is zero.
///
/// The shifts are bounded by the sizes of `n` and `d`, not by `k`: a value
/// far below the smallest subnormal is zero before anything is shifted.
pub(super) fn round_scaled(
    n: &BigUint,
    d: &BigUint,
    k: i64,
    mant_bits: u32,
    min_ulp: Option<i64>,
) -> Option<(BigUint, i64)> {
    if n.is_zero() {
        return None;
    }
    let e = ilog2(n, d).saturating_add(k);
    let mut u = e - (i64::from(mant_bits) - 1);
    if let Some(min) = min_ulp {
        if e < min - 1 {
            // Below half the smallest unit: rounds to zero.
            return None;
        }
        u = u.max(min);
    }
    // m = round(n / d · 2^(k - u))
    let shift = k - u;
    let (num, den) = if shift >= 0 {
        (n << shift as u64, d.clone())
    } else {
        (n.clone(), d << shift.unsigned_abs())
    };
    let (mut q, rem) = num.div_rem(&den);
    let twice = rem << 1u32;
    match twice.cmp(&den) {
        Ordering::Greater => q += 1u32,
        Ordering::Equal if q.is_odd() => q += 1u32,
        _ => {}
    }
    if q.is_zero() {
        return None;
    }
    Some((q, u))
}

/// The IEEE bit pattern of the value nearest `±n/d · 2^k` in `fmt` (as
/// u64; binary32 uses the low 32 bits). `None` on overflow to infinity.
/// A value that rounds to zero gives +0, as a typed constant does in Go
/// (`MakeFloat64` drops the sign of zero).
pub(super) fn float_bits(
    neg: bool,
    n: &BigUint,
    d: &BigUint,
    k: i64,
    fmt: &BinaryFormat,
) -> Option<u64> {
    let Some((m, mut u)) = round_scaled(n, d, k, fmt.mant_bits, Some(fmt.min_ulp_exp)) else {
        return Some(0);
    };
    let sign = if neg { 1u64 << (fmt.total_bits - 1) } else { 0 };
    // A value this far out has no 64-bit mantissa to speak of.
    if u > fmt.max_exp {
        return None;
    }
    let mut mag = m.to_u64()?;
    if mag >> fmt.mant_bits != 0 {
        // Rounding carried into a new bit; m is even, so this is exact.
        mag >>= 1;
        u += 1;
    }
    let frac_bits = fmt.mant_bits - 1;
    let bits = if mag >> frac_bits == 0 {
        // Subnormal: u is the minimum exponent, the biased exponent is 0.
        mag
    } else {
        let biased = u + i64::from(frac_bits) + fmt.bias;
        if biased > 2 * fmt.bias {
            return None;
        }
        ((biased as u64) << frac_bits) | (mag & ((1u64 << frac_bits) - 1))
    };
    Some(bits | sign)
}
