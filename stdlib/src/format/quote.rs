//! Go string and character literals: `strconv.Quote` and friends,
//! `Unquote`, `UnquoteChar`, `CanBackquote`, `IsPrint` and `IsGraphic`.
//!
//! Quoting walks the input with Go's UTF-8 decoder (`utf8::decode_rune`):
//! an invalid byte becomes `\xNN`, a printable rune is copied, and anything
//! else gets the shortest of Go's escapes (`\n`, `\x1f`, `\u00ad`,
//! `\U000e0001`).
//!
//! "Printable" is Go's `strconv.IsPrint`, defined from Unicode categories
//! L, M, N, P, S plus U+0020. Rust exposes no general-category query, so the
//! answer comes from `isprint_table.rs`, ranges generated from native Go
//! (testdata/gen/isprint.go) and searched by binary search. Latin-1 has a
//! fast path with Go's own rule.

use super::isprint_table::{GRAPHIC_EXTRA_RANGES, PRINT_RANGES};
use super::runes::{append_rune, decode_rune, valid_rune, RUNE_ERROR};

const LOWERHEX: &[u8; 16] = b"0123456789abcdef";

fn in_ranges(table: &[(u32, u32)], r: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols
/// and the ASCII space.
pub fn is_print(r: i64) -> bool {
    if r <= 0xFF {
        if (0x20..=0x7E).contains(&r) {
            return true;
        }
        if (0xA1..=0xFF).contains(&r) {
            return r != 0xAD;
        }
        return false;
    }
    if r > i64::from(super::runes::MAX_RUNE) {
        return false;
    }
    in_ranges(PRINT_RANGES, r as u32)
}

/// Go's `strconv.IsGraphic`: `IsPrint` plus the Unicode space separators
/// (category Zs).
pub fn is_graphic(r: i64) -> bool {
    if is_print(r) {
        return true;
    }
    if r == 0xA0 {
        return true;
    }
    (0x100..=i64::from(super::runes::MAX_RUNE)).contains(&r)
        && in_ranges(GRAPHIC_EXTRA_RANGES, r as u32)
}

#[derive(Clone, Copy)]
enum Mode {
    Plain,
    Ascii,
    Graphic,
}

fn append_escaped_rune(buf: &mut Vec<u8>, r: i64, quote: u8, mode: Mode) {
    if r == i64::from(quote) || r == i64::from(b'\\') {
        buf.push(b'\\');
        buf.push(r as u8);
        return;
    }
    match mode {
        Mode::Ascii => {
            if r < 0x80 && is_print(r) {
                buf.push(r as u8);
                return;
            }
        }
        Mode::Plain | Mode::Graphic => {
            if is_print(r) || matches!(mode, Mode::Graphic) && is_graphic(r) {
                append_rune(buf, r);
                return;
            }
        }
    }
    match r {
        0x07 => buf.extend_from_slice(b"\\a"),
        0x08 => buf.extend_from_slice(b"\\b"),
        0x0C => buf.extend_from_slice(b"\\f"),
        0x0A => buf.extend_from_slice(b"\\n"),
        0x0D => buf.extend_from_slice(b"\\r"),
        0x09 => buf.extend_from_slice(b"\\t"),
        0x0B => buf.extend_from_slice(b"\\v"),
        _ => {
            if (0..0x20).contains(&r) || r == 0x7F {
                buf.extend_from_slice(b"\\x");
                buf.push(LOWERHEX[(r as usize >> 4) & 0xF]);
                buf.push(LOWERHEX[r as usize & 0xF]);
                return;
            }
            let r = if valid_rune(r) { r as u32 } else { RUNE_ERROR };
            if r < 0x10000 {
                buf.extend_from_slice(b"\\u");
                for s in (0..=12).rev().step_by(4) {
                    buf.push(LOWERHEX[((r >> s) & 0xF) as usize]);
                }
            } else {
                buf.extend_from_slice(b"\\U");
                for s in (0..=28).rev().step_by(4) {
                    buf.push(LOWERHEX[((r >> s) & 0xF) as usize]);
                }
            }
        }
    }
}

fn append_quoted_with(buf: &mut Vec<u8>, s: &[u8], quote: u8, mode: Mode) {
    buf.reserve(s.len() + 2);
    buf.push(quote);
    let mut i = 0;
    while i < s.len() {
        let (r, width) = decode_rune(&s[i..]);
        if width == 1 && r == RUNE_ERROR {
            buf.extend_from_slice(b"\\x");
            buf.push(LOWERHEX[usize::from(s[i] >> 4)]);
            buf.push(LOWERHEX[usize::from(s[i] & 0xF)]);
            i += 1;
            continue;
        }
        append_escaped_rune(buf, i64::from(r), quote, mode);
        i += width;
    }
    buf.push(quote);
}

fn append_quoted_rune_with(buf: &mut Vec<u8>, r: i64, quote: u8, mode: Mode) {
    buf.push(quote);
    let r = if valid_rune(r) {
        r
    } else {
        i64::from(RUNE_ERROR)
    };
    append_escaped_rune(buf, r, quote, mode);
    buf.push(quote);
}

/// Go's `strconv.Quote`.
pub fn quote(s: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    append_quote(&mut b, s);
    b
}

/// Go's `strconv.AppendQuote`.
pub fn append_quote(dst: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(dst, s, b'"', Mode::Plain);
}

/// Go's `strconv.QuoteToASCII`.
pub fn quote_to_ascii(s: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    append_quote_to_ascii(&mut b, s);
    b
}

/// Go's `strconv.AppendQuoteToASCII`.
pub fn append_quote_to_ascii(dst: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(dst, s, b'"', Mode::Ascii);
}

/// Go's `strconv.QuoteToGraphic`.
pub fn quote_to_graphic(s: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    append_quote_to_graphic(&mut b, s);
    b
}

/// Go's `strconv.AppendQuoteToGraphic`.
pub fn append_quote_to_graphic(dst: &mut Vec<u8>, s: &[u8]) {
    append_quoted_with(dst, s, b'"', Mode::Graphic);
}

/// Go's `strconv.QuoteRune` (a rune is an `int32`; invalid ones print as
/// U+FFFD).
pub fn quote_rune(r: i64) -> Vec<u8> {
    let mut b = Vec::new();
    append_quote_rune(&mut b, r);
    b
}

/// Go's `strconv.AppendQuoteRune`.
pub fn append_quote_rune(dst: &mut Vec<u8>, r: i64) {
    append_quoted_rune_with(dst, r, b'\'', Mode::Plain);
}

/// Go's `strconv.QuoteRuneToASCII`.
pub fn quote_rune_to_ascii(r: i64) -> Vec<u8> {
    let mut b = Vec::new();
    append_quote_rune_to_ascii(&mut b, r);
    b
}

/// Go's `strconv.AppendQuoteRuneToASCII`.
pub fn append_quote_rune_to_ascii(dst: &mut Vec<u8>, r: i64) {
    append_quoted_rune_with(dst, r, b'\'', Mode::Ascii);
}

/// Go's `strconv.QuoteRuneToGraphic`.
pub fn quote_rune_to_graphic(r: i64) -> Vec<u8> {
    let mut b = Vec::new();
    append_quote_rune_to_graphic(&mut b, r);
    b
}

/// Go's `strconv.AppendQuoteRuneToGraphic`.
pub fn append_quote_rune_to_graphic(dst: &mut Vec<u8>, r: i64) {
    append_quoted_rune_with(dst, r, b'\'', Mode::Graphic);
}

/// Go's `strconv.CanBackquote`: representable unchanged as a one-line raw
/// string without control characters other than tab.
pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, wid) = decode_rune(&s[i..]);
        i += wid;
        if wid > 1 {
            if r == 0xFEFF {
                return false;
            }
            continue;
        }
        if r == RUNE_ERROR {
            return false;
        }
        if (r < u32::from(b' ') && r != u32::from(b'\t')) || r == u32::from(b'`') || r == 0x7F {
            return false;
        }
    }
    true
}

