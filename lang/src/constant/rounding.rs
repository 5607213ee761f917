//! Binary rounding: an exact rational rounded to an IEEE 754 format (or to
//! the 512-bit mantissa of rounded untyped floats), round half to even.
//! One routine serves conversion, `to_f64`, result normalisation and
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

/// Rounds `r` to `mant_bits` significant bits, half to even, returning
/// `(m, u)` with `r ~ m * 2^u` and `|m| <= 2^mant_bits` (it equals
/// 2^mant_bits only when rounding carried). With `min_ulp` the unit in the
/// last place is at least `2^min_ulp` (gradual underflow: subnormals, and
/// values below half the smallest subnormal become 0). `None` if the
/// result is zero.
pub(super) fn round_binary(
    r: &BigRational,
    mant_bits: u32,
    min_ulp: Option<i64>,
) -> Option<(BigInt, i64)> {
    if r.is_zero() {
        return None;
    }
    let neg = r.is_negative();
    let n = r.numer().magnitude();
    let d = r.denom().magnitude();
    let e = ilog2(n, d);
    let mut u = e - (i64::from(mant_bits) - 1);
    if let Some(min) = min_ulp {
        u = u.max(min);
    }
    // m = round(n / d / 2^u)
    let (num, den) = if u <= 0 {
        (n << u.unsigned_abs(), d.clone())
    } else {
        (n.clone(), d << (u as u64))
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
    let m = BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, q);
    Some((m, u))
}

/// The IEEE bit pattern of the nearest value of `fmt` (as u64; binary32
/// uses the low 32 bits). `None` on overflow to infinity.
pub(super) fn rat_to_float_bits(r: &BigRational, fmt: &BinaryFormat) -> Option<u64> {
    let (m, mut u) = match round_binary(r, fmt.mant_bits, Some(fmt.min_ulp_exp)) {
        None => return Some(0),
        Some(p) => p,
    };
    let neg = m.is_negative();
    let mut mag = m.magnitude().to_u64()?;
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
    Some(if neg {
        bits | (1u64 << (fmt.total_bits - 1))
    } else {
        bits
    })
}
