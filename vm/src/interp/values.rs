//! What the cold arms of `run` compute on values: Go's UTF-8 decoding
//! ([`decode_rune`]), Go's float `min`, complex arithmetic
//! ([`complex_op`], [`complex_div`]), the
//! word counts of a map's key and value, the message of a failed type
//! assertion and interface equality. They stand apart from `run` because
//! they are plain functions of their arguments, with no access to the
//! goroutine or the frame; keeping them out of `mod.rs` leaves that file
//! to the dispatch loop.

use super::*;

/// Go's UTF-8 decoding at byte `i`: (rune, width); invalid bytes decode as
/// U+FFFD with width 1.
pub(crate) fn decode_rune(s: &[u8], i: usize) -> (u32, usize) {
    let Some(rest) = s.get(i..) else {
        return (0xFFFD, 1);
    };
    // ASCII, the common case, without the validation below.
    if let Some(&b) = rest.first() {
        if b < 0x80 {
            return (b as u32, 1);
        }
    }
    let chunk = &rest[..rest.len().min(4)];
    let valid = match std::str::from_utf8(chunk) {
        Ok(v) => v,
        Err(e) => {
            // SAFETY-free: `valid_up_to` bytes are valid UTF-8.
            std::str::from_utf8(&chunk[..e.valid_up_to()]).unwrap_or("")
        }
    };
    match valid.chars().next() {
        Some(c) => (c as u32, c.len_utf8()),
        None => (0xFFFD, 1),
    }
}

/// Go's `min` of two floats: NaN if either is NaN, and -0 below +0.
pub(super) fn go_min(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        // Equal values differ only in the sign of zero: -0 is smaller.
        return if x.is_sign_negative() { x } else { y };
    }
    x.min(y)
}

/// The key's and the value's words of map type `t`.
pub(super) fn map_kv(prog: &Program, t: RtType) -> (usize, usize) {
    match prog.ty(t).kind {
        TypeKind::Map(k, v) => (prog.ty(k).words as usize, prog.ty(v).words as usize),
        _ => (0, 0),
    }
}

/// The message of a failed assertion to concrete type `want` of an
/// interface value (of type `iface`) holding `have`: two distinct types
/// that print alike are told apart as Go's runtime does.
pub(super) fn assert_mismatch(
    prog: &Program,
    iface: &str,
    have: Option<RtType>,
    want: RtType,
) -> String {
    let want_name = &prog.ty(want).name;
    let Some(h) = have else {
        return format!("interface conversion: {iface} is nil, not {want_name}");
    };
    let have_name = &prog.ty(h).name;
    let scopes = if have_name == want_name {
        " (types from different scopes)"
    } else {
        ""
    };
    format!("interface conversion: {iface} is {have_name}, not {want_name}{scopes}")
}

/// Interface equality: same dynamic type and equal values; comparing
/// uncomparable dynamic types panics as in Go.
pub(super) fn iface_equal(prog: &Program, a: u64, b: u64) -> Result<bool, String> {
    crate::map::iface_equal(prog, a, b).map_err(|u| {
        format!(
            "runtime error: comparing uncomparable type {}",
            prog.ty(u).name
        )
    })
}

/// Runs a complex-number instruction (`AddC` ... `EqC`: their meaning is
/// in the opcode table). Every operand is read before the result is
/// written, so a destination may overlap an operand.
#[cold]
#[inline(never)]
pub(super) fn complex_op(g: &mut G, at: At<'_>, op: Op) -> Step {
    let pair = |g: &G, x: Reg| -> Result<(f64, f64), Trap> {
        Ok((
            f64::from_bits(at.r(g, x)?),
            f64::from_bits(at.r(g, Reg(x.0 + 1))?),
        ))
    };
    let (d, (re, im), f32) = match op {
        Op::AddC { d, a, b, f32 } => {
            let (x, y) = (pair(g, a)?, pair(g, b)?);
            (d, (x.0 + y.0, x.1 + y.1), f32)
        }
        Op::SubC { d, a, b, f32 } => {
            let (x, y) = (pair(g, a)?, pair(g, b)?);
            (d, (x.0 - y.0, x.1 - y.1), f32)
        }
        Op::MulC { d, a, b, f32 } => {
            // Go multiplies complex64 parts as float64 too, to limit
            // cancellation, and rounds once at the end.
            let ((p, q), (r, s)) = (pair(g, a)?, pair(g, b)?);
            (d, (p * r - q * s, p * s + q * r), f32)
        }
        Op::DivC { d, a, b, f32 } => {
            let (x, y) = (pair(g, a)?, pair(g, b)?);
            (d, complex_div(x, y), f32)
        }
        Op::NegC { d, a } => {
            let x = pair(g, a)?;
            (d, (-x.0, -x.1), false)
        }
        Op::EqC { d, a, b } => {
            let (x, y) = (pair(g, a)?, pair(g, b)?);
            return at.set(g, d, (x.0 == y.0 && x.1 == y.1) as u64);
        }
        _ => return Ok(()),
    };
    let (re, im) = if f32 {
        (re as f32 as f64, im as f32 as f64)
    } else {
        (re, im)
    };
    at.set(g, d, re.to_bits())?;
    at.set(g, Reg(d.0 + 1), im.to_bits())
}

