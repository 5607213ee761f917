//! Integers and booleans to and from text, as Go's `strconv` does them, and
//! the `NumError` every parser reports.
//!
//! Go strings are byte strings that need not be UTF-8, so inputs are `&[u8]`
//! and results that Go returns as strings are `Vec<u8>` or, where the output
//! is always ASCII, `String`.
//!
//! The parsers follow Go's `internal/strconv/atoi.go` step by step, since the
//! exact error chosen (syntax before range, range saturating to the largest
//! value of the bit size, `invalid base`/`invalid bit size`) is observable:
//! digits are accumulated in a `u64` with a cutoff test before each multiply,
//! underscores are skipped while reading and validated afterwards as a whole
//! (`underscore_ok`), exactly like Go, so that the first error Go would see is
//! the one reported. Rust's `u64::from_str_radix` was rejected: it accepts a
//! leading `+`, rejects underscores, and reports overflow before syntax.

use std::fmt;

/// The reason a conversion failed (Go's `ErrSyntax`, `ErrRange`, and the
/// `invalid base N` / `invalid bit size N` errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumErrorKind {
    /// `invalid syntax`
    Syntax,
    /// `value out of range`
    Range,
    /// `invalid base N`
    Base(i64),
    /// `invalid bit size N`
    BitSize(i64),
}

impl fmt::Display for NumErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumErrorKind::Syntax => f.write_str("invalid syntax"),
            NumErrorKind::Range => f.write_str("value out of range"),
            NumErrorKind::Base(b) => write!(f, "invalid base {b}"),
            NumErrorKind::BitSize(b) => write!(f, "invalid bit size {b}"),
        }
    }
}

/// Go's `*strconv.NumError`: which function failed, on what input, and why.
/// Its `Display` is Go's `Error()`, e.g.
/// `strconv.Atoi: parsing "12a": invalid syntax`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    /// The failing function: `ParseBool`, `ParseInt`, `ParseUint`, `ParseFloat` or `Atoi`.
    pub func: &'static str,
    /// The input, as given (Go strings may hold any bytes; this is lossless).
    pub num: Vec<u8>,
    /// Why it failed.
    pub err: NumErrorKind,
}

impl NumError {
    pub(crate) fn new(func: &'static str, num: &[u8], err: NumErrorKind) -> NumError {
        NumError {
            func,
            num: num.to_vec(),
            err,
        }
    }

    /// Go's `err.Error()` as bytes (the quoted input may hold `\x` escapes
    /// but is always valid UTF-8, so this equals `to_string()`).
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quoted = super::quote::quote(&self.num);
        // Quote's output is valid UTF-8: invalid input bytes become `\xNN`.
        write!(
            f,
            "strconv.{}: parsing {}: {}",
            self.func,
            String::from_utf8_lossy(&quoted),
            self.err
        )
    }
}

impl std::error::Error for NumError {}

/// A call Go answers with a panic rather than an error (an illegal base or
/// bit size given to a formatting function). The VM turns it into a Go panic
/// whose value prints as this message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrconvPanic(pub &'static str);

impl fmt::Display for StrconvPanic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Go's `strconv.IntSize`: gol's `int` is 64 bits, as on every 64-bit Go port.
pub const INT_SIZE: u32 = 64;

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `c | 0x20`: a lower-case letter iff `c` is that letter in either case.
#[inline]
pub(crate) fn lower(c: u8) -> u8 {
    c | (b'x' - b'X')
}

