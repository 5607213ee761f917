//! Rounded untyped floats: `go/constant`'s `floatVal`, a `math/big.Float`
//! of 512 bits of mantissa with a 32-bit binary exponent.
//!
//! A value is `mant · 2^exp` with `mant` a signed integer of at most the
//! precision's bits, kept odd (zero is `0 · 2^0`), so that equal values are
//! equal structurally. Its *Go exponent* (`top`, what `big.Float.MantExp`
//! returns) is `bits(mant) + exp`: the value lies in `[2^(top-1), 2^top)`.
//!
//! # Operations
//!
//! Every operation computes its exact result as `±n/d · 2^k` and rounds it
//! once to the precision, half to even, as `big.Float` does (its `Add`,
//! `Sub`, `Mul` and `Quo` are correctly rounded, and so are these):
//!
//! * `mul`: `n = |m1·m2|`, `d = 1`, `k = e1 + e2`;
//! * `quo`: `n = |m1|`, `d = |m2|`, `k = e1 - e2`;
//! * `add`: the two mantissas aligned to a common exponent. An operand
//!   whose bits reach far below the other's (so far that it is under an
//!   eighth of it) is cut there and its cut-off bits jammed into one extra
//!   sticky bit: `(t << 1) | sticky` keeps the operand strictly between the
//!   same two multiples of the cut unit as its exact value, and the cut unit
//!   lies at least three bits below the result's rounding unit, so the sum
//!   rounds as the exact sum does. Without the cut, `1e600000000 + 1` would
//!   shift a mantissa by two billion bits (Go's `uadd` does).
//!
//! # Exponent range
//!
//! As in `big.Float`, a result whose Go exponent is below `MIN_EXP`
//! (-2^31) underflows to zero and one above `MAX_EXP` (2^31-1) overflows;
//! overflow is `None` here (Go's `±Inf`, which `go/constant` turns into an
//! unknown value and the checker into `constant result is not
//! representable`, or `malformed constant` for a literal).
//!
//! # Rejected alternatives
//!
//! * A float crate: `rug` needs GMP's C library; pure-Rust ones
//!   (`dashu-float`, `astro-float`) would still need Go's exponent range,
//!   its underflow to zero and its steps for `SetString` layered on top to
//!   give Go's bits. What is left to write is four correctly rounded
//!   operations on `num-bigint`, already a dependency, sharing the one
//!   rounding routine the IEEE conversions use.
//! * Exact rationals for every value (what gol had): `1e-779137` then needs
//!   a denominator of 2.6 million bits, and `1e646456992` is out of reach.

use super::rounding::{ilog2, round_scaled};
use super::*;

/// Smallest Go exponent of a nonzero value (`big.MinExp`).
pub(super) const MIN_EXP: i64 = i32::MIN as i64;
/// Largest Go exponent of a finite value (`big.MaxExp`).
pub(super) const MAX_EXP: i64 = i32::MAX as i64;

/// A `big.Float`-like value: `mant · 2^exp`, `mant` odd or zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigFloat {
    mant: BigInt,
    exp: i64,
}

impl BigFloat {
    pub(super) fn zero() -> BigFloat {
        BigFloat {
            mant: BigInt::zero(),
            exp: 0,
        }
    }

    pub(super) fn is_zero(&self) -> bool {
        self.mant.is_zero()
    }

    pub(super) fn is_negative(&self) -> bool {
        self.mant.is_negative()
    }

    pub(super) fn neg(&self) -> BigFloat {
        BigFloat {
            mant: -&self.mant,
            exp: self.exp,
        }
    }

    /// The value as `(negative, |mant|, exp)`: `±|mant| · 2^exp`.
    pub(super) fn parts(&self) -> (bool, &BigUint, i64) {
        (self.is_negative(), self.mant.magnitude(), self.exp)
    }

    /// Go's exponent (`MantExp`): the value is in `[2^(top-1), 2^top)`;
    /// 0 for zero.
    pub(super) fn top(&self) -> i64 {
        if self.is_zero() {
            0
        } else {
            self.mant.bits() as i64 + self.exp
        }
    }

    /// `go/constant`'s `smallFloat`: small enough to hold as a fraction
    /// (`-4096 < top < 4096`).
    pub(super) fn is_small(&self) -> bool {
        let e = self.top();
        -(EXACT_RAT_BITS as i64) < e && e < EXACT_RAT_BITS as i64
    }

    /// The exact value `±n/d · 2^k` (n, d > 0) rounded to `prec` bits,
    /// half to even, in `big.Float`'s exponent range: zero on underflow,
    /// `None` on overflow.
    pub(super) fn round(
        neg: bool,
        n: &BigUint,
        d: &BigUint,
        k: i64,
        prec: u32,
    ) -> Option<BigFloat> {
        if n.is_zero() {
            return Some(BigFloat::zero());
        }
        // Go checks the unrounded exponent first (`setExpAndRound`).
        let top = ilog2(n, d).saturating_add(k).saturating_add(1);
        if top < MIN_EXP {
            return Some(BigFloat::zero());
        }
        if top > MAX_EXP {
            return None;
        }
        let (m, u) = round_scaled(n, d, k, prec, None)?;
        let f = BigFloat::normal(if neg { -BigInt::from(m) } else { m.into() }, u);
        if f.top() > MAX_EXP {
            return None;
        }
        Some(f)
    }

    /// `mant · 2^exp` with trailing zero bits moved into the exponent.
    fn normal(mant: BigInt, exp: i64) -> BigFloat {
        match mant.trailing_zeros() {
            None => BigFloat::zero(),
            Some(tz) => BigFloat {
                mant: mant >> tz,
                exp: exp + tz as i64,
            },
        }
    }

