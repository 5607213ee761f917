//! Go's `unicode/utf8` rules for byte strings that may not be valid UTF-8.
//!
//! Go decodes invalid bytes one at a time as U+FFFD of width 1 (surrogate
//! halves, overlong forms and code points above U+10FFFF are all invalid),
//! and Go's formatting depends on that exact width, so this is a direct
//! decoder rather than `String::from_utf8_lossy` (which replaces maximal
//! invalid subsequences, sometimes several bytes at once).

/// U+FFFD, what Go yields for an invalid byte.
pub const RUNE_ERROR: u32 = 0xFFFD;
/// The largest Unicode code point.
pub const MAX_RUNE: u32 = 0x10FFFF;

/// Go's `utf8.DecodeRune`: the first rune of `s` and its width in bytes.
/// Empty input gives `(RUNE_ERROR, 0)`, an invalid byte `(RUNE_ERROR, 1)`.
pub fn decode_rune(s: &[u8]) -> (u32, usize) {
    let Some(&b0) = s.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    // (width, accepted range of the second byte) by the first byte.
    let (n, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if s.len() < n {
        return (RUNE_ERROR, 1);
    }
    let b1 = s[1];
    if b1 < lo || b1 > hi {
        return (RUNE_ERROR, 1);
    }
    for &b in &s[2..n] {
        if !(0x80..=0xBF).contains(&b) {
            return (RUNE_ERROR, 1);
        }
    }
    let r = match n {
        2 => (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F),
        3 => (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(s[2] & 0x3F),
        _ => {
            (u32::from(b0 & 0x07) << 18)
                | (u32::from(b1 & 0x3F) << 12)
                | (u32::from(s[2] & 0x3F) << 6)
                | u32::from(s[3] & 0x3F)
        }
    };
    (r, n)
}

/// Go's `utf8.ValidRune`: in range and not a surrogate half.
pub fn valid_rune(r: i64) -> bool {
    (0..0xD800).contains(&r) || (0xE000..=i64::from(MAX_RUNE)).contains(&r)
}

/// Go's `utf8.AppendRune`: invalid runes are written as U+FFFD.
pub fn append_rune(dst: &mut Vec<u8>, r: i64) {
    let c = if valid_rune(r) {
        char::from_u32(r as u32).unwrap_or(char::REPLACEMENT_CHARACTER)
    } else {
        char::REPLACEMENT_CHARACTER
    };
    let mut b = [0u8; 4];
    dst.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
}

/// Go's `utf8.RuneCount`: runes in `s`, each invalid byte counting as one.
pub fn rune_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        if s[i] < 0x80 {
            i += 1;
        } else {
            let (_, w) = decode_rune(&s[i..]);
            i += w.max(1);
        }
        n += 1;
    }
    n
}

/// Go's `utf8.ValidString`.
pub fn valid_string(s: &[u8]) -> bool {
    std::str::from_utf8(s).is_ok()
}
