//! Formatting: values as Go's compiler messages print constants
//! (`go/constant`'s `String`): floats through `%g` with Go's shortest
//! digits, strings through `strconv.Quote` and shortened. Kept apart
//! because it only reads values and follows `strconv`, not the spec.

use super::rounding::{float_bits, round_scaled, BINARY64};
use super::*;

/// Formats the value as Go's messages show constants: integers exactly,
/// floats as `go/constant` String() does (e.g. `1e+100`, `0.1`, `3.14159`),
/// strings quoted and shortened as Go does, booleans `true`/`false`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(n) => write!(f, "{n}"),
            Value::Float(r) => f.write_str(&format_float(r)),
            // go/constant's `(re + imi)`, each part as a float (Go keeps
            // an integer real part exact; the parts here no longer say
            // which they were, and agree below 1e6).
            Value::Complex(re, im) => {
                write!(f, "({} + {}i)", format_float(re), format_float(im))
            }
            Value::String(s) => f.write_str(&shorten_quoted(&go_quote(s))),
            Value::Unknown => f.write_str("unknown"),
        }
    }
}

// ---------------------------------------------------------------------------
// Formatting.

/// `go/constant`'s `String()` for a float value: the value rounded to 512
/// bits (`rtof`), then `%.6g` of its float64 value when that is neither 0
/// nor infinite (more digits when `%.6g` would hide that the value is not
/// an integer), else an approximate `d.ddddde±N`.
pub(super) fn format_float(v: &Float) -> String {
    let Some((neg, m, e)) = v.rounded_parts() else {
        return "0".to_string();
    };
    let one = BigUint::one();
    if let Some(bits) = float_bits(neg, &m, &one, e, &BINARY64) {
        let x = f64::from_bits(bits);
        if x != 0.0 {
            let s = format_g(x, Some(6));
            // `m` is odd: the value is an integer iff `e >= 0`.
            if e < 0 && !s.contains('.') {
                return format_g(x, None);
            }
            return s;
        }
    }
    // Outside float64's range: the value is mant · 2^exp with
    // 0.5 <= |mant| < 1 (`MantExp`), mant rounded to a float64; the
    // decimal exponent is found with float arithmetic, as Go does.
    let mbits = m.bits() as i64;
    let exp = mbits + e;
    let Some((q, u)) = round_scaled(&m, &one, -mbits, 53, None) else {
        return "0".to_string();
    };
    let mant = q.to_f64().unwrap_or(0.0) * 2f64.powi(u as i32);
    let mant = if neg { -mant } else { mant };
    // Go's `math.Ln2 / math.Ln10` is an exact constant quotient, rounded
    // once: log10(2).
    let d = exp as f64 * std::f64::consts::LOG10_2;
    let mut e = d as i64;
    let mut mv = mant * go_pow10_frac(d - e as f64);
    let am = mv.abs();
    if am < 1.0 - 0.5e-6 {
        mv *= 10.0;
        e -= 1;
    } else if am >= 10.0 {
        mv /= 10.0;
        e += 1;
    }
    format!(
        "{}e{}{}",
        format_g(mv, Some(6)),
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// `math.Pow(10, y)` for `0 <= y < 1` computed in the steps Go's `Pow`
/// takes (`Exp(yf·Log(10))`, with `yf` moved into (-0.5, 0.5] by taking
/// one factor of 10 out as `0.625 · 2^4`), so that the last bits, which
/// can decide the sixth digit of a huge constant's display, agree.
fn go_pow10_frac(y: f64) -> f64 {
    if y == 0.0 {
        return 1.0;
    }
    if y > 0.5 {
        ((y - 1.0) * 10f64.ln()).exp() * 0.625 * 16.0
    } else {
        (y * 10f64.ln()).exp()
    }
}

/// Go's `%g` (`prec` None: shortest representation) or `%.<prec>g` of a
/// finite float64.
pub(super) fn format_g(x: f64, prec: Option<usize>) -> String {
    if x == 0.0 {
        return "0".to_string();
    }
    let neg = x < 0.0;
    let a = x.abs();
    // Rust's `{:e}` gives the shortest round-trip digits and `{:.Ne}` the
    // correctly rounded ones, the digits Go's strconv produces.
    let s = match prec {
        Some(p) => format!("{:.*e}", p.max(1) - 1, a),
        None => format!("{a:e}"),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp10: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if prec.is_none() {
        closest_shortest(a, &mut digits, exp10 + 1);
    }
    let nd = digits.len() as i64;
    let dp = exp10 + 1;
    let shortest = prec.is_none();
    let mut prec = match prec {
        Some(p) => p.max(1) as i64,
        None => nd,
    };
    let mut eprec = prec;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    if shortest {
        eprec = 6;
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let exp = dp - 1;
    if exp < -4 || exp >= eprec {
        if prec > nd {
            prec = nd;
        }
        prec -= 1;
        out.push(digits[0] as char);
        if prec > 0 {
            out.push('.');
            for i in 1..=prec {
                out.push(digits.get(i as usize).map_or('0', |&b| b as char));
            }
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        if exp.abs() < 10 {
            out.push('0');
        }
        out.push_str(&exp.abs().to_string());
    } else {
        if prec > dp {
            prec = nd;
        }
        let frac = (prec - dp).max(0);
        if dp > 0 {
            for i in 0..dp {
                out.push(digits.get(i as usize).map_or('0', |&b| b as char));
            }
        } else {
            out.push('0');
        }
        if frac > 0 {
            out.push('.');
            for i in 0..frac {
                let j = dp + i;
                let c = if j >= 0 {
                    digits.get(j as usize).map_or('0', |&b| b as char)
                } else {
                    '0'
                };
                out.push(c);
            }
        }
    }
    out
}

/// Among the shortest digit strings that read back as `x`, Go's strconv
/// picks the one nearest to `x`'s exact value, and on a tie the one with an
/// even last digit. Rust's `{:e}` gives a shortest string too but may break
/// such a tie the other way (`1852499843482486.25` is 1.8524998434824862e+15
/// in Go, ...63e+15 in Rust), so the neighbours of Rust's choice are checked
/// exactly. `digits` are significant digits with the decimal point `dp`
/// places from their start.
pub(super) fn closest_shortest(x: f64, digits: &mut Vec<u8>, dp: i64) {
    let Some(exact) = BigRational::from_float(x) else {
        return;
    };
    let text: String = digits.iter().map(|&b| b as char).collect();
    let Ok(m) = text.parse::<u64>() else {
        return;
    };
    let scale = dp - digits.len() as i64;
    let value = |m: u64| -> BigRational {
        let p = num_traits::pow(BigInt::from(10), scale.unsigned_abs() as usize);
        if scale >= 0 {
            BigRational::from_integer(BigInt::from(m) * p)
        } else {
            BigRational::new(BigInt::from(m), p)
        }
    };
    let reads_back = |m: u64| format!("{m}e{scale}").parse::<f64>() == Ok(x);
    let mut best = m;
    let mut best_dist = (value(m) - &exact).abs();
    for cand in [m.wrapping_sub(1), m + 1] {
        // Same length only: a carry or borrow changes the digit count.
        if cand == 0 || cand.to_string().len() != text.len() || !reads_back(cand) {
            continue;
        }
        let dist = (value(cand) - &exact).abs();
        if dist < best_dist || (dist == best_dist && cand % 2 == 0 && best % 2 == 1) {
            best = cand;
            best_dist = dist;
        }
    }
    if best != m {
        *digits = best.to_string().into_bytes();
        while digits.len() > 1 && digits.last() == Some(&b'0') {
            digits.pop();
        }
    }
}

/// Go's `strconv.Quote` of a byte string: invalid UTF-8 bytes as `\xHH`,
/// the usual backslash escapes, non-printable runes as `\uHHHH` or
/// `\UHHHHHHHH`.
pub(super) fn go_quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\x07' => out.push_str("\\a"),
                '\x08' => out.push_str("\\b"),
                '\x0c' => out.push_str("\\f"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\x0b' => out.push_str("\\v"),
                c if is_go_print(c) => out.push(c),
                c if (c as u32) < 0x20 || c == '\x7f' => {
                    out.push_str(&format!("\\x{:02x}", c as u32));
                }
                c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push_str(&format!("\\U{:08x}", c as u32)),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `strconv.IsPrint` without Unicode tables:
/// printable unless a control, a space other than U+0020, a format
/// character, a private-use or noncharacter code point. Unassigned code
/// points count as printable here (Go escapes them).
pub(super) fn is_go_print(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return (0x20..0x7f).contains(&u);
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(u,
            0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e
            | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x206f
            | 0xfeff | 0xfff9..=0xfffb | 0xe000..=0xf8ff
            | 0xfdd0..=0xfdef | 0xf0000.. | 0xe0000..=0xe0fff)
        || u & 0xfffe == 0xfffe)
}

/// `go/constant` shortens quoted strings longer than 72 runes to their
/// first 69 runes and `...`.
pub(super) fn shorten_quoted(q: &str) -> String {
    const MAX_LEN: usize = 72;
    if q.chars().count() > MAX_LEN {
        let mut s: String = q.chars().take(MAX_LEN - 3).collect();
        s.push_str("...");
        s
    } else {
        q.to_string()
    }
}
