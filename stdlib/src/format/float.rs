//! Floating-point numbers to and from text, byte for byte as Go's
//! `strconv.FormatFloat` / `strconv.ParseFloat`.
//!
//! # Formatting
//!
//! Go first turns the value into decimal digits and a decimal-point position
//! (`digits`, `dp`: the value is `0.d1d2d3... × 10^dp`), then lays them out
//! for the requested format (`fmtEFG`). Only the first step is numerically
//! hard, and Rust's standard library already does it exactly:
//!
//! * shortest (`prec < 0`): `format!("{:e}", x)` yields the fewest digits
//!   that parse back to `x` at `x`'s own width (f32 or f64), choosing the
//!   closest such digits, which is also Go's rule (Go uses Ryū-like
//!   scaling; both are exact, so they agree — the tests check thousands of
//!   random bit patterns against native Go);
//! * `%e`/`%g` with precision: `format!("{:.Ne}", x)` gives `N+1`
//!   correctly rounded significant digits (ties to even on exact halves, as
//!   Go's decimal rounding does);
//! * `%f` with precision: `format!("{:.N}", x)` gives the digits rounded at
//!   `N` places after the point.
//!
//! The Rust output is parsed back into `(digits, dp)`, trailing zeros are
//! trimmed (Go's digit sets never end in zero, and `%g` depends on the digit
//! count), and the layout code mirrors Go's `fmtEFG`, `fmtB` and `fmtX`.
//! Writing Ryū or Grisu here was rejected: it would duplicate exact code the
//! standard library already ships and tests.
//!
//! # Parsing
//!
//! Go's syntax (sign, decimal or `0x` hexadecimal mantissa, `e`/`p`
//! exponents, underscores checked by `underscore_ok`, `inf`/`infinity`/`nan`
//! in any case) is validated by a port of Go's `readFloat`/`special`. A valid
//! decimal is then rewritten without underscores and handed to Rust's
//! `str::parse::<f64>` or `::<f32>`, which are correctly rounded (Eisel-Lemire
//! with an exact fallback), so no double rounding happens for `bitSize` 32.
//! Hexadecimal mantissas are rounded by a port of Go's `atofHex`, because
//! Rust has no hex-float parser. An infinite result from finite input is
//! Go's `ErrRange` (and the value stays ±Inf, as in Go).

use super::atoi::{lower, underscore_ok, NumError, NumErrorKind, StrconvPanic};

/// Decimal digits of a finite non-negative value: `0.digits × 10^dp`.
/// Invariant: `digits` holds ASCII digits with no leading or trailing `'0'`;
/// zero is `digits == []`, `dp == 0`.
struct Decimal {
    digits: Vec<u8>,
    dp: i32,
}

impl Decimal {
    /// Parses Rust's `{:e}` output (`d.ddde-N`) or `{:.N}` output (`ddd.ddd`).
    fn from_rust(s: &str) -> Decimal {
        let (mant, exp) = match s.find('e') {
            Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
            None => (s, 0),
        };
        let (int_part, frac_part) = match mant.find('.') {
            Some(i) => (&mant[..i], &mant[i + 1..]),
            None => (mant, ""),
        };
        let mut digits: Vec<u8> = Vec::with_capacity(int_part.len() + frac_part.len());
        digits.extend_from_slice(int_part.as_bytes());
        digits.extend_from_slice(frac_part.as_bytes());
        let mut dp = int_part.len() as i32 + exp;
        let lead = digits.iter().take_while(|&&c| c == b'0').count();
        if lead == digits.len() {
            return Decimal {
                digits: Vec::new(),
                dp: 0,
            };
        }
        digits.drain(..lead);
        dp -= lead as i32;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        Decimal { digits, dp }
    }
}

