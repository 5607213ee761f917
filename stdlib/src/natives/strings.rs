//! Package strings: the byte- and rune-level functions, over Go strings as
//! byte strings (invalid UTF-8 decodes as U+FFFD one byte at a time, as
//! Go's `range` and `utf8.DecodeRuneInString` do). The functions that take
//! a func value (`Map`, `IndexFunc`, `TrimFunc`, `FieldsFunc`...) and
//! `Builder` are Go source (`stdlib/go/strings/strings.go`), so a panic in
//! the callback unwinds through them as in Go.
//!
//! Case mapping is rune by rune with each rune's simple mapping (Go's
//! `unicode.ToUpper`): Rust's full mappings that expand a rune into
//! several (`ß` to `SS`) leave it unchanged, as Go does.
//!
//! Memory: a native works on copies of its string arguments and builds
//! its result in a Rust buffer before the heap gets it, so every such
//! buffer that can be large is charged to the heap's commit budget before
//! it is filled ([`NativeCtx::reserve_outside`]): a program that outgrows
//! the memory ends with Go's out-of-memory fatal error, not the kernel's
//! SIGKILL. Runes are decoded as they are walked, never gathered into a
//! table (24 bytes a rune); `Repeat` and `Replace` write their result in
//! place in the heap, their sizes being known first, as Go's do.

use super::ret_strings;
use crate::format::runes::{append_rune, decode_rune};
use gol_vm::{ArgKind, Native, NativeCtx, NativeResult};

/// String parameter `k`'s bytes, the copy charged to the commit budget
/// before it is made.
pub(super) fn str_arg(ctx: &NativeCtx<'_>, k: usize) -> Vec<u8> {
    if ctx.params().get(k).is_some_and(|p| p.kind == ArgKind::Str) {
        let (_, w) = ctx.words(k);
        ctx.reserve_outside(w.get(1).copied().unwrap_or(0) as usize);
    }
    ctx.str(k)
}

/// Rust memory of `n` parts of a split (`Vec<Vec<u8>>`) besides their
/// bytes: each part's vector header, its allocation's own overhead, and
/// its two words in the vector the result slice is made from.
fn parts_overhead(n: usize) -> usize {
    n.saturating_mul(std::mem::size_of::<Vec<u8>>() + 32 + 16)
}

/// Byte index of the first `sub` in `s`.
pub fn index(s: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() > s.len() {
        return None;
    }
    let first = sub[0];
    let last = s.len() - sub.len();
    let mut i = 0;
    while i <= last {
        match s[i..=last].iter().position(|&b| b == first) {
            None => return None,
            Some(k) => i += k,
        }
        if &s[i..i + sub.len()] == sub {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Byte index of the last `sub` in `s`.
pub fn last_index(s: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(s.len());
    }
    if sub.len() > s.len() {
        return None;
    }
    (0..=s.len() - sub.len())
        .rev()
        .find(|&i| &s[i..i + sub.len()] == sub)
}

/// The runes of `s` with their byte offsets and widths, decoded as the
/// walk goes.
fn runes(s: &[u8]) -> impl Iterator<Item = (usize, u32, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= s.len() {
            return None;
        }
        let (r, w) = decode_rune(&s[i..]);
        let w = w.max(1);
        let at = i;
        i += w;
        Some((at, r, w))
    })
}

fn rune_count(s: &[u8]) -> usize {
    crate::format::runes::rune_count(s)
}

/// Go's `unicode.IsSpace`.
pub fn is_space(r: u32) -> bool {
    match r {
        0x09..=0x0D | 0x20 | 0x85 | 0xA0 => true,
        _ if r < 0x100 => false,
        _ => char::from_u32(r).is_some_and(char::is_whitespace),
    }
}

/// Go's `unicode.ToUpper` (simple mapping).
pub fn to_upper(r: u32) -> u32 {
    simple_map(r, |c| c.to_uppercase().collect())
}

/// Go's `unicode.ToLower` (simple mapping). The only rune whose full
/// lower-case mapping has several runes, U+0130, maps simply to its first.
pub fn to_lower(r: u32) -> u32 {
    simple_map(r, |c| c.to_lowercase().take(1).collect())
}

