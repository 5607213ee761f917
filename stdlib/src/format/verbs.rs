//! The raw formatter under `Printf`: one operand, one verb, with flags,
//! width and precision — Go's `fmt/format.go`.
//!
//! `Fmt` holds the flags of the verb being printed and appends to an output
//! buffer. Each method is one of Go's `fmt.fmtX` functions and keeps its
//! quirks, because they are visible in output: integer zero padding is done
//! as precision (so the sign goes before the zeros), `%.0d` of 0 prints only
//! padding, padding counts runes not bytes, NaN and Inf are never zero
//! padded, `%#g` restores trailing zeros, `% x` puts spaces between bytes.
//!
//! Width and precision are `i64` like Go's `int`; the printer keeps them at
//! most 10^6 (Go's `tooLarge`), which bounds every allocation here.

use super::float::append_float;
use super::quote::{
    append_quote, append_quote_rune, append_quote_rune_to_ascii, append_quote_to_ascii,
    can_backquote, is_print,
};
use super::runes::{append_rune, rune_count, MAX_RUNE, RUNE_ERROR};

/// Lower-case digits; index 16 is the `x` of a `0x` prefix.
pub(crate) const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
/// Upper-case digits; index 16 is the `X` of a `0X` prefix.
pub(crate) const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// The flags of one verb (Go's `fmtFlags`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// A width was given.
    pub wid_present: bool,
    /// A precision was given.
    pub prec_present: bool,
    /// `-`: pad on the right.
    pub minus: bool,
    /// `+`: always print a sign (for `%q`: ASCII only).
    pub plus: bool,
    /// `#`: alternate format.
    pub sharp: bool,
    /// ` `: space for elided sign; `% x` spaces between bytes.
    pub space: bool,
    /// `0`: pad with leading zeros.
    pub zero: bool,
    /// `%+v`: field names in structs (the `+` moved here from `plus`).
    pub plus_v: bool,
    /// `%#v`: Go syntax (the `#` moved here from `sharp`).
    pub sharp_v: bool,
}

/// Go's `fmt`: the current verb's flags, width and precision, and the
/// output they are applied to.
#[derive(Debug, Default)]
pub struct Fmt {
    /// The output so far.
    pub buf: Vec<u8>,
    /// Flags of the verb in progress.
    pub flags: Flags,
    /// Width, meaningful when `flags.wid_present`; never negative.
    pub wid: i64,
    /// Precision, meaningful when `flags.prec_present`; never negative.
    pub prec: i64,
}

impl Fmt {
    /// Resets flags, width and precision (Go's `clearflags`).
    pub fn clear_flags(&mut self) {
        self.flags = Flags::default();
        self.wid = 0;
        self.prec = 0;
    }