/// Go's `strconv.FormatUint(i, base)`.
pub fn format_uint(i: u64, base: u32) -> Result<String, StrconvPanic> {
    let mut out = Vec::new();
    append_uint(&mut out, i, base)?;
    // Only ASCII digits and letters were written.
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Go's `strconv.FormatInt(i, base)`.
pub fn format_int(i: i64, base: u32) -> Result<String, StrconvPanic> {
    let mut out = Vec::new();
    append_int(&mut out, i, base)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Go's `strconv.Itoa(i)`.
pub fn itoa(i: i64) -> String {
    i.to_string()
}

/// Go's `strconv.AppendInt(dst, i, base)`.
pub fn append_int(dst: &mut Vec<u8>, i: i64, base: u32) -> Result<(), StrconvPanic> {
    format_bits(dst, i.unsigned_abs(), base, i < 0)
}

/// Go's `strconv.AppendUint(dst, i, base)`.
pub fn append_uint(dst: &mut Vec<u8>, i: u64, base: u32) -> Result<(), StrconvPanic> {
    format_bits(dst, i, base, false)
}

fn format_bits(dst: &mut Vec<u8>, u: u64, base: u32, neg: bool) -> Result<(), StrconvPanic> {
    if !(2..=36).contains(&base) {
        return Err(StrconvPanic("strconv: illegal AppendInt/FormatInt base"));
    }
    // 64 binary digits and a sign at most.
    let mut a = [0u8; 65];
    let mut i = put_digits(&mut a, u, base, DIGITS);
    if neg {
        i -= 1;
        a[i] = b'-';
    }
    dst.extend_from_slice(&a[i..]);
    Ok(())
}

/// `00`, `01` ... `99`: the decimal digit pairs.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes the digits of `u` in `base` (2 to 36) with `digits`, right
/// aligned at the end of `buf`, and returns where they start (Go's
/// `formatBits` and fmt's `fmtInteger` build numbers right to left the
/// same way). `buf` must have room for them.
pub(super) fn put_digits(buf: &mut [u8], mut u: u64, base: u32, digits: &[u8]) -> usize {
    let mut i = buf.len();
    if base == 10 {
        // Two digits per division by a constant, as Go's `formatBits`
        // does for base 10 (every digit set writes 0-9 as ASCII digits).
        while u >= 100 {
            let r = (u % 100) as usize * 2;
            u /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[r..r + 2]);
        }
        if u >= 10 {
            let r = u as usize * 2;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[r..r + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + u as u8;
        }
        return i;
    }
    let base = u64::from(base);
    while u >= base {
        i -= 1;
        buf[i] = digits[(u % base) as usize];
        u /= base;
    }
    i -= 1;
    buf[i] = digits[u as usize];
    i
}

/// Go's `strconv.FormatBool`.
pub fn format_bool(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Go's `strconv.AppendBool`.
pub fn append_bool(dst: &mut Vec<u8>, b: bool) {
    dst.extend_from_slice(format_bool(b).as_bytes());
}

/// Go's `strconv.ParseBool`.
pub fn parse_bool(s: &[u8]) -> Result<bool, NumError> {
    match s {
        b"1" | b"t" | b"T" | b"true" | b"TRUE" | b"True" => Ok(true),
        b"0" | b"f" | b"F" | b"false" | b"FALSE" | b"False" => Ok(false),
        _ => Err(NumError::new("ParseBool", s, NumErrorKind::Syntax)),
    }
}

/// The error of Go's internal parsers before it is wrapped in a `NumError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RawErr {
    Syntax,
    Range,
    Base,
    BitSize,
}

fn wrap(func: &'static str, s: &[u8], base: i64, bit_size: i64, e: RawErr) -> NumError {
    let kind = match e {
        RawErr::Syntax => NumErrorKind::Syntax,
        RawErr::Range => NumErrorKind::Range,
        RawErr::Base => NumErrorKind::Base(base),
        RawErr::BitSize => NumErrorKind::BitSize(bit_size),
    };
    NumError::new(func, s, kind)
}

/// The value Go returns alongside an error, and the error.
pub type ParseResult<T> = Result<T, (T, NumError)>;

fn parse_uint_raw(s0: &[u8], base: i64, bit_size: i64) -> (u64, Option<RawErr>) {
    if s0.is_empty() {
        return (0, Some(RawErr::Syntax));
    }
    let base0 = base == 0;
    let mut s = s0;
    let mut base = base;
    if (2..=36).contains(&base) {
    } else if base == 0 {
        base = 10;
        if s[0] == b'0' {
            if s.len() >= 3 && lower(s[1]) == b'b' {
                base = 2;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'o' {
                base = 8;
                s = &s[2..];
            } else if s.len() >= 3 && lower(s[1]) == b'x' {
                base = 16;
                s = &s[2..];
            } else {
                base = 8;
                s = &s[1..];
            }
        }
    } else {
        return (0, Some(RawErr::Base));
    }
    let bit_size = if bit_size == 0 {
        i64::from(INT_SIZE)
    } else if !(0..=64).contains(&bit_size) {
        return (0, Some(RawErr::BitSize));
    } else {
        bit_size
    };
    let base_u = base as u64;
    // The smallest n with n*base > u64::MAX.
    let cutoff = u64::MAX / base_u + 1;
    let max_val: u64 = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = if c == b'_' && base0 {
            underscores = true;
            continue;
        } else if c.is_ascii_digit() {
            c - b'0'
        } else if lower(c).is_ascii_lowercase() {
            lower(c) - b'a' + 10
        } else {
            return (0, Some(RawErr::Syntax));
        };
        if i64::from(d) >= base {
            return (0, Some(RawErr::Syntax));
        }
        if n >= cutoff {
            return (max_val, Some(RawErr::Range));
        }
        n *= base_u;
        let n1 = n.wrapping_add(u64::from(d));
        if n1 < n || n1 > max_val {
            return (max_val, Some(RawErr::Range));
        }
        n = n1;
    }
    if underscores && !underscore_ok(s0) {
        return (0, Some(RawErr::Syntax));
    }
    (n, None)
}

fn parse_int_raw(s0: &[u8], base: i64, bit_size: i64) -> (i64, Option<RawErr>) {
    if s0.is_empty() {
        return (0, Some(RawErr::Syntax));
    }
    let (neg, s) = match s0[0] {
        b'+' => (false, &s0[1..]),
        b'-' => (true, &s0[1..]),
        _ => (false, s0),
    };
    let (un, err) = parse_uint_raw(s, base, bit_size);
    if let Some(e) = err {
        if e != RawErr::Range {
            return (0, Some(e));
        }
    }
    let bit_size = if bit_size == 0 {
        i64::from(INT_SIZE)
    } else {
        bit_size
    };
    // bit_size is in 1..=64 here: other values were rejected above.
    let cutoff: u64 = 1u64 << (bit_size - 1);
    if !neg && un >= cutoff {
        return ((cutoff - 1) as i64, Some(RawErr::Range));
    }
    if neg && un > cutoff {
        return ((cutoff as i64).wrapping_neg(), Some(RawErr::Range));
    }
    let n = un as i64;
    (if neg { n.wrapping_neg() } else { n }, None)
}

/// Go's `strconv.ParseUint(s, base, bitSize)`. On error Go still returns a
/// value (the saturated maximum for range errors, else 0): it is the first
/// element of the `Err` pair.
pub fn parse_uint(s: &[u8], base: i64, bit_size: i64) -> ParseResult<u64> {
    match parse_uint_raw(s, base, bit_size) {
        (v, None) => Ok(v),
        (v, Some(e)) => Err((v, wrap("ParseUint", s, base, bit_size, e))),
    }
}

/// Go's `strconv.ParseInt(s, base, bitSize)`; see [`parse_uint`] for errors.
pub fn parse_int(s: &[u8], base: i64, bit_size: i64) -> ParseResult<i64> {
    match parse_int_raw(s, base, bit_size) {
        (v, None) => Ok(v),
        (v, Some(e)) => Err((v, wrap("ParseInt", s, base, bit_size, e))),
    }
}

/// Go's `strconv.Atoi(s)` (ParseInt(s, 10, 0) reporting as `Atoi`).
pub fn atoi(s: &[u8]) -> ParseResult<i64> {
    match parse_int_raw(s, 10, 0) {
        (v, None) => Ok(v),
        (v, Some(e)) => Err((v, wrap("Atoi", s, 0, 0, e))),
    }
}

/// Go's `underscoreOK`: underscores may appear only between digits, or
/// between a base prefix and a digit.
pub(crate) fn underscore_ok(s: &[u8]) -> bool {
    // What was seen last: b'^' start, b'0' digit or prefix, b'_', b'!' other.
    let mut saw = b'^';
    let mut i = 0;
    let mut s = s;
    if !s.is_empty() && (s[0] == b'-' || s[0] == b'+') {
        s = &s[1..];
    }
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(lower(s[1]), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = lower(s[1]) == b'x';
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() || hex && (b'a'..=b'f').contains(&lower(c)) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}
