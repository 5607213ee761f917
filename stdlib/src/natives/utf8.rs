//! Package unicode/utf8, over [`crate::format::runes`] (Go's decoding:
//! an invalid or short sequence is U+FFFD of width 1; an empty input is
//! U+FFFD of width 0). A `[]byte` holds one byte per word.

use crate::format::runes::{append_rune, decode_rune, valid_rune};
use gol_vm::{Native, NativeCtx, NativeResult};

fn decode(s: &[u8]) -> (u32, usize) {
    if s.is_empty() {
        return (0xFFFD, 0);
    }
    let (r, w) = decode_rune(s);
    (r, w.max(1))
}

/// Go's `DecodeLastRune`.
pub fn decode_last(s: &[u8]) -> (u32, usize) {
    if s.is_empty() {
        return (0xFFFD, 0);
    }
    let end = s.len();
    let lim = end.saturating_sub(4);
    let mut start = end - 1;
    if s[start] < 0x80 {
        return (s[start] as u32, 1);
    }
    while start > lim && (s[start] & 0xC0) == 0x80 {
        start -= 1;
    }
    let (r, w) = decode(&s[start..end]);
    if start + w != end {
        return (0xFFFD, 1);
    }
    (r, w)
}

/// Go's `FullRune`: whether `s` begins with a full encoding (or an invalid
/// one, which decodes as an error of width 1).
fn full_rune(s: &[u8]) -> bool {
    let Some(&b) = s.first() else {
        return false;
    };
    let (need, lo, hi) = match b {
        0x00..=0x7F => (1, 0, 0),
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x80, 0xBF),
        0xF0 => (4, 0x90, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        _ => return true,
    };
    if s.len() >= need {
        return true;
    }
    if s.len() > 1 && !(lo..=hi).contains(&s[1]) {
        return true;
    }
    s.len() > 2 && !(0x80..=0xBF).contains(&s[2])
}

fn rune_len(r: i64) -> i64 {
    match r {
        _ if r < 0 => -1,
        0..=0x7F => 1,
        0x80..=0x7FF => 2,
        0xD800..=0xDFFF => -1,
        0x800..=0xFFFF => 3,
        0x10000..=0x10FFFF => 4,
        _ => -1,
    }
}

/// `p []byte` (`string` false) or `s string` (true): parameter 0's bytes.
fn input(ctx: &NativeCtx<'_>, string: bool) -> Vec<u8> {
    if string {
        ctx.str(0)
    } else {
        ctx.bytes(0)
    }
}

/// `func(p []byte) bool` or `func(s string) bool`.
fn in_b(ctx: &mut NativeCtx<'_>, string: bool, f: impl Fn(&[u8]) -> bool) -> NativeResult {
    let s = input(ctx, string);
    ctx.ret_bool(0, f(&s));
    NativeResult::Ok
}

/// `func(...) (r rune, size int)`.
fn in_rune(
    ctx: &mut NativeCtx<'_>,
    string: bool,
    f: impl Fn(&[u8]) -> (u32, usize),
) -> NativeResult {
    let s = input(ctx, string);
    let (r, w) = f(&s);
    ctx.ret_int(0, r as i64);
    ctx.ret_int(1, w as i64);
    NativeResult::Ok
}

fn rune_count(ctx: &mut NativeCtx<'_>, string: bool) -> NativeResult {
    let s = input(ctx, string);
    ctx.ret_int(0, crate::format::runes::rune_count(&s) as i64);
    NativeResult::Ok
}

/// `func(r rune) T`, the rune as Go's int32.
fn rune_arg(ctx: &NativeCtx<'_>, k: usize) -> i64 {
    ctx.int(k) as i32 as i64
}

/// EncodeRune(p []byte, r rune) int: panics like Go's index expression
/// when p is too short.
fn encode_rune(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (p, len, _) = ctx.slice(0);
    let r = rune_arg(ctx, 1);
    let mut b = Vec::new();
    append_rune(&mut b, r);
    if (len as usize) < b.len() {
        return NativeResult::RuntimeError(format!(
            "runtime error: index out of range [{}] with length {len}",
            b.len() - 1
        ));
    }
    let elem = ctx.slice_elem(0);
    for (k, &x) in b.iter().enumerate() {
        ctx.store(p, k as u64, &[x as u64], elem);
    }
    ctx.ret_int(0, b.len() as i64);
    NativeResult::Ok
}

fn append_rune_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = ctx.slice(0);
    let r = rune_arg(ctx, 1);
    let mut b = Vec::new();
    append_rune(&mut b, r);
    let words: Vec<u64> = b.iter().map(|&x| x as u64).collect();
    let elem = ctx.slice_elem(0);
    let out = ctx.append(elem, s, &words, b.len() as u64);
    ctx.ret_slice(0, out);
    NativeResult::Ok
}

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module). Each is its own function, resolved once at load.
pub const NATIVES: &[(&str, Native)] = &[
    (
        "FullRune",
        Native::new(|c| in_b(c, false, full_rune), "func(p []byte) bool"),
    ),
    (
        "FullRuneInString",
        Native::new(|c| in_b(c, true, full_rune), "func(s string) bool"),
    ),
    (
        "DecodeRune",
        Native::new(
            |c| in_rune(c, false, decode),
            "func(p []byte) (r rune, size int)",
        ),
    ),
    (
        "DecodeRuneInString",
        Native::new(
            |c| in_rune(c, true, decode),
            "func(s string) (r rune, size int)",
        ),
    ),
    (
        "DecodeLastRune",
        Native::new(
            |c| in_rune(c, false, decode_last),
            "func(p []byte) (r rune, size int)",
        ),
    ),
    (
        "DecodeLastRuneInString",
        Native::new(
            |c| in_rune(c, true, decode_last),
            "func(s string) (r rune, size int)",
        ),
    ),
    (
        "RuneLen",
        Native::new(
            |c| {
                let r = rune_arg(c, 0);
                c.ret_int(0, rune_len(r));
                NativeResult::Ok
            },
            "func(r rune) int",
        ),
    ),
    (
        "EncodeRune",
        Native::new(encode_rune, "func(p []byte, r rune) int"),
    ),
    (
        "AppendRune",
        Native::new(append_rune_native, "func(p []byte, r rune) []byte"),
    ),
    (
        "RuneCount",
        Native::new(|c| rune_count(c, false), "func(p []byte) int"),
    ),
    (
        "RuneCountInString",
        Native::new(|c| rune_count(c, true), "func(s string) (n int)"),
    ),
    (
        "RuneStart",
        Native::new(
            |c| {
                let b = c.uint(0) as u8;
                c.ret_bool(0, (b & 0xC0) != 0x80);
                NativeResult::Ok
            },
            "func(b byte) bool",
        ),
    ),
    (
        "Valid",
        Native::new(
            |c| in_b(c, false, |s| std::str::from_utf8(s).is_ok()),
            "func(p []byte) bool",
        ),
    ),
    (
        "ValidString",
        Native::new(
            |c| in_b(c, true, |s| std::str::from_utf8(s).is_ok()),
            "func(s string) bool",
        ),
    ),
    (
        "ValidRune",
        Native::new(
            |c| {
                let r = rune_arg(c, 0);
                c.ret_bool(0, valid_rune(r));
                NativeResult::Ok
            },
            "func(r rune) bool",
        ),
    ),
];