fn simple_map(r: u32, f: impl Fn(char) -> Vec<char>) -> u32 {
    let Some(c) = char::from_u32(r) else {
        return r;
    };
    match f(c).as_slice() {
        [one] => *one as u32,
        _ => r,
    }
}

fn map_runes(s: &[u8], f: impl Fn(u32) -> u32) -> Vec<u8> {
    if s.is_ascii() {
        return s.iter().map(|&b| f(b as u32) as u8).collect();
    }
    let mut out = Vec::with_capacity(s.len());
    for (_, r, _) in runes(s) {
        append_rune(&mut out, f(r) as i64);
    }
    out
}

/// Go's `explode`: `s` split into UTF-8 sequences, at most `n` (n < 0: all).
fn explode(s: &[u8], n: i64) -> Vec<Vec<u8>> {
    let l = rune_count(s);
    let n = if n < 0 || n as usize > l {
        l
    } else {
        n as usize
    };
    let mut out = Vec::with_capacity(n);
    for (k, (i, _, w)) in runes(s).enumerate().take(n) {
        if k == n - 1 {
            out.push(s[i..].to_vec());
        } else {
            out.push(s[i..i + w].to_vec());
        }
    }
    out
}

/// Go's `genSplit`: split after `sep` plus `sep_save` bytes, at most `n`.
fn gen_split(s: &[u8], sep: &[u8], sep_save: usize, n: i64) -> Option<Vec<Vec<u8>>> {
    if n == 0 {
        return None;
    }
    if sep.is_empty() {
        return Some(explode(s, n));
    }
    let n = if n < 0 {
        count(s, sep) as i64 + 1
    } else {
        n.min(s.len() as i64 + 1)
    };
    let mut out = Vec::new();
    let mut rest = s;
    while (out.len() as i64) < n - 1 {
        let Some(m) = index(rest, sep) else { break };
        out.push(rest[..m + sep_save].to_vec());
        rest = &rest[m + sep.len()..];
    }
    out.push(rest.to_vec());
    Some(out)
}

pub fn count(s: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return rune_count(s) + 1;
    }
    let mut n = 0;
    let mut rest = s;
    while let Some(i) = index(rest, sub) {
        n += 1;
        rest = &rest[i + sub.len()..];
    }
    n
}

fn contains_rune(chars: &[u8], r: u32) -> bool {
    runes(chars).any(|(_, c, _)| c == r)
}

/// Go's `IndexAny`: the first rune of `s` that is in `chars` (an invalid
/// byte of `s` matches only U+FFFD in `chars`).
fn index_any(s: &[u8], chars: &[u8]) -> Option<usize> {
    if chars.is_empty() {
        return None;
    }
    runes(s)
        .find(|&(_, r, _)| contains_rune(chars, r))
        .map(|(i, _, _)| i)
}

fn last_index_any(s: &[u8], chars: &[u8]) -> Option<usize> {
    if chars.is_empty() {
        return None;
    }
    runes(s)
        .filter(|&(_, r, _)| contains_rune(chars, r))
        .last()
        .map(|(i, _, _)| i)
}

fn trim_left<'a>(s: &'a [u8], cut: &[u8]) -> &'a [u8] {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        if !contains_rune(cut, r) {
            break;
        }
        i += w.max(1);
    }
    &s[i..]
}

/// `s` less its trailing runes in `cut`: up to the end of the last rune
/// not in `cut`.
fn trim_right<'a>(s: &'a [u8], cut: &[u8]) -> &'a [u8] {
    let end = runes(s)
        .filter(|&(_, r, _)| !contains_rune(cut, r))
        .last()
        .map_or(0, |(i, _, w)| i + w);
    &s[..end]
}

fn trim_space(s: &[u8]) -> &[u8] {
    let start = runes(s)
        .find(|&(_, r, _)| !is_space(r))
        .map_or(s.len(), |(i, _, _)| i);
    let rest = &s[start..];
    let end = runes(rest)
        .filter(|&(_, r, _)| !is_space(r))
        .last()
        .map_or(0, |(i, _, w)| i + w);
    &rest[..end]
}