/// Go's `strconv.ErrSyntax` as returned by `Unquote` and `UnquoteChar`
/// (prints as `invalid syntax`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError;

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid syntax")
    }
}

impl std::error::Error for SyntaxError {}

/// The result of Go's `strconv.UnquoteChar`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnquotedChar<'a> {
    /// The decoded code point or byte value.
    pub value: i64,
    /// Whether it needs a multi-byte UTF-8 encoding.
    pub multibyte: bool,
    /// The rest of the input.
    pub tail: &'a [u8],
}

fn unhex(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'a'..=b'f' => Some(u32::from(b - b'a' + 10)),
        b'A'..=b'F' => Some(u32::from(b - b'A' + 10)),
        _ => None,
    }
}

/// Go's `strconv.UnquoteChar(s, quote)`: decodes the first character or
/// escape of `s`. `quote` is `'`, `"` or 0 (neither quote is special).
pub fn unquote_char(s: &[u8], quote: u8) -> Result<UnquotedChar<'_>, SyntaxError> {
    let c = *s.first().ok_or(SyntaxError)?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return Err(SyntaxError);
    }
    if c >= 0x80 {
        let (r, size) = decode_rune(s);
        return Ok(UnquotedChar {
            value: i64::from(r),
            multibyte: true,
            tail: &s[size..],
        });
    }
    if c != b'\\' {
        return Ok(UnquotedChar {
            value: i64::from(c),
            multibyte: false,
            tail: &s[1..],
        });
    }
    if s.len() <= 1 {
        return Err(SyntaxError);
    }
    let c = s[1];
    let mut s = &s[2..];
    let mut multibyte = false;
    let value: u32 = match c {
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if s.len() < n {
                return Err(SyntaxError);
            }
            let mut v: u32 = 0;
            for &d in &s[..n] {
                v = (v << 4) | unhex(d).ok_or(SyntaxError)?;
            }
            s = &s[n..];
            if c != b'x' {
                if !valid_rune(i64::from(v)) {
                    return Err(SyntaxError);
                }
                multibyte = true;
            }
            v
        }
        b'0'..=b'7' => {
            let mut v = u32::from(c - b'0');
            if s.len() < 2 {
                return Err(SyntaxError);
            }
            for &d in &s[..2] {
                if !(b'0'..=b'7').contains(&d) {
                    return Err(SyntaxError);
                }
                v = (v << 3) | u32::from(d - b'0');
            }
            s = &s[2..];
            if v > 255 {
                return Err(SyntaxError);
            }
            v
        }
        b'\\' => u32::from(b'\\'),
        b'\'' | b'"' => {
            if c != quote {
                return Err(SyntaxError);
            }
            u32::from(c)
        }
        _ => return Err(SyntaxError),
    };
    Ok(UnquotedChar {
        value: i64::from(value),
        multibyte,
        tail: s,
    })
}