/// `n / m` for complex128 as Go's runtime computes it: Smith's
/// algorithm (scale by the larger part of the divisor, so no
/// intermediate overflows where the quotient does not), then, when both
/// parts came out NaN, C99's Annex G rules recover the infinities and
/// zeros a NaN hides: a nonzero value over zero is infinite, an infinite
/// value over a finite one is infinite, a finite value over an infinite
/// one is zero. Division never panics.
#[inline(never)]
pub(crate) fn complex_div(n: (f64, f64), m: (f64, f64)) -> (f64, f64) {
    let ((a, b), (c, d)) = (n, m);
    let (mut e, mut f);
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + ratio * d;
        e = (a + b * ratio) / denom;
        f = (b - a * ratio) / denom;
    } else {
        let ratio = c / d;
        let denom = d + ratio * c;
        e = (a * ratio + b) / denom;
        f = (b * ratio - a) / denom;
    }
    if e.is_nan() && f.is_nan() {
        // 1 or 0 with the sign of x, for infinite or finite x.
        let unit = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            let (a, b) = (unit(a), unit(b));
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            let (c, d) = (unit(c), unit(d));
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Go's runtime divides complex numbers so: Smith's scaling (no
    /// overflow where the quotient fits), then C99's infinities and
    /// zeros; never a panic. Expected values from native Go 1.27.
    #[test]
    fn complex_division_like_go() {
        let (inf, nan) = (f64::INFINITY, f64::NAN);
        let same = |x: (f64, f64), y: (f64, f64)| {
            let eq = |a: f64, b: f64| a.to_bits() == b.to_bits() || a.is_nan() && b.is_nan();
            eq(x.0, y.0) && eq(x.1, y.1)
        };
        for (n, m, want) in [
            ((1.0, 2.0), (3.0, -4.0), (-0.2, 0.4)),
            // The scaled denominator overflows: Go gives NaN+0i too.
            ((1e308, 1e308), (1e308, 1e308), (nan, 0.0)),
            ((1.0, 0.0), (0.0, 0.0), (inf, nan)),
            ((1.0, 1.0), (0.0, 0.0), (inf, inf)),
            ((-1.0, 0.0), (-0.0, 0.0), (inf, nan)),
            ((0.0, 0.0), (0.0, 0.0), (nan, nan)),
            ((inf, 0.0), (1.0, 1.0), (inf, -inf)),
            ((1.0, 1.0), (inf, 0.0), (0.0, 0.0)),
            ((nan, 1.0), (1.0, 1.0), (nan, nan)),
        ] {
            let got = complex_div(n, m);
            assert!(same(got, want), "{n:?}/{m:?} = {got:?}, want {want:?}");
        }
    }

    #[test]
    fn decode_rune_like_go() {
        assert_eq!(decode_rune("héllo".as_bytes(), 1), (0xE9, 2));
        assert_eq!(decode_rune(b"\xff", 0), (0xFFFD, 1));
        assert_eq!(decode_rune(b"\xe2\x82", 0), (0xFFFD, 1));
        assert_eq!(decode_rune("€".as_bytes(), 0), (0x20AC, 3));
        assert_eq!(decode_rune(b"a", 5), (0xFFFD, 1));
    }
}
