//! Package unicode: the rune predicates and case mappings.
//!
//! ASCII and Latin-1 answers are Go's exactly (the punctuation/symbol
//! split, control characters, spaces). Beyond them the predicates use
//! Rust's Unicode properties, which are close to but not the same as Go's
//! categories (`IsLetter` is Rust's `Alphabetic`, `IsDigit` and
//! `IsNumber` are `Numeric`, `IsUpper`/`IsLower` the `Uppercase` and
//! `Lowercase` properties; `IsMark` knows only the combining diacritical
//! blocks, `IsTitle` only the Latin digraphs). Case mapping is the simple
//! one-rune mapping, as Go's.
//!
//! The predefined range tables (`unicode.Han`, `unicode.Upper`, ...) carry
//! their Unicode name rather than Go's ranges (stdlib/go/unicode), and
//! [`is_named`] answers `Is` for them with the regex crate's tables of
//! general categories, scripts and binary properties (one compiled
//! `^\p{name}$` per name, kept for the process): Unicode's data without
//! 300 tables of ranges in the Go source, at the cost of the crate's
//! Unicode version, which may differ from Go's by a release. A name the
//! crate does not know is a panic naming it, never a silent false.

use super::strings::{is_space, to_lower, to_upper};
use crate::format::{is_graphic, is_print};
use gol_vm::{Native, NativeCtx, NativeResult};
use regex::Regex;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

const ASCII_PUNCT: &[u8] = b"!\"#%&'()*,-./:;?@[\\]_{}";
const ASCII_SYMBOL: &[u8] = b"$+<=>^`|~";

fn ch(r: i64) -> Option<char> {
    u32::try_from(r).ok().and_then(char::from_u32)
}

fn is_title(r: i64) -> bool {
    matches!(r, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2)
}

fn to_title(r: i64) -> i64 {
    match r {
        0x1C4..=0x1C6 => 0x1C5,
        0x1C7..=0x1C9 => 0x1C8,
        0x1CA..=0x1CC => 0x1CB,
        0x1F1..=0x1F3 => 0x1F2,
        _ => up(r),
    }
}

fn up(r: i64) -> i64 {
    match u32::try_from(r) {
        Ok(u) => to_upper(u) as i64,
        Err(_) => r,
    }
}

fn low(r: i64) -> i64 {
    match u32::try_from(r) {
        Ok(u) => to_lower(u) as i64,
        Err(_) => r,
    }
}

fn is_ascii(r: i64) -> bool {
    (0..0x80).contains(&r)
}

fn is_digit(r: i64) -> bool {
    if is_ascii(r) {
        (b'0' as i64..=b'9' as i64).contains(&r)
    } else {
        ch(r).is_some_and(|c| c.is_numeric() && c.to_digit(10).is_none() && r > 0xFF)
    }
}

fn is_punct(r: i64) -> bool {
    if is_ascii(r) {
        ASCII_PUNCT.contains(&(r as u8))
    } else {
        matches!(r, 0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF)
            || (0x2010..=0x2027).contains(&r)
            || (0x3001..=0x3003).contains(&r)
    }
}

fn is_symbol(r: i64) -> bool {
    if is_ascii(r) {
        ASCII_SYMBOL.contains(&(r as u8))
    } else {
        matches!(r, 0xA2..=0xA6 | 0xA8 | 0xA9 | 0xAC | 0xAE..=0xB1 | 0xB4 | 0xB8 | 0xD7 | 0xF7)
            || (0x2190..=0x21FF).contains(&r)
            || (0x2200..=0x22FF).contains(&r)
            || (0x20A0..=0x20C0).contains(&r)
    }
}

fn simple_fold(r: i64) -> i64 {
    if !(0..=0x10FFFF).contains(&r) {
        return r;
    }
    // The next rune of r's case orbit, in ascending order.
    let mut orbit = vec![r, up(r), low(r), to_title(r)];
    orbit.sort_unstable();
    orbit.dedup();
    orbit.iter().copied().find(|&x| x > r).unwrap_or(orbit[0])
}

/// `func(r rune) bool`.
fn pred(ctx: &mut NativeCtx<'_>, f: impl Fn(i64) -> bool) -> NativeResult {
    let r = ctx.int(0) as i32 as i64;
    ctx.ret_bool(0, f(r));
    NativeResult::Ok
}

/// `func(r rune) rune`.
fn map(ctx: &mut NativeCtx<'_>, f: impl Fn(i64) -> i64) -> NativeResult {
    let r = ctx.int(0) as i32 as i64;
    ctx.ret_int(0, f(r));
    NativeResult::Ok
}