/// Go's `strconv.Unquote`: the value of a single-, double- or back-quoted
/// Go literal.
pub fn unquote(s: &[u8]) -> Result<Vec<u8>, SyntaxError> {
    let (out, rem) = unquote_prefix(s, true)?;
    if !rem.is_empty() {
        return Err(SyntaxError);
    }
    Ok(out)
}

/// Go's `strconv.QuotedPrefix`: the quoted literal at the start of `s`.
pub fn quoted_prefix(s: &[u8]) -> Result<Vec<u8>, SyntaxError> {
    unquote_prefix(s, false).map(|(out, _)| out)
}

fn unquote_prefix(input: &[u8], unescape: bool) -> Result<(Vec<u8>, &[u8]), SyntaxError> {
    if input.len() < 2 {
        return Err(SyntaxError);
    }
    let quote = input[0];
    let end = input[1..]
        .iter()
        .position(|&c| c == quote)
        .ok_or(SyntaxError)?
        + 2;
    match quote {
        b'`' => {
            let out = if !unescape {
                input[..end].to_vec()
            } else {
                input[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&c| c != b'\r')
                    .collect()
            };
            Ok((out, &input[end..]))
        }
        b'"' | b'\'' => {
            let body = &input[..end];
            if !body.contains(&b'\\') && !body.contains(&b'\n') {
                let inner = &input[1..end - 1];
                let valid = if quote == b'"' {
                    super::runes::valid_string(inner)
                } else {
                    let (r, n) = decode_rune(inner);
                    1 + n + 1 == end && (r != RUNE_ERROR || n != 1)
                };
                if valid {
                    let out = if unescape {
                        inner.to_vec()
                    } else {
                        body.to_vec()
                    };
                    return Ok((out, &input[end..]));
                }
            }
            let mut buf = Vec::new();
            let mut rest = &input[1..];
            while !rest.is_empty() && rest[0] != quote {
                if rest[0] == b'\n' {
                    return Err(SyntaxError);
                }
                let ch = unquote_char(rest, quote)?;
                rest = ch.tail;
                if unescape {
                    if ch.value < 0x80 || !ch.multibyte {
                        buf.push(ch.value as u8);
                    } else {
                        append_rune(&mut buf, ch.value);
                    }
                }
                if quote == b'\'' {
                    break;
                }
            }
            if rest.first() != Some(&quote) {
                return Err(SyntaxError);
            }
            rest = &rest[1..];
            if unescape {
                Ok((buf, rest))
            } else {
                let used = input.len() - rest.len();
                Ok((input[..used].to_vec(), rest))
            }
        }
        _ => Err(SyntaxError),
    }
}