/// How many fields [`fields`] finds.
fn field_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut in_field = false;
    for (_, r, _) in runes(s) {
        let space = is_space(r);
        if !space && !in_field {
            n += 1;
        }
        in_field = !space;
    }
    n
}

fn fields(s: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, r, _) in runes(s) {
        if is_space(r) {
            if let Some(st) = start.take() {
                out.push(s[st..i].to_vec());
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(s[st..].to_vec());
    }
    out
}

/// How many replacements `Replace(s, old, new, n)` makes (Go's: 0 when
/// `old == new`).
fn replacements(s: &[u8], old: &[u8], new: &[u8], n: i64) -> usize {
    if old == new || n == 0 {
        return 0;
    }
    let m = count(s, old);
    if n < 0 || m < n as usize {
        m
    } else {
        n as usize
    }
}

/// Writes `s` with its first `n` matches of `old` replaced by `new` into
/// `out`, which has exactly the room for it.
fn replace_into(out: &mut [u8], s: &[u8], old: &[u8], new: &[u8], n: usize) {
    let mut at = 0;
    let mut put = |b: &[u8]| {
        out[at..at + b.len()].copy_from_slice(b);
        at += b.len();
    };
    let mut start = 0;
    for k in 0..n {
        let mut j = start;
        if old.is_empty() {
            if k > 0 {
                let (_, w) = decode_rune(&s[start..]);
                j += w.max(1);
            }
        } else {
            j += index(&s[start..], old).unwrap_or(0);
        }
        put(&s[start..j]);
        put(new);
        start = j + old.len();
    }
    put(&s[start.min(s.len())..]);
}

fn equal_fold(s: &[u8], t: &[u8]) -> bool {
    let (mut a, mut b) = (runes(s), runes(t));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some((_, x, _)), Some((_, y, _)))
                if x == y || to_lower(x) == to_lower(y) || to_upper(x) == to_upper(y) => {}
            _ => return false,
        }
    }
}

fn title(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev_sep = true;
    for (_, r, _) in runes(s) {
        let c = char::from_u32(r).unwrap_or('\u{FFFD}');
        // Go's isSeparator: ASCII other than letters, digits and '_';
        // beyond ASCII, only spaces (U+FFFD, a symbol, is not one).
        let is_sep = if r <= 0x7F {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            !c.is_alphanumeric() && is_space(r)
        };
        if prev_sep && !is_sep {
            append_rune(&mut out, to_upper(r) as i64);
        } else {
            append_rune(&mut out, r as i64);
        }
        prev_sep = is_sep;
    }
    out
}

/// Go's `IndexRune`: U+FFFD matches an invalid byte too, and an invalid
/// rune matches the first invalid sequence or U+FFFD.
fn index_rune(s: &[u8], r: i64) -> Option<usize> {
    if (0..0x80).contains(&r) {
        return s.iter().position(|&b| b as i64 == r);
    }
    let r = if crate::format::runes::valid_rune(r) {
        r
    } else {
        0xFFFD
    };
    runes(s).find(|&(_, c, _)| c as i64 == r).map(|(i, _, _)| i)
}

fn ret_index(ctx: &mut NativeCtx<'_>, v: Option<usize>) -> NativeResult {
    ctx.ret_int(0, v.map_or(-1i64, |i| i as i64));
    NativeResult::Ok
}

fn ret_string(ctx: &mut NativeCtx<'_>, b: &[u8]) -> NativeResult {
    ctx.ret_str(0, b);
    NativeResult::Ok
}

/// `func(s string) string`: `f` of the string, whose result (a Rust
/// buffer about as long as `s`) is charged with the copy of `s`.
fn s_s(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8]) -> Vec<u8>) -> NativeResult {
    ctx.reserve_outside(ctx.str_ref(0).len());
    let out = f(ctx.str_ref(0));
    ret_string(ctx, &out)
}