/// A fixed buffer for short formatting results; writing past its end
/// fails (and the caller falls back to a `String`).
struct StackBuf {
    buf: [u8; 80],
    len: usize,
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The value as Go sees it for a given `bitSize`: decomposed IEEE fields.
#[derive(Clone, Copy)]
struct Bits {
    neg: bool,
    /// Biased exponent field.
    exp_field: u64,
    /// Mantissa field (without the implicit bit).
    mant_field: u64,
    mant_bits: u32,
    exp_bits: u32,
    bias: i32,
    is32: bool,
    value: f64,
}

impl Bits {
    fn new(f: f64, bit_size: u32) -> Bits {
        if bit_size == 32 {
            let x = f as f32;
            let b = x.to_bits();
            Bits {
                neg: b >> 31 != 0,
                exp_field: u64::from((b >> 23) & 0xff),
                mant_field: u64::from(b & 0x7f_ffff),
                mant_bits: 23,
                exp_bits: 8,
                bias: -127,
                is32: true,
                value: f64::from(x),
            }
        } else {
            let b = f.to_bits();
            Bits {
                neg: b >> 63 != 0,
                exp_field: (b >> 52) & 0x7ff,
                mant_field: b & ((1 << 52) - 1),
                mant_bits: 52,
                exp_bits: 11,
                bias: -1023,
                is32: false,
                value: f,
            }
        }
    }

    /// Rust-formats the absolute value at the value's own width: shortest
    /// (`{:e}`), `e_prec` digits after the point in `{:.Ne}`, or `f_prec`
    /// digits after the point in `{:.N}`. Short results are formatted into
    /// a stack buffer (most calls), long ones into a `String`.
    fn rust_digits(&self, shortest: bool, e_prec: Option<usize>, f_prec: Option<usize>) -> Decimal {
        let a = self.value.abs();
        let x = a as f32;
        let is32 = self.is32;
        let write = |w: &mut dyn std::fmt::Write| match (shortest, e_prec, f_prec, is32) {
            (false, Some(p), _, true) => write!(w, "{x:.p$e}"),
            (false, Some(p), _, false) => write!(w, "{a:.p$e}"),
            (false, None, Some(p), true) => write!(w, "{x:.p$}"),
            (false, None, Some(p), false) => write!(w, "{a:.p$}"),
            (_, _, _, true) => write!(w, "{x:e}"),
            (_, _, _, false) => write!(w, "{a:e}"),
        };
        let mut stack = StackBuf {
            buf: [0; 80],
            len: 0,
        };
        if write(&mut stack).is_ok() {
            // Rust's float formatting writes ASCII only.
            if let Ok(text) = std::str::from_utf8(&stack.buf[..stack.len]) {
                return Decimal::from_rust(text);
            }
        }
        let mut text = String::new();
        let _ = write(&mut text);
        Decimal::from_rust(&text)
    }

