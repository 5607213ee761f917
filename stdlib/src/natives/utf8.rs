//! Package unicode/utf8, over [`crate::format::utf8`] (Go's decoding:
//! an invalid or short sequence is U+FFFD of width 1; an empty input is
//! U+FFFD of width 0). A `[]byte` holds one byte per word.

use crate::format::utf8::{append_rune, decode_rune, valid_rune};
use gol_vm::{NativeCtx, NativeResult};

/// The natives of this module.
pub const NATIVES: &[(&str, &str)] = &[
    ("FullRune", "func(p []byte) bool"),
    ("FullRuneInString", "func(s string) bool"),
    ("DecodeRune", "func(p []byte) (r rune, size int)"),
    ("DecodeRuneInString", "func(s string) (r rune, size int)"),
    ("DecodeLastRune", "func(p []byte) (r rune, size int)"),
    (
        "DecodeLastRuneInString",
        "func(s string) (r rune, size int)",
    ),
    ("RuneLen", "func(r rune) int"),
    ("EncodeRune", "func(p []byte, r rune) int"),
    ("AppendRune", "func(p []byte, r rune) []byte"),
    ("RuneCount", "func(p []byte) int"),
    ("RuneCountInString", "func(s string) (n int)"),
    ("RuneStart", "func(b byte) bool"),
    ("Valid", "func(p []byte) bool"),
    ("ValidString", "func(s string) bool"),
    ("ValidRune", "func(r rune) bool"),
];

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

/// Dispatches `unicode/utf8.<name>`; `None` when it is not a native here.
pub fn call(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    let input = |ctx: &NativeCtx<'_>| {
        if name.ends_with("InString") || name == "ValidString" {
            ctx.str(0)
        } else {
            ctx.bytes(0)
        }
    };
    match name {
        "FullRune" | "FullRuneInString" => {
            let s = input(ctx);
            ctx.set_result(0, full_rune(&s) as u64);
        }
        "DecodeRune" | "DecodeRuneInString" => {
            let s = input(ctx);
            let (r, w) = decode(&s);
            ctx.set_result(0, r as u64);
            ctx.set_result(1, w as u64);
        }
        "DecodeLastRune" | "DecodeLastRuneInString" => {
            let s = input(ctx);
            let (r, w) = decode_last(&s);
            ctx.set_result(0, r as u64);
            ctx.set_result(1, w as u64);
        }
        "RuneLen" => {
            let r = ctx.int(0) as i32 as i64;
            ctx.set_result(0, rune_len(r) as u64);
        }
        "EncodeRune" => {
            // EncodeRune(p []byte, r rune) int: panics like Go's index
            // expression when p is too short.
            let (p, len, _) = ctx.slice(0);
            let r = ctx.int(1) as i32 as i64;
            let mut b = Vec::new();
            append_rune(&mut b, r);
            if (len as usize) < b.len() {
                return Some(NativeResult::RuntimeError(format!(
                    "runtime error: index out of range [{}] with length {len}",
                    b.len() - 1
                )));
            }
            let words: Vec<u64> = b.iter().map(|&x| x as u64).collect();
            for (k, w) in words.iter().enumerate() {
                let elem = byte_type(ctx);
                if let Some(t) = elem {
                    ctx.store(p, k, &[*w], t);
                }
            }
            ctx.set_result(0, b.len() as u64);
        }
        "AppendRune" => {
            let (p, l, c) = ctx.slice(0);
            let r = ctx.int(1) as i32 as i64;
            let mut b = Vec::new();
            append_rune(&mut b, r);
            let words: Vec<u64> = b.iter().map(|&x| x as u64).collect();
            let Some(t) = byte_type(ctx) else {
                return Some(NativeResult::Panic("utf8: bad declaration".into()));
            };
            let (np, nl, nc) = ctx.append(t, (p, l, c), &words, b.len() as u64);
            ctx.set_result(0, np);
            ctx.set_result(1, nl);
            ctx.set_result(2, nc);
        }
        "RuneCount" | "RuneCountInString" => {
            let s = input(ctx);
            ctx.set_result(0, crate::format::utf8::rune_count(&s) as u64);
        }
        "RuneStart" => {
            let b = ctx.uint(0) as u8;
            ctx.set_result(0, ((b & 0xC0) != 0x80) as u64);
        }
        "Valid" | "ValidString" => {
            let s = input(ctx);
            ctx.set_result(0, std::str::from_utf8(&s).is_ok() as u64);
        }
        "ValidRune" => {
            let r = ctx.int(0) as i32 as i64;
            ctx.set_result(0, valid_rune(r) as u64);
        }
        _ => return None,
    }
    Some(NativeResult::Ok)
}

/// The `byte` element type of this native's first (`[]byte`) parameter.
fn byte_type(ctx: &NativeCtx<'_>) -> Option<gol_lang::bytecode::RtType> {
    let &t = ctx.signature().0.first()?;
    match ctx.type_kind(t) {
        gol_lang::bytecode::TypeKind::Slice(e) => Some(*e),
        _ => None,
    }
}