/// `func(s, t string) string`, the result charged as in [`s_s`].
fn ss_s(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8], &[u8]) -> Vec<u8>) -> NativeResult {
    ctx.reserve_outside(ctx.str_ref(0).len());
    let out = f(ctx.str_ref(0), ctx.str_ref(1));
    ret_string(ctx, &out)
}

/// `func(s, t string) bool`.
fn ss_b(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8], &[u8]) -> bool) -> NativeResult {
    let r = f(ctx.str_ref(0), ctx.str_ref(1));
    ctx.ret_bool(0, r);
    NativeResult::Ok
}

/// `func(s, t string) int`, an index or -1.
fn ss_i(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8], &[u8]) -> Option<usize>) -> NativeResult {
    let r = f(ctx.str_ref(0), ctx.str_ref(1));
    ret_index(ctx, r)
}

/// `func(s string, c byte) int`.
fn sc_i(ctx: &mut NativeCtx<'_>, f: impl Fn(&[u8], u8) -> Option<usize>) -> NativeResult {
    let r = f(ctx.str_ref(0), ctx.uint(1) as u8);
    ret_index(ctx, r)
}

/// `func(s string, r rune) int`.
fn sr_i(ctx: &mut NativeCtx<'_>) -> Option<usize> {
    index_rune(&str_arg(ctx, 0), ctx.int(1) as i32 as i64)
}

/// Go's `maxAlloc` on 64-bit Linux: the largest object its heap makes.
const MAX_ALLOC: u128 = 1 << 48;

/// The length of a result that Go builds with `Builder.Grow(n)`: past
/// `maxAlloc`, Go's `makeslice` panics (a runtime error, recoverable)
/// before any memory is asked for.
fn grow_len(n: u128) -> Result<usize, NativeResult> {
    if n > MAX_ALLOC {
        return Err(NativeResult::RuntimeError(
            "runtime error: makeslice: len out of range".into(),
        ));
    }
    Ok(n as usize)
}

/// `func(s, sep string[, n int]) []string`: Go's genSplit, keeping
/// `save` of the separator (`SplitAfter`), at most `n` (-1: all).
fn split(ctx: &mut NativeCtx<'_>, after: bool, with_n: bool) -> NativeResult {
    let (s, sep) = (str_arg(ctx, 0), str_arg(ctx, 1));
    let n = if with_n { ctx.int(2) } else { -1 };
    let save = if after { sep.len() } else { 0 };
    // The parts hold the bytes of `s` (and of a separator each, at most,
    // for SplitAfter) in a vector each.
    let parts = match n {
        0 => 0,
        _ if sep.is_empty() => rune_count(&s),
        _ => count(&s, &sep) + 1,
    };
    let parts = if n > 0 { parts.min(n as usize) } else { parts };
    ctx.reserve_outside(
        s.len()
            .saturating_add(parts.saturating_mul(save))
            .saturating_add(parts_overhead(parts)),
    );
    match gen_split(&s, &sep, save, n) {
        Some(parts) => ret_strings(ctx, 0, &parts),
        None => {
            ctx.ret_slice(0, (0, 0, 0));
            NativeResult::Ok
        }
    }
}

/// `Join`, as Go's: one element is returned as it is; the size is
/// counted first (with Go's overflow panics) and the result written in
/// place in the heap from copies of the elements.
fn join(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (p, n, _) = ctx.slice(0);
    let n = n as usize;
    ctx.reserve_outside(n.saturating_mul(16));
    let words = ctx.read_words(p, 0, n * 2);
    match n {
        0 => {
            ctx.ret_str_words(0, (0, 0));
            return NativeResult::Ok;
        }
        1 => {
            ctx.ret_str_words(0, (words[0], words[1]));
            return NativeResult::Ok;
        }
        _ => {}
    }
    let sep = str_arg(ctx, 1);
    let lens: u128 = (0..n).map(|k| words[2 * k + 1] as u128).sum();
    let total = lens + sep.len() as u128 * (n as u128 - 1);
    if total > i64::MAX as u128 {
        return NativeResult::Panic("strings: Join output length overflow".into());
    }
    let total = match grow_len(total) {
        Ok(t) => t,
        Err(e) => return e,
    };
    ctx.reserve_outside((lens as usize).saturating_add(parts_overhead(n)));
    let elems: Vec<Vec<u8>> = (0..n)
        .map(|k| ctx.string_at(words[2 * k], words[2 * k + 1]))
        .collect();
    let r = ctx.new_string_with(total, |out| {
        let mut at = 0;
        for (k, e) in elems.iter().enumerate() {
            if k > 0 {
                out[at..at + sep.len()].copy_from_slice(&sep);
                at += sep.len();
            }
            out[at..at + e.len()].copy_from_slice(e);
            at += e.len();
        }
    });
    ctx.ret_str_words(0, r);
    NativeResult::Ok
}