    /// `n` bytes of padding: zeros if `0` was given without `-`, else spaces.
    pub fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let pad = if self.flags.zero && !self.flags.minus {
            b'0'
        } else {
            b' '
        };
        self.buf.resize(self.buf.len() + n as usize, pad);
    }

    /// Appends `b` padded to the width (counted in runes), on the left
    /// unless `-` was given.
    pub fn pad(&mut self, b: &[u8]) {
        if !self.flags.wid_present || self.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.wid - rune_count(b) as i64;
        if !self.flags.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }

    /// [`Fmt::pad`] of ASCII bytes (a number's digits, sign and
    /// prefix), whose runes are its bytes.
    fn pad_ascii(&mut self, b: &[u8]) {
        debug_assert!(b.is_ascii());
        if !self.flags.wid_present || self.wid <= b.len() as i64 {
            self.buf.extend_from_slice(b);
            return;
        }
        self.pad(b)
    }

    /// `true` or `false`, padded.
    pub fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// `%U`: `U+0078`, or with `#` and a printable rune `U+0078 'x'`.
    pub fn fmt_unicode(&mut self, u: u64) {
        let mut prec: i64 = 4;
        if self.flags.prec_present && self.prec > 4 {
            prec = self.prec;
        }
        // Built right to left, then reversed.
        let mut rev: Vec<u8> = Vec::with_capacity(prec as usize + 12);
        if self.flags.sharp && u <= u64::from(MAX_RUNE) && is_print(u as i64) {
            rev.push(b'\'');
            let mut enc = Vec::new();
            append_rune(&mut enc, u as i64);
            rev.extend(enc.iter().rev());
            rev.push(b'\'');
            rev.push(b' ');
        }
        let mut u = u;
        while u >= 16 {
            rev.push(UDIGITS[(u & 0xF) as usize]);
            prec -= 1;
            u >>= 4;
        }
        rev.push(UDIGITS[u as usize]);
        prec -= 1;
        while prec > 0 {
            rev.push(b'0');
            prec -= 1;
        }
        rev.push(b'+');
        rev.push(b'U');
        rev.reverse();
        let old_zero = self.flags.zero;
        self.flags.zero = false;
        self.pad(&rev);
        self.flags.zero = old_zero;
    }

    /// Signed and unsigned integers in base 2, 8, 10 or 16 (`verb` matters
    /// only for `%O`'s `0o` prefix). `u` holds the two's-complement bits of
    /// a signed value when `is_signed`.
    pub fn fmt_integer(
        &mut self,
        u: u64,
        base: u32,
        is_signed: bool,
        verb: char,
        digits: &[u8; 17],
    ) {
        let negative = is_signed && (u as i64) < 0;
        let u = if negative { u.wrapping_neg() } else { u };
        let mut prec: i64 = 0;
        if self.flags.prec_present {
            prec = self.prec;
            if prec == 0 && u == 0 {
                let old_zero = self.flags.zero;
                self.flags.zero = false;
                self.write_padding(self.wid);
                self.flags.zero = old_zero;
                return;
            }
        } else if self.flags.zero && !self.flags.minus && self.flags.wid_present {
            prec = self.wid;
            if negative || self.flags.plus || self.flags.space {
                prec -= 1;
            }
        }
        // Built right to left from the end of `buf`, as Go does: a stack
        // buffer fits 64 binary digits (or `prec` zero-padded ones, when
        // more), a prefix of at most three bytes (`%#O`'s `0o0`) and a
        // sign; larger precisions need the heap.
        let needed = (prec.max(0) as usize).max(64) + 4;
        let mut stack = [0u8; 68];
        let mut heap;
        let buf: &mut [u8] = if needed <= stack.len() {
            &mut stack
        } else {
            heap = vec![0u8; needed];
            &mut heap
        };
        let mut i = super::atoi::put_digits(buf, u, base, digits);
        while i > 0 && prec > (buf.len() - i) as i64 {
            i -= 1;
            buf[i] = b'0';
        }
        if self.flags.sharp {
            match base {
                2 => {
                    i -= 2;
                    buf[i] = b'0';
                    buf[i + 1] = b'b';
                }
                8 if buf[i] != b'0' => {
                    i -= 1;
                    buf[i] = b'0';
                }
                16 => {
                    i -= 2;
                    buf[i] = b'0';
                    buf[i + 1] = digits[16];
                }
                _ => {}
            }
        }
        if verb == 'O' {
            i -= 2;
            buf[i] = b'0';
            buf[i + 1] = b'o';
        }
        if negative {
            i -= 1;
            buf[i] = b'-';
        } else if self.flags.plus {
            i -= 1;
            buf[i] = b'+';
        } else if self.flags.space {
            i -= 1;
            buf[i] = b' ';
        }
        let old_zero = self.flags.zero;
        self.flags.zero = false;
        self.pad_ascii(&buf[i..]);
        self.flags.zero = old_zero;
    }

    /// The first `prec` runes of `s` when a precision was given.
    fn truncate<'s>(&self, s: &'s [u8]) -> &'s [u8] {
        if self.flags.prec_present {
            let mut n = self.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
                let (_, w) = super::runes::decode_rune(&s[i..]);
                i += w.max(1);
            }
        }
        s
    }

    /// `%s` of a string or byte slice.
    pub fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `%x`/`%X` of a string or byte slice: two hex digits per byte, with
    /// `#` a `0x` prefix (per byte with ` `), with ` ` spaces between bytes.
    pub fn fmt_sbx(&mut self, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.flags.prec_present && self.prec < length {
            length = self.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.flags.space {
                if self.flags.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.flags.sharp {
                width += 2;
            }
        } else {
            if self.flags.wid_present {
                self.write_padding(self.wid);
            }
            return;
        }
        if self.flags.wid_present && self.wid > width && !self.flags.minus {
            self.write_padding(self.wid - width);
        }
        if self.flags.sharp {
            self.buf.push(b'0');
            self.buf.push(digits[16]);
        }
        for (i, &c) in s[..length as usize].iter().enumerate() {
            if self.flags.space && i > 0 {
                self.buf.push(b' ');
                if self.flags.sharp {
                    self.buf.push(b'0');
                    self.buf.push(digits[16]);
                }
            }
            self.buf.push(digits[usize::from(c >> 4)]);
            self.buf.push(digits[usize::from(c & 0xF)]);
        }
        if self.flags.wid_present && self.wid > width && self.flags.minus {
            self.write_padding(self.wid - width);
        }
    }

    /// `%q` of a string: Go-quoted, ASCII-only with `+`, backquoted with `#`
    /// when `CanBackquote` allows.
    pub fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.flags.sharp && can_backquote(s) {
            let mut b = Vec::with_capacity(s.len() + 2);
            b.push(b'`');
            b.extend_from_slice(s);
            b.push(b'`');
            self.pad(&b);
            return;
        }
        let mut b = Vec::with_capacity(s.len() + 2);
        if self.flags.plus {
            append_quote_to_ascii(&mut b, s);
        } else {
            append_quote(&mut b, s);
        }
        self.pad(&b);
    }

    /// `%c`: the integer as a UTF-8 encoded rune (U+FFFD if invalid).
    pub fn fmt_c(&mut self, c: u64) {
        let r = if c > u64::from(MAX_RUNE) {
            i64::from(RUNE_ERROR)
        } else {
            c as i64
        };
        let mut b = Vec::with_capacity(4);
        append_rune(&mut b, r);
        self.pad(&b);
    }

    /// `%q` of an integer: a Go character literal (ASCII-only with `+`).
    pub fn fmt_qc(&mut self, c: u64) {
        let r = if c > u64::from(MAX_RUNE) {
            i64::from(RUNE_ERROR)
        } else {
            c as i64
        };
        let mut b = Vec::with_capacity(8);
        if self.flags.plus {
            append_quote_rune_to_ascii(&mut b, r);
        } else {
            append_quote_rune(&mut b, r);
        }
        self.pad(&b);
    }

    /// Floats: `verb` is a `FormatFloat` format byte, `prec` the default
    /// precision (overridden by an explicit one), `size` 32 or 64.
    pub fn fmt_float(&mut self, v: f64, size: u32, verb: u8, prec: i64) {
        let prec = if self.flags.prec_present {
            self.prec
        } else {
            prec
        };
        // num[0] is a sign slot, as in Go: '+' unless the number has one.
        let mut num: Vec<u8> = vec![b'+'];
        // size is 32 or 64 by construction, so this cannot fail.
        let _ = append_float(&mut num, v, verb, prec, i64::from(size));
        if num.len() > 1 && (num[1] == b'-' || num[1] == b'+') {
            num.remove(0);
        }
        if self.flags.space && num[0] == b'+' && !self.flags.plus {
            num[0] = b' ';
        }
        // Infinities and NaN are never zero padded; NaN shows a sign only
        // when asked for.
        if num.len() > 1 && (num[1] == b'I' || num[1] == b'N') {
            let old_zero = self.flags.zero;
            self.flags.zero = false;
            let start = usize::from(num[1] == b'N' && !self.flags.space && !self.flags.plus);
            self.pad(&num[start..]);
            self.flags.zero = old_zero;
            return;
        }
        let mut owned = num;
        if self.flags.sharp && verb != b'b' {
            let mut digits: i64 = 0;
            if matches!(verb, b'v' | b'g' | b'G' | b'x') {
                digits = prec;
                if digits == -1 {
                    digits = 6;
                }
            }
            let mut tail: Vec<u8> = Vec::new();
            let mut has_decimal_point = false;
            let mut saw_nonzero_digit = false;
            let mut i = 1;
            while i < owned.len() {
                match owned[i] {
                    b'.' => has_decimal_point = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(&owned[i..]);
                        owned.truncate(i);
                        break;
                    }
                    b'e' | b'E' if verb != b'x' && verb != b'X' => {
                        tail.extend_from_slice(&owned[i..]);
                        owned.truncate(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero_digit = true;
                        }
                        if saw_nonzero_digit {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_decimal_point {
                if owned.len() == 2 && owned[1] == b'0' {
                    digits -= 1;
                }
                owned.push(b'.');
            }
            while digits > 0 {
                owned.push(b'0');
                digits -= 1;
            }
            owned.extend_from_slice(&tail);
        }
        if self.flags.plus || owned[0] != b'+' {
            if self.flags.zero
                && !self.flags.minus
                && self.flags.wid_present
                && self.wid > owned.len() as i64
            {
                self.buf.push(owned[0]);
                self.write_padding(self.wid - owned.len() as i64);
                self.buf.extend_from_slice(&owned[1..]);
                return;
            }
            self.pad(&owned);
            return;
        }
        self.pad(&owned[1..]);
    }
}