    /// The shortest digits that round-trip, choosing like Go when two
    /// candidates of that length are equally close to the value: Rust
    /// rounds such a tie up, Go to even. The correctly rounded (ties to
    /// even) digits of the same length are used whenever they round-trip;
    /// they are the closest candidates, so they are Go's choice.
    ///
    /// `mant × 2^exp2` is the value's magnitude (`mant` an integer): it
    /// decides cheaply whether a tie is possible at all, so the second
    /// formatting is only paid for values that have one.
    fn shortest_digits(&self, mant: u64, exp2: i32) -> Decimal {
        let d = self.rust_digits(true, None, None);
        let n = d.digits.len();
        if n == 0 || !may_tie(mant, exp2, n) {
            return d;
        }
        let exact = self.rust_digits(false, Some(n - 1), None);
        if exact.digits == d.digits && exact.dp == d.dp {
            return d;
        }
        let text = format!("0.{}e{}", String::from_utf8_lossy(&exact.digits), exact.dp);
        let round_trips = if self.is32 {
            text.parse::<f32>().ok() == Some(self.value.abs() as f32)
        } else {
            text.parse::<f64>().ok() == Some(self.value.abs())
        };
        if round_trips && exact.digits.len() == n {
            exact
        } else {
            d
        }
    }
}

/// Whether `mant × 2^exp2` could lie exactly halfway between two decimals
/// of `n` significant digits: only if its exact decimal expansion has
/// `n + 1` significant digits. Values whose expansion cannot be computed in
/// a `u128` answer `true` (the caller then checks the slow way).
fn may_tie(mant: u64, exp2: i32, n: usize) -> bool {
    if mant == 0 {
        return false;
    }
    let tz = mant.trailing_zeros();
    let m = u128::from(mant >> tz);
    let e = exp2 + tz as i32;
    let sig_digits = |mut x: u128| {
        while x % 10 == 0 {
            x /= 10;
        }
        let mut d = 0;
        while x > 0 {
            x /= 10;
            d += 1;
        }
        d
    };
    if e >= 0 {
        let bits = 128 - m.leading_zeros() as i32;
        if bits + e > 127 {
            return true;
        }
        sig_digits(m << e) == n + 1
    } else {
        // m / 2^q = m × 5^q / 10^q; with q > 26 the expansion has more
        // than 18 significant digits, more than any shortest form + 1.
        let q = -e;
        if q > 26 {
            return false;
        }
        sig_digits(m * 5u128.pow(q as u32)) == n + 1
    }
}

/// Go's `strconv.FormatFloat(f, fmt, prec, bitSize)`. `bitSize` other than
/// 32 or 64 is a Go panic. (An unknown non-ASCII `fmt` byte, which Go echoes
/// as `%` and the byte, shows as U+FFFD here; [`append_float`] keeps it.)
pub fn format_float(f: f64, fmt: u8, prec: i64, bit_size: i64) -> Result<String, StrconvPanic> {
    if bit_size != 32 && bit_size != 64 {
        return Err(StrconvPanic("strconv: illegal FormatFloat bitSize"));
    }
    let mut out = Vec::new();
    append_float(&mut out, f, fmt, prec, bit_size)?;
    // Every byte written is ASCII except an unknown `fmt` byte echoed back.
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Go's `strconv.AppendFloat(dst, f, fmt, prec, bitSize)`.
pub fn append_float(
    dst: &mut Vec<u8>,
    f: f64,
    fmt: u8,
    prec: i64,
    bit_size: i64,
) -> Result<(), StrconvPanic> {
    let bits = match bit_size {
        32 => Bits::new(f, 32),
        64 => Bits::new(f, 64),
        _ => return Err(StrconvPanic("strconv: illegal AppendFloat bitSize")),
    };
    // Precisions beyond what fmt can ask for (1e6) are clamped to keep
    // allocations bounded; Go would try to allocate and run out of memory.
    let prec = prec.min(10_000_000);
    ftoa(dst, &bits, fmt, prec);
    Ok(())
}

fn ftoa(dst: &mut Vec<u8>, b: &Bits, fmt: u8, prec: i64) {
    let all_exp = (1u64 << b.exp_bits) - 1;
    if b.exp_field == all_exp {
        if b.mant_field != 0 {
            dst.extend_from_slice(b"NaN");
        } else if b.neg {
            dst.extend_from_slice(b"-Inf");
        } else {
            dst.extend_from_slice(b"+Inf");
        }
        return;
    }
    let mut exp = b.exp_field as i32;
    let mut mant = b.mant_field;
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1 << b.mant_bits;
    }
    exp += b.bias;

    if fmt == b'b' {
        fmt_b(dst, b.neg, mant, exp - b.mant_bits as i32);
        return;
    }
    if fmt == b'x' || fmt == b'X' {
        fmt_x(dst, prec, fmt, b.neg, mant, exp, b.mant_bits);
        return;
    }
    if mant == 0 {
        fmt_efg(dst, b.neg, &[], 0, prec, fmt, prec < 0);
        return;
    }
    if prec < 0 {
        let d = b.shortest_digits(mant, exp - b.mant_bits as i32);
        let nd = d.digits.len() as i64;
        let p = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - i64::from(d.dp)).max(0),
            b'g' | b'G' => nd,
            _ => prec,
        };
        fmt_efg(dst, b.neg, &d.digits, d.dp, p, fmt, true);
        return;
    }
    let mut prec = prec;
    let d = match fmt {
        b'e' | b'E' => b.rust_digits(false, Some(prec as usize), None),
        b'f' => b.rust_digits(false, None, Some(prec as usize)),
        b'g' | b'G' => {
            if prec == 0 {
                prec = 1;
            }
            b.rust_digits(false, Some((prec - 1) as usize), None)
        }
        // Unknown verb: fmt_efg writes `%c` without looking at digits.
        _ => Decimal {
            digits: Vec::new(),
            dp: 0,
        },
    };
    fmt_efg(dst, b.neg, &d.digits, d.dp, prec, fmt, false);
}