fn repeat(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let s = str_arg(ctx, 0);
    let n = ctx.int(1);
    if n < 0 {
        return NativeResult::Panic("strings: negative Repeat count".into());
    }
    let total = (s.len() as u128) * (n as u128);
    if total > i64::MAX as u128 {
        return NativeResult::Panic("strings: Repeat output length overflow".into());
    }
    let total = match grow_len(total) {
        Ok(t) => t,
        Err(e) => return e,
    };
    // Built in place in the result: a Rust buffer copied into the heap
    // would need twice the memory. An allocation the heap cannot make
    // dies as Go does (fatal error: runtime: out of memory).
    let r = ctx.new_string_with(total, |out| {
        if let Some(first) = out.get_mut(..s.len()) {
            first.copy_from_slice(&s);
        }
        // Doubling copies, as Go's Repeat: log2(n) memcpys.
        let mut done = s.len();
        while done > 0 && done < out.len() {
            let k = done.min(out.len() - done);
            out.copy_within(..k, done);
            done += k;
        }
    });
    ctx.ret_str_words(0, r);
    NativeResult::Ok
}

/// `Replace` and `ReplaceAll`: the result's size is counted first and
/// the result written in place in the heap, as Go's `Builder.Grow` does.
fn replace_n(ctx: &mut NativeCtx<'_>, with_n: bool) -> NativeResult {
    let (s, old, new) = (str_arg(ctx, 0), str_arg(ctx, 1), str_arg(ctx, 2));
    let n = if with_n { ctx.int(3) } else { -1 };
    let k = replacements(&s, &old, &new, n);
    // One `old` (or, when empty, nothing) becomes one `new` per match;
    // the matches lie in `s`, so nothing is taken away that is not there.
    let total = (k as u128 * new.len() as u128 + s.len() as u128)
        .saturating_sub(k as u128 * old.len() as u128);
    if total > i64::MAX as u128 {
        // Go's `len(s) + n*(len(new)-len(old))` wraps past maxInt to a
        // negative count, which its Builder.Grow refuses.
        return NativeResult::Panic("strings.Builder.Grow: negative count".into());
    }
    let total = match grow_len(total) {
        Ok(t) => t,
        Err(e) => return e,
    };
    let r = ctx.new_string_with(total, |out| replace_into(out, &s, &old, &new, k));
    ctx.ret_str_words(0, r);
    NativeResult::Ok
}

fn to_valid_utf8(s: &[u8], rep: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut in_bad = false;
    for (i, r, w) in runes(s) {
        if r == 0xFFFD && w == 1 && s.get(i..i + 3) != Some("\u{FFFD}".as_bytes()) {
            if !in_bad {
                out.extend_from_slice(rep);
            }
            in_bad = true;
        } else {
            out.extend_from_slice(&s[i..i + w]);
            in_bad = false;
        }
    }
    out
}

/// The substring of string `(p, _)` at bytes `off..off + len`, sharing
/// its bytes as Go's substrings do; an empty one is `(0, 0)` (never a
/// pointer one past the end: heap contract 2).
fn substring(p: u64, off: usize, len: usize) -> (u64, u64) {
    if len == 0 {
        (0, 0)
    } else {
        (p + off as u64, len as u64)
    }
}