    /// An exact value with any number of bits (a literal's mantissa
    /// before rounding); `round_to` brings it to a precision.
    pub(super) fn exact(mant: BigInt, exp: i64) -> BigFloat {
        BigFloat::normal(mant, exp)
    }

    /// The value rounded to `prec` bits (`None` on overflow).
    pub(super) fn round_to(&self, prec: u32) -> Option<BigFloat> {
        let (neg, m, e) = self.parts();
        BigFloat::round(neg, m, &BigUint::one(), e, prec)
    }

    /// `big.Float.SetRat` at `prec` bits: `n/d` correctly rounded.
    pub(super) fn from_rat(r: &BigRational, prec: u32) -> Option<BigFloat> {
        BigFloat::round(
            r.is_negative(),
            r.numer().magnitude(),
            r.denom().magnitude(),
            0,
            prec,
        )
    }

    pub(super) fn mul(&self, o: &BigFloat, prec: u32) -> Option<BigFloat> {
        let n = self.mant.magnitude() * o.mant.magnitude();
        let neg = self.is_negative() != o.is_negative();
        BigFloat::round(neg, &n, &BigUint::one(), self.exp + o.exp, prec)
    }

    /// `self / o`; `o` must not be zero.
    pub(super) fn quo(&self, o: &BigFloat, prec: u32) -> Option<BigFloat> {
        let neg = self.is_negative() != o.is_negative();
        BigFloat::round(
            neg,
            self.mant.magnitude(),
            o.mant.magnitude(),
            self.exp - o.exp,
            prec,
        )
    }

    pub(super) fn add(&self, o: &BigFloat, prec: u32) -> Option<BigFloat> {
        if self.is_zero() {
            return o.round_to(prec);
        }
        if o.is_zero() {
            return self.round_to(prec);
        }
        // `a` reaches higher; bits of `b` below `cut` only matter as a
        // sticky bit (see the module notes).
        let (a, b) = if self.top() >= o.top() {
            (self, o)
        } else {
            (o, self)
        };
        let width = u64::from(prec).max(a.mant.bits()).max(b.mant.bits()) as i64;
        let cut = a.top() - width - 4;
        let (base, bm) = if b.exp >= cut {
            (a.exp.min(b.exp), None)
        } else {
            // b = t·2^cut + rest, 0 <= rest < 2^cut; as (2t+sticky)·2^(cut-1).
            let s = (cut - b.exp) as u64;
            let mag = b.mant.magnitude();
            let t: BigUint = mag >> s;
            let sticky = mag.trailing_zeros().is_some_and(|tz| tz < s);
            let j = (t << 1u32) | BigUint::from(u8::from(sticky));
            let j = BigInt::from_biguint(b.mant.sign(), j);
            (cut - 1, Some(j))
        };
        let shifted = |f: &BigFloat| &f.mant << ((f.exp - base) as u64);
        let sum = shifted(a) + bm.unwrap_or_else(|| shifted(b));
        BigFloat::round(
            sum.is_negative(),
            sum.magnitude(),
            &BigUint::one(),
            base,
            prec,
        )
    }

    pub(super) fn sub(&self, o: &BigFloat, prec: u32) -> Option<BigFloat> {
        self.add(&o.neg(), prec)
    }

    /// Exact comparison of the values.
    pub(super) fn cmp(&self, o: &BigFloat) -> Ordering {
        let sign = |f: &BigFloat| f.mant.sign();
        match sign(self).cmp(&sign(o)) {
            Ordering::Equal => {}
            ord => return ord,
        }
        if self.is_zero() {
            return Ordering::Equal;
        }
        let mag = match self.top().cmp(&o.top()) {
            Ordering::Equal => {
                // Same top: the shift is at most the longer mantissa.
                let base = self.exp.min(o.exp);
                let a = self.mant.magnitude() << ((self.exp - base) as u64);
                let b = o.mant.magnitude() << ((o.exp - base) as u64);
                a.cmp(&b)
            }
            ord => ord,
        };
        if self.is_negative() {
            mag.reverse()
        } else {
            mag
        }
    }

    /// The exact value as a fraction. Only for small values
    /// ([`BigFloat::is_small`]): the shift is below 4096 + 512 bits.
    pub(super) fn to_rat(&self) -> BigRational {
        super::rounding::rat_from_parts(self.mant.clone(), self.exp)
    }

    /// `go/constant`'s `ToInt` of a `floatVal`: the integer if the value
    /// is one, or if rounding it to 4 bits fewer toward zero or away from
    /// zero makes it one ("assume x is not an integer because of rounding
    /// errors in prior computations"); `None` otherwise and for values that
    /// are not small.
    pub(super) fn to_int(&self) -> Option<BigInt> {
        if !self.is_small() {
            return None;
        }
        if self.exp >= 0 {
            return Some(&self.mant << (self.exp as u64));
        }
        const DELTA: u64 = 4;
        let keep = u64::from(FLOAT_MANT_BITS) - DELTA;
        let bits = self.mant.bits();
        if bits <= keep {
            // Already that short: not integral (the mantissa is odd).
            return None;
        }
        let s = bits - keep;
        let down = self.mant.magnitude() >> s;
        let e = self.exp + s as i64;
        let sign = self.mant.sign();
        for m in [down.clone(), down + 1u32] {
            let f = BigFloat::normal(BigInt::from_biguint(sign, m), e);
            if f.exp >= 0 {
                return Some(&f.mant << (f.exp as u64));
            }
        }
        None
    }
}