/// Go's `fmtEFG`: lays out `0.s × 10^dp` for `%e`, `%E`, `%f`, `%g`, `%G`.
fn fmt_efg(dst: &mut Vec<u8>, neg: bool, s: &[u8], dp: i32, prec: i64, fmt: u8, shortest: bool) {
    let nd = s.len() as i64;
    let dp64 = i64::from(dp);
    let mut prec = prec;
    let mut fmt = fmt;
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp64 {
            eprec = nd;
        }
        if shortest {
            eprec = 6;
        }
        let exp = dp64 - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp64 {
                prec = nd;
            }
            prec = (prec - dp64).max(0);
            fmt = b'f';
        }
    }
    match fmt {
        b'e' | b'E' => {
            if neg {
                dst.push(b'-');
            }
            dst.push(if nd != 0 { s[0] } else { b'0' });
            if prec > 0 {
                dst.push(b'.');
                let m = nd.min(prec + 1);
                let mut i = 1;
                if i < m {
                    dst.extend_from_slice(&s[1..m as usize]);
                    i = m;
                }
                dst.resize(dst.len() + (prec + 1 - i) as usize, b'0');
            }
            let exp = if nd == 0 { 0 } else { dp64 - 1 };
            push_exponent(dst, fmt, exp);
        }
        b'f' => {
            if neg {
                dst.push(b'-');
            }
            if dp64 > 0 {
                let m = nd.min(dp64);
                dst.extend_from_slice(&s[..m as usize]);
                dst.resize(dst.len() + (dp64 - m) as usize, b'0');
            } else {
                dst.push(b'0');
            }
            if prec > 0 {
                dst.push(b'.');
                let lz = prec.min((-dp64).max(0));
                let off = dp64 + lz;
                let m = (prec - lz).min((nd - off).max(0));
                let tz = (prec - lz - m).max(0);
                dst.resize(dst.len() + lz as usize, b'0');
                if m > 0 {
                    dst.extend_from_slice(&s[off as usize..(off + m) as usize]);
                }
                dst.resize(dst.len() + tz as usize, b'0');
            }
        }
        _ => {
            dst.push(b'%');
            dst.push(fmt);
        }
    }
}

/// Go's `%b`: `-ddddp±ddd`, the mantissa and binary exponent in decimal.
fn fmt_b(dst: &mut Vec<u8>, neg: bool, mant: u64, exp: i32) {
    if neg {
        dst.push(b'-');
    }
    dst.extend_from_slice(mant.to_string().as_bytes());
    dst.push(b'p');
    if exp >= 0 {
        dst.push(b'+');
    }
    dst.extend_from_slice(exp.to_string().as_bytes());
}