/// `Cut` and `CutLast`: (before, after string, found bool), substrings
/// of the argument.
fn cut(ctx: &mut NativeCtx<'_>, last: bool) -> NativeResult {
    let (p, _) = ctx.str_words(0);
    let (s, sep) = (ctx.str_ref(0), ctx.str_ref(1));
    let (n, k) = (s.len(), sep.len());
    let i = if last {
        last_index(s, sep)
    } else {
        index(s, sep)
    };
    match i {
        Some(i) => {
            ctx.ret_str_words(0, substring(p, 0, i));
            ctx.ret_str_words(1, substring(p, i + k, n - i - k));
            ctx.ret_bool(2, true);
        }
        None => {
            ctx.ret_str_words(0, substring(p, 0, n));
            ctx.ret_str_words(1, (0, 0));
            ctx.ret_bool(2, false);
        }
    }
    NativeResult::Ok
}

/// `CutPrefix` and `CutSuffix`: (rest string, found bool), a substring of
/// the argument.
fn cut_fix(ctx: &mut NativeCtx<'_>, prefix: bool) -> NativeResult {
    let (p, _) = ctx.str_words(0);
    let (s, fix) = (ctx.str_ref(0), ctx.str_ref(1));
    let found = if prefix {
        s.starts_with(fix)
    } else {
        s.ends_with(fix)
    };
    let (off, len) = match (found, prefix) {
        (false, _) => (0, s.len()),
        (true, true) => (fix.len(), s.len() - fix.len()),
        (true, false) => (0, s.len() - fix.len()),
    };
    ctx.ret_str_words(0, substring(p, off, len));
    ctx.ret_bool(1, found);
    NativeResult::Ok
}

fn append_string(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (p, l, c) = ctx.slice(0);
    let add = str_arg(ctx, 1);
    // A byte is a word in a `[]byte` (see gol_vm's value module).
    ctx.reserve_outside(add.len().saturating_mul(8));
    let words: Vec<u64> = add.iter().map(|&b| b as u64).collect();
    let elem = ctx.slice_elem(0);
    let r = ctx.append(elem, (p, l, c), &words, add.len() as u64);
    ctx.ret_slice(0, r);
    NativeResult::Ok
}