/// `To(_case int, r rune) rune`.
fn to(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let r = ctx.int(1) as i32 as i64;
    let v = match ctx.int(0) {
        0 => up(r),
        1 => low(r),
        2 => to_title(r),
        _ => 0xFFFD,
    };
    ctx.ret_int(0, v);
    NativeResult::Ok
}

/// Whether `r` has the Unicode general category, script or property
/// `name` (see the module docs); `None` when the name is unknown.
fn is_named(name: &str, r: i64) -> Option<bool> {
    static TABLES: OnceLock<Mutex<HashMap<String, Option<Regex>>>> = OnceLock::new();
    let re = {
        let mut t = TABLES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        t.entry(name.to_string())
            .or_insert_with(|| Regex::new(&format!(r"^\p{{{name}}}$")).ok())
            .clone()?
    };
    let Some(c) = ch(r) else {
        return Some(false);
    };
    let mut buf = [0u8; 4];
    Some(re.is_match(c.encode_utf8(&mut buf)))
}

/// `isNamed(name string, r rune) bool`.
fn is_named_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let name = String::from_utf8_lossy(&ctx.str(0)).into_owned();
    let r = ctx.int(1) as i32 as i64;
    match is_named(&name, r) {
        Some(b) => {
            ctx.ret_bool(0, b);
            NativeResult::Ok
        }
        None => NativeResult::Panic(format!("unicode: gol has no table of {name}")),
    }
}

const PRED: &str = "func(r rune) bool";
const MAP: &str = "func(r rune) rune";

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module). Each is its own function, resolved once at load.
pub const NATIVES: &[(&str, Native)] = &[
    (
        "isNamed",
        Native::new(is_named_native, "func(name string, r rune) bool"),
    ),
    ("IsDigit", Native::new(|c| pred(c, is_digit), PRED)),
    ("IsGraphic", Native::new(|c| pred(c, is_graphic), PRED)),
    ("IsPrint", Native::new(|c| pred(c, is_print), PRED)),
    (
        "IsControl",
        Native::new(
            |c| pred(c, |r| (0..0x20).contains(&r) || (0x7F..0xA0).contains(&r)),
            PRED,
        ),
    ),
    (
        "IsLetter",
        Native::new(
            |c| pred(c, |r| ch(r).is_some_and(char::is_alphabetic)),
            PRED,
        ),
    ),
    (
        "IsMark",
        Native::new(
            |c| {
                pred(c, |r| {
                    (0x300..=0x36F).contains(&r) || (0x1AB0..=0x1AFF).contains(&r)
                })
            },
            PRED,
        ),
    ),
    (
        "IsNumber",
        Native::new(|c| pred(c, |r| ch(r).is_some_and(char::is_numeric)), PRED),
    ),
    ("IsPunct", Native::new(|c| pred(c, is_punct), PRED)),
    (
        "IsSpace",
        Native::new(|c| pred(c, |r| u32::try_from(r).is_ok_and(is_space)), PRED),
    ),
    ("IsSymbol", Native::new(|c| pred(c, is_symbol), PRED)),
    (
        "IsUpper",
        Native::new(|c| pred(c, |r| ch(r).is_some_and(char::is_uppercase)), PRED),
    ),
    (
        "IsLower",
        Native::new(|c| pred(c, |r| ch(r).is_some_and(char::is_lowercase)), PRED),
    ),
    ("IsTitle", Native::new(|c| pred(c, is_title), PRED)),
    ("To", Native::new(to, "func(_case int, r rune) rune")),
    ("ToUpper", Native::new(|c| map(c, up), MAP)),
    ("ToLower", Native::new(|c| map(c, low), MAP)),
    ("ToTitle", Native::new(|c| map(c, to_title), MAP)),
    ("SimpleFold", Native::new(|c| map(c, simple_fold), MAP)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_tables_answer_for_categories_scripts_and_properties() {
        assert_eq!(is_named("Han", '中' as i64), Some(true));
        assert_eq!(is_named("Han", 'a' as i64), Some(false));
        assert_eq!(is_named("Lu", 'A' as i64), Some(true));
        assert_eq!(is_named("Lu", 'a' as i64), Some(false));
        assert_eq!(is_named("Greek", 'λ' as i64), Some(true));
        assert_eq!(is_named("White_Space", 0x85), Some(true));
        assert_eq!(is_named("Z", '\t' as i64), Some(false));
        assert_eq!(is_named("Nd", -1), Some(false));
        assert_eq!(is_named("No_Such_Table", 'a' as i64), None);
    }
}
