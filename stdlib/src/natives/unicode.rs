//! Package unicode: the rune predicates and case mappings.
//!
//! ASCII and Latin-1 answers are Go's exactly (the punctuation/symbol
//! split, control characters, spaces). Beyond them the predicates use
//! Rust's Unicode properties, which are close to but not the same as Go's
//! categories (`IsLetter` is Rust's `Alphabetic`, `IsDigit` and
//! `IsNumber` are `Numeric`, `IsUpper`/`IsLower` the `Uppercase` and
//! `Lowercase` properties; `IsMark` knows only the combining diacritical
//! blocks, `IsTitle` only the Latin digraphs). Case mapping is the simple
//! one-rune mapping, as Go's. Range tables (`Is`, `In`, `IsOneOf`) are not
//! implemented.

use super::strings::{is_space, to_lower, to_upper};
use crate::format::{is_graphic, is_print};
use gol_vm::{NativeCtx, NativeResult};

/// The natives of this module.
pub const NATIVES: &[(&str, &str)] = &[
    ("IsDigit", "func(r rune) bool"),
    ("IsGraphic", "func(r rune) bool"),
    ("IsPrint", "func(r rune) bool"),
    ("IsControl", "func(r rune) bool"),
    ("IsLetter", "func(r rune) bool"),
    ("IsMark", "func(r rune) bool"),
    ("IsNumber", "func(r rune) bool"),
    ("IsPunct", "func(r rune) bool"),
    ("IsSpace", "func(r rune) bool"),
    ("IsSymbol", "func(r rune) bool"),
    ("IsUpper", "func(r rune) bool"),
    ("IsLower", "func(r rune) bool"),
    ("IsTitle", "func(r rune) bool"),
    ("To", "func(_case int, r rune) rune"),
    ("ToUpper", "func(r rune) rune"),
    ("ToLower", "func(r rune) rune"),
    ("ToTitle", "func(r rune) rune"),
    ("SimpleFold", "func(r rune) rune"),
];

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

fn predicate(name: &str, r: i64) -> Option<bool> {
    let c = ch(r);
    let ascii = (0..0x80).contains(&r);
    Some(match name {
        "IsDigit" => {
            if ascii {
                (b'0' as i64..=b'9' as i64).contains(&r)
            } else {
                c.is_some_and(|c| c.is_numeric() && c.to_digit(10).is_none() && r > 0xFF)
            }
        }
        "IsNumber" => c.is_some_and(char::is_numeric),
        "IsLetter" => c.is_some_and(char::is_alphabetic),
        "IsUpper" => c.is_some_and(char::is_uppercase),
        "IsLower" => c.is_some_and(char::is_lowercase),
        "IsTitle" => is_title(r),
        "IsSpace" => u32::try_from(r).is_ok_and(is_space),
        "IsControl" => (0..0x20).contains(&r) || (0x7F..0xA0).contains(&r),
        "IsPunct" => {
            if ascii {
                ASCII_PUNCT.contains(&(r as u8))
            } else {
                matches!(r, 0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF)
                    || (0x2010..=0x2027).contains(&r)
                    || (0x3001..=0x3003).contains(&r)
            }
        }
        "IsSymbol" => {
            if ascii {
                ASCII_SYMBOL.contains(&(r as u8))
            } else {
                matches!(r, 0xA2..=0xA6 | 0xA8 | 0xA9 | 0xAC | 0xAE..=0xB1 | 0xB4 | 0xB8 | 0xD7 | 0xF7)
                    || (0x2190..=0x21FF).contains(&r)
                    || (0x2200..=0x22FF).contains(&r)
                    || (0x20A0..=0x20C0).contains(&r)
            }
        }
        "IsMark" => (0x300..=0x36F).contains(&r) || (0x1AB0..=0x1AFF).contains(&r),
        "IsPrint" => is_print(r),
        "IsGraphic" => is_graphic(r),
        _ => return None,
    })
}

/// Dispatches `unicode.<name>`; `None` when it is not a native here.
pub fn call(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    // Parameter 0 is the rune for every function but To.
    let r = if name == "To" {
        0
    } else {
        ctx.int(0) as i32 as i64
    };
    if let Some(b) = predicate(name, r) {
        ctx.set_result(0, b as u64);
        return Some(NativeResult::Ok);
    }
    let v = match name {
        "ToUpper" => up(r),
        "ToLower" => low(r),
        "ToTitle" => to_title(r),
        "To" => {
            let r = ctx.int(1) as i32 as i64;
            match ctx.int(0) {
                0 => up(r),
                1 => low(r),
                2 => to_title(r),
                _ => 0xFFFD,
            }
        }
        "SimpleFold" => {
            if !(0..=0x10FFFF).contains(&r) {
                r
            } else {
                // The next rune of r's case orbit, in ascending order.
                let mut orbit = vec![r, up(r), low(r), to_title(r)];
                orbit.sort_unstable();
                orbit.dedup();
                orbit.iter().copied().find(|&x| x > r).unwrap_or(orbit[0])
            }
        }
        _ => return None,
    };
    ctx.set_result(0, v as u64);
    Some(NativeResult::Ok)
}