/// The natives of this module: name in the package, code, and the Go
/// signature the code implements (checked at load, see gol_vm's native
/// module). Each is its own function, resolved once at load.
pub const NATIVES: &[(&str, Native)] = &[
    (
        "Clone",
        Native::new(
            |c| {
                let s = str_arg(c, 0);
                let r = c.new_string_with(s.len(), |out| out.copy_from_slice(&s));
                c.ret_str_words(0, r);
                NativeResult::Ok
            },
            "func(s string) string",
        ),
    ),
    (
        "Compare",
        Native::new(
            |c| {
                let (a, b) = (str_arg(c, 0), str_arg(c, 1));
                c.ret_int(0, a.cmp(&b) as i64);
                NativeResult::Ok
            },
            "func(a string, b string) int",
        ),
    ),
    (
        "Contains",
        Native::new(
            |c| ss_b(c, |s, t| index(s, t).is_some()),
            "func(s string, substr string) bool",
        ),
    ),
    (
        "ContainsAny",
        Native::new(
            |c| ss_b(c, |s, t| index_any(s, t).is_some()),
            "func(s string, chars string) bool",
        ),
    ),
    (
        "ContainsRune",
        Native::new(
            |c| {
                let found = sr_i(c).is_some();
                c.ret_bool(0, found);
                NativeResult::Ok
            },
            "func(s string, r rune) bool",
        ),
    ),
    (
        "Count",
        Native::new(
            |c| ss_i(c, |s, t| Some(count(s, t))),
            "func(s string, substr string) int",
        ),
    ),
    (
        "HasPrefix",
        Native::new(
            |c| ss_b(c, <[u8]>::starts_with),
            "func(s string, prefix string) bool",
        ),
    ),
    (
        "HasSuffix",
        Native::new(
            |c| ss_b(c, <[u8]>::ends_with),
            "func(s string, suffix string) bool",
        ),
    ),
    (
        "Index",
        Native::new(|c| ss_i(c, index), "func(s string, substr string) int"),
    ),
    (
        "LastIndex",
        Native::new(|c| ss_i(c, last_index), "func(s string, substr string) int"),
    ),
    (
        "IndexByte",
        Native::new(
            |c| sc_i(c, |s, b| s.iter().position(|&x| x == b)),
            "func(s string, c byte) int",
        ),
    ),
    (
        "LastIndexByte",
        Native::new(
            |c| sc_i(c, |s, b| s.iter().rposition(|&x| x == b)),
            "func(s string, c byte) int",
        ),
    ),
    (
        "IndexRune",
        Native::new(
            |c| {
                let i = sr_i(c);
                ret_index(c, i)
            },
            "func(s string, r rune) int",
        ),
    ),
    (
        "IndexAny",
        Native::new(|c| ss_i(c, index_any), "func(s string, chars string) int"),
    ),
    (
        "LastIndexAny",
        Native::new(
            |c| ss_i(c, last_index_any),
            "func(s string, chars string) int",
        ),
    ),
    (
        "Split",
        Native::new(
            |c| split(c, false, false),
            "func(s string, sep string) []string",
        ),
    ),
    (
        "SplitAfter",
        Native::new(
            |c| split(c, true, false),
            "func(s string, sep string) []string",
        ),
    ),
    (
        "SplitN",
        Native::new(
            |c| split(c, false, true),
            "func(s string, sep string, n int) []string",
        ),
    ),
    (
        "SplitAfterN",
        Native::new(
            |c| split(c, true, true),
            "func(s string, sep string, n int) []string",
        ),
    ),
    (
        "Fields",
        Native::new(
            |c| {
                let s = str_arg(c, 0);
                let parts = field_count(&s);
                c.reserve_outside(s.len().saturating_add(parts_overhead(parts)));
                let f = fields(&s);
                ret_strings(c, 0, &f)
            },
            "func(s string) []string",
        ),
    ),
    (
        "Join",
        Native::new(join, "func(elems []string, sep string) string"),
    ),
    (
        "Repeat",
        Native::new(repeat, "func(s string, count int) string"),
    ),
    (
        "Replace",
        Native::new(
            |c| replace_n(c, true),
            "func(s string, old string, new string, n int) string",
        ),
    ),
    (
        "ReplaceAll",
        Native::new(
            |c| replace_n(c, false),
            "func(s string, old string, new string) string",
        ),
    ),
    (
        "ToUpper",
        Native::new(
            |c| s_s(c, |s| map_runes(s, to_upper)),
            "func(s string) string",
        ),
    ),
    (
        "ToTitle",
        Native::new(
            |c| s_s(c, |s| map_runes(s, to_upper)),
            "func(s string) string",
        ),
    ),
    (
        "ToLower",
        Native::new(
            |c| s_s(c, |s| map_runes(s, to_lower)),
            "func(s string) string",
        ),
    ),
    (
        "Title",
        Native::new(|c| s_s(c, title), "func(s string) string"),
    ),
    (
        "ToValidUTF8",
        Native::new(
            |c| ss_s(c, to_valid_utf8),
            "func(s string, replacement string) string",
        ),
    ),
    (
        "Trim",
        Native::new(
            |c| ss_s(c, |s, cut| trim_right(trim_left(s, cut), cut).to_vec()),
            "func(s string, cutset string) string",
        ),
    ),
    (
        "TrimLeft",
        Native::new(
            |c| ss_s(c, |s, cut| trim_left(s, cut).to_vec()),
            "func(s string, cutset string) string",
        ),
    ),
    (
        "TrimRight",
        Native::new(
            |c| ss_s(c, |s, cut| trim_right(s, cut).to_vec()),
            "func(s string, cutset string) string",
        ),
    ),
    (
        "TrimSpace",
        Native::new(
            |c| s_s(c, |s| trim_space(s).to_vec()),
            "func(s string) string",
        ),
    ),
    (
        "TrimPrefix",
        Native::new(
            |c| ss_s(c, |s, p| s.strip_prefix(p).unwrap_or(s).to_vec()),
            "func(s string, prefix string) string",
        ),
    ),
    (
        "TrimSuffix",
        Native::new(
            |c| ss_s(c, |s, p| s.strip_suffix(p).unwrap_or(s).to_vec()),
            "func(s string, suffix string) string",
        ),
    ),
    (
        "EqualFold",
        Native::new(|c| ss_b(c, equal_fold), "func(s string, t string) bool"),
    ),
    (
        "Cut",
        Native::new(
            |c| cut(c, false),
            "func(s string, sep string) (before string, after string, found bool)",
        ),
    ),
    (
        "CutLast",
        Native::new(
            |c| cut(c, true),
            "func(s string, sep string) (before string, after string, found bool)",
        ),
    ),
    (
        "CutPrefix",
        Native::new(
            |c| cut_fix(c, true),
            "func(s string, prefix string) (after string, found bool)",
        ),
    ),
    (
        "CutSuffix",
        Native::new(
            |c| cut_fix(c, false),
            "func(s string, suffix string) (before string, found bool)",
        ),
    ),
    (
        "appendString",
        Native::new(append_string, "func(b []byte, s string) []byte"),
    ),
];