/// Go's `%x`: `-0x1.yyyyp±dd`, rounding to `prec` hex digits (ties to even).
fn fmt_x(dst: &mut Vec<u8>, prec: i64, fmt: u8, neg: bool, mant: u64, exp: i32, mant_bits: u32) {
    let mut mant = mant;
    let mut exp = exp;
    if mant == 0 {
        exp = 0;
    }
    // Put the leading 1 (if any) at bit 60.
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    if neg {
        dst.push(b'-');
    }
    dst.push(b'0');
    dst.push(fmt);
    dst.push(b'0' + ((mant >> 60) & 1) as u8);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        dst.push(b'.');
        while mant != 0 {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        dst.push(b'.');
        for _ in 0..prec {
            dst.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    push_exponent(dst, if fmt == b'X' { b'P' } else { b'p' }, i64::from(exp));
}

/// Writes an exponent as `%e` and `%x` write it: `marker`, the sign, and
/// at least two decimal digits (Go's `fmtE` and `fmtX` each spell this
/// out).
fn push_exponent(dst: &mut Vec<u8>, marker: u8, exp: i64) {
    dst.push(marker);
    dst.push(if exp < 0 { b'-' } else { b'+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        dst.push(b'0');
    }
    let mut buf = [0u8; 20];
    let i = super::atoi::put_digits(&mut buf, e, 10, b"0123456789");
    dst.extend_from_slice(&buf[i..]);
}

/// Go's `special`: a prefix `[+-]inf`, `[+-]infinity` or `nan` (any case).
/// Returns the value and the length of the prefix.
fn special(s: &[u8]) -> Option<(f64, usize)> {
    fn common_prefix_len_ignore_case(s: &[u8], prefix: &[u8]) -> usize {
        s.iter()
            .zip(prefix)
            .take_while(|(&c, &p)| c.to_ascii_lowercase() == p)
            .count()
    }
    let first = *s.first()?;
    let (sign, nsign, rest) = match first {
        b'+' => (1.0, 1, &s[1..]),
        b'-' => (-1.0, 1, &s[1..]),
        _ => (1.0, 0, s),
    };
    if nsign == 1 || first == b'i' || first == b'I' {
        let mut n = common_prefix_len_ignore_case(rest, b"infinity");
        if 3 < n && n < 8 {
            n = 3;
        }
        if n == 3 || n == 8 {
            return Some((sign * f64::INFINITY, nsign + n));
        }
        return None;
    }
    if (first == b'n' || first == b'N') && common_prefix_len_ignore_case(s, b"nan") == 3 {
        return Some((f64::NAN, 3));
    }
    None
}

/// What Go's `readFloat` extracts from a syntactically valid prefix.
struct ReadFloat {
    /// Up to 19 decimal (16 hex) leading significant digits.
    mantissa: u64,
    /// Decimal (or, for hex, binary) exponent applied to `mantissa`.
    exp: i64,
    neg: bool,
    /// Non-zero digits were dropped from `mantissa`.
    trunc: bool,
    hex: bool,
    /// Length of the valid prefix.
    len: usize,
}

/// Port of Go's `readFloat`; `None` means a syntax error.
fn read_float(s: &[u8]) -> Option<ReadFloat> {
    let mut underscores = false;
    let mut i = 0;
    let mut neg = false;
    match s.first()? {
        b'+' => i += 1,
        b'-' => {
            i += 1;
            neg = true;
        }
        _ => {}
    }
    let mut base: u64 = 10;
    let mut max_mant_digits = 19;
    let mut exp_char = b'e';
    let mut hex = false;
    if i + 2 < s.len() && s[i] == b'0' && lower(s[i + 1]) == b'x' {
        base = 16;
        max_mant_digits = 16;
        i += 2;
        exp_char = b'p';
        hex = true;
    }
    let mut sawdot = false;
    let mut sawdigits = false;
    let mut nd: i64 = 0;
    let mut nd_mant: i64 = 0;
    let mut dp: i64 = 0;
    let mut mantissa: u64 = 0;
    let mut trunc = false;
    while i < s.len() {
        let c = s[i];
        if c == b'_' {
            underscores = true;
        } else if c == b'.' {
            if sawdot {
                break;
            }
            sawdot = true;
            dp = nd;
        } else if c.is_ascii_digit() {
            sawdigits = true;
            if c == b'0' && nd == 0 {
                dp -= 1;
                i += 1;
                continue;
            }
            nd += 1;
            if nd_mant < max_mant_digits {
                mantissa = mantissa * base + u64::from(c - b'0');
                nd_mant += 1;
            } else if c != b'0' {
                trunc = true;
            }
        } else if base == 16 && (b'a'..=b'f').contains(&lower(c)) {
            sawdigits = true;
            nd += 1;
            if nd_mant < max_mant_digits {
                mantissa = mantissa * 16 + u64::from(lower(c) - b'a' + 10);
                nd_mant += 1;
            } else {
                trunc = true;
            }
        } else {
            break;
        }
        i += 1;
    }
    if !sawdigits {
        return None;
    }
    if !sawdot {
        dp = nd;
    }
    if base == 16 {
        dp *= 4;
        nd_mant *= 4;
    }
    if i < s.len() && lower(s[i]) == exp_char {
        i += 1;
        if i >= s.len() {
            return None;
        }
        let mut esign = 1;
        match s[i] {
            b'+' => i += 1,
            b'-' => {
                i += 1;
                esign = -1;
            }
            _ => {}
        }
        if i >= s.len() || !s[i].is_ascii_digit() {
            return None;
        }
        let mut e: i64 = 0;
        while i < s.len() && (s[i].is_ascii_digit() || s[i] == b'_') {
            if s[i] == b'_' {
                underscores = true;
            } else if e < 10000 {
                e = e * 10 + i64::from(s[i] - b'0');
            }
            i += 1;
        }
        dp += e * esign;
    } else if base == 16 {
        return None;
    }
    let exp = if mantissa != 0 { dp - nd_mant } else { 0 };
    if underscores && !underscore_ok(&s[..i]) {
        return None;
    }
    Some(ReadFloat {
        mantissa,
        exp,
        neg,
        trunc,
        hex,
        len: i,
    })
}

/// Port of Go's `atofHex`: rounds a hex mantissa to the float format.
/// Returns the value (as f64 even for 32 bits) and whether it overflowed.
fn atof_hex(rf: &ReadFloat, is32: bool) -> (f64, bool) {
    let (mant_bits, exp_bits, bias): (u32, u32, i64) =
        if is32 { (23, 8, -127) } else { (52, 11, -1023) };
    let max_exp = (1i64 << exp_bits) + bias - 2;
    let min_exp = bias + 1;
    let mut mantissa = rf.mantissa;
    let mut exp = rf.exp + i64::from(mant_bits);
    while mantissa != 0 && mantissa >> (mant_bits + 2) == 0 {
        mantissa <<= 1;
        exp -= 1;
    }
    if rf.trunc {
        mantissa |= 1;
    }
    while mantissa >> (1 + mant_bits + 2) != 0 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exp += 1;
    }
    while mantissa > 1 && exp < min_exp - 2 {
        mantissa = (mantissa >> 1) | (mantissa & 1);
        exp += 1;
    }
    let mut round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1;
    exp += 2;
    if round == 3 {
        mantissa += 1;
        if mantissa == 1 << (1 + mant_bits) {
            mantissa >>= 1;
            exp += 1;
        }
    }
    if mantissa >> mant_bits == 0 {
        exp = bias;
    }
    let mut overflow = false;
    if exp > max_exp {
        mantissa = 1 << mant_bits;
        exp = max_exp + 1;
        overflow = true;
    }
    let mut bits = mantissa & ((1 << mant_bits) - 1);
    bits |= (((exp - bias) as u64) & ((1 << exp_bits) - 1)) << mant_bits;
    if rf.neg {
        bits |= 1 << mant_bits << exp_bits;
    }
    if is32 {
        (f64::from(f32::from_bits(bits as u32)), overflow)
    } else {
        (f64::from_bits(bits), overflow)
    }
}

/// Go's `strconv.ParseFloat(s, bitSize)`: `bitSize` 32 rounds to float32
/// (the result is still an f64 holding a float32 value); anything else is
/// treated as 64, as Go does. On error the value Go returns travels with it
/// (±Inf for range errors, 0 for syntax errors).
pub fn parse_float(s: &[u8], bit_size: i64) -> Result<f64, (f64, NumError)> {
    let is32 = bit_size == 32;
    let syntax = || Err((0.0, NumError::new("ParseFloat", s, NumErrorKind::Syntax)));
    if let Some((v, n)) = special(s) {
        if n != s.len() {
            return syntax();
        }
        return Ok(v);
    }
    let Some(rf) = read_float(s) else {
        return syntax();
    };
    if rf.len != s.len() {
        return syntax();
    }
    let (v, overflow) = if rf.hex {
        atof_hex(&rf, is32)
    } else {
        // Rewrite as Rust syntax: digits, '.', 'e' and the sign survive;
        // underscores (already validated) go. Rust accepts exponents of any
        // length, saturating to 0 or infinity as Go does.
        let text: String = s
            .iter()
            .filter(|&&c| c != b'_')
            .map(|&c| c as char)
            .collect();
        let v = if is32 {
            text.parse::<f32>().map(f64::from)
        } else {
            text.parse::<f64>()
        };
        match v {
            Ok(v) => (v, v.is_infinite()),
            // read_float accepted it, so Rust's grammar (a superset for
            // decimals) should too; report a syntax error rather than panic.
            Err(_) => return syntax(),
        }
    };
    if overflow {
        return Err((v, NumError::new("ParseFloat", s, NumErrorKind::Range)));
    }
    Ok(v)
}