#[cfg(test)]
mod tests {
    //! The rune walks and the in-place Replace, against what native Go
    //! 1.27 prints for the same calls (invalid UTF-8 included).
    use super::*;

    fn replace(s: &str, old: &str, new: &str, n: i64) -> Vec<u8> {
        let (s, old, new) = (s.as_bytes(), old.as_bytes(), new.as_bytes());
        let k = replacements(s, old, new, n);
        let mut out = vec![0; s.len() + k * new.len() - k * old.len()];
        replace_into(&mut out, s, old, new, k);
        out
    }

    #[test]
    fn replace_counts_then_writes_in_place() {
        assert_eq!(replace("héllo", "", "|", 3), b"|h|\xc3\xa9|llo");
        assert_eq!(replace("héllo", "l", "L", 1), "héLlo".as_bytes());
        assert_eq!(replace("héllo", "l", "", -1), "héo".as_bytes());
        assert_eq!(replace("abc", "b", "b", -1), b"abc");
        assert_eq!(replace("abc", "x", "yy", -1), b"abc");
        assert_eq!(replace("aaa", "a", "bb", 0), b"aaa");
        assert_eq!(replace("", "", "x", -1), b"x");
    }

    #[test]
    fn rune_walks_match_go() {
        assert_eq!(trim_space(b" \t a b \xff \n"), b"a b \xff");
        assert_eq!(trim_space(b" \t "), b"");
        assert_eq!(trim_right(b"abc\xffxx", b"x"), b"abc\xff");
        assert_eq!(trim_right(b"xxx", b"x"), b"");
        assert_eq!(
            last_index_any(b"a\xffb\xffc", "\u{FFFD}".as_bytes()),
            Some(3)
        );
        assert_eq!(index_any(b"ab\xff", "\u{FFFD}".as_bytes()), Some(2));
        assert_eq!(last_index_any("héllo".as_bytes(), "lé".as_bytes()), Some(4));
        assert!(!equal_fold("Straße".as_bytes(), b"STRASSE"));
        assert!(equal_fold(b"ab", b"AB"));
        assert!(!equal_fold(b"ab", b"abc"));
        assert!(!equal_fold(b"abc", b"ab"));
        let s = "  a b\u{a0}c  \u{0}\n d ".as_bytes();
        let f = fields(s);
        assert_eq!(f, [&b"a"[..], b"b", b"c", b"\0", b"d"]);
        assert_eq!(field_count(s), f.len());
        assert_eq!(field_count(b"  a b\xc2\xa0c  \xff d "), 5);
        assert_eq!(to_valid_utf8(b"a\xff\xfeb\xffc", b"[]"), b"a[]b[]c");
        assert_eq!(title("héllo wörld".as_bytes()), "Héllo Wörld".as_bytes());
        assert_eq!(index_rune("h\u{ff}é".as_bytes(), 0xE9), Some(3));
        assert_eq!(index_rune(b"h\xff\xc3\xa9", 0xFFFD), Some(1));
        let parts = explode("héllo".as_bytes(), 3);
        assert_eq!(parts, [&b"h"[..], "é".as_bytes(), b"llo"]);
    }
}
