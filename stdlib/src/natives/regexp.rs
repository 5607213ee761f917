//! regexp's engine: the `regex` crate, which implements RE2's syntax and
//! semantics (leftmost-first matching, linear time in the input, no
//! backreferences or lookaround), behind two natives: `compile` and
//! `find` (one match with its submatch indexes, searched from a
//! position with the whole input as context, so `\b` and `^` see what
//! lies before it). The Go half (stdlib/go/regexp) loops for the `All`
//! variants with Go's rule for empty matches, expands `$1`/`${name}`,
//! and splits.
//!
//! Go's syntax differs from the crate's in a few places, translated
//! before compiling: `\d \w \s \b` (and their negations) are ASCII in Go
//! and Unicode-aware in the crate, so they become explicit ASCII classes
//! (`(?-u:\b)` for the boundary); `\Q...\E` quotes a literal in Go and is
//! unknown to the crate; `\1`-`\7` alone is an error in Go (no
//! backreferences) while two or three octal digits are an octal escape,
//! which the crate accepts with its octal option; `\Z` is not Go's. The
//! errors Go reports most often (unbalanced parentheses or brackets, a
//! repetition with nothing to repeat, nested repetitions, bad escapes)
//! are found by a pre-scan with Go's wording; other malformed patterns
//! get the crate's own message after Go's `error parsing regexp:`.
//!
//! Leftmost-longest matching (`Longest`, `CompilePOSIX`) is another
//! engine over the same translated pattern (regexp_longest.rs), since the
//! crate has none; `CompilePOSIX`'s syntax is checked and translated here
//! (`translate_with`).
//!
//! Compiled programs live in a table for the life of the process, keyed
//! by the id the Go Regexp holds (they are immutable and shared by every
//! goroutine, as Go's are).

use super::regexp_longest;
use gol_vm::{Native, NativeCtx, NativeResult};
use regex::{Regex, RegexBuilder};
use std::sync::{Arc, Mutex, OnceLock};

pub const NATIVES: &[(&str, Native)] = &[
    (
        "compile",
        Native::new(
            compile,
            "func(expr string, posix bool) (id int64, numSubexp int, names []string, code string, arg string)",
        ),
    ),
    (
        "find",
        Native::new(find, "func(id int64, s string, pos int, longest bool) []int"),
    ),
];

/// A compiled pattern: the crate's program, and the leftmost-longest
/// engine's, made on the first search that wants it.
struct Compiled {
    re: Regex,
    longest: OnceLock<Result<regexp_longest::Prog, String>>,
}

/// The compiled programs, indexed by id - 1.
static TABLE: Mutex<Vec<Arc<Compiled>>> = Mutex::new(Vec::new());

/// Prefix of the private name of a group whose Go name is used twice.
const DUP: &str = "golDup";

/// A syntax error as Go reports it: its code and the offending text.
type SyntaxErr = (String, String);

fn err(code: &str, arg: &str) -> SyntaxErr {
    (code.to_string(), arg.to_string())
}

/// Go's limit on the height of a pattern's syntax tree (regexp/syntax's
/// maxHeight); the crate's own nesting limit is set above it, counting
/// the non-capturing groups Go's tree does not keep.
const MAX_HEIGHT: u32 = 1000;
pub(crate) const NEST_LIMIT: u32 = 4 * MAX_HEIGHT;
/// The crate's compiled-size limit, raised from its 10 MB default so that
/// what Go's limit (an estimate of 128 MB of instructions) accepts, such
/// as a hundred `\pL{1000}`, compiles here too.
const SIZE_LIMIT: usize = 256 << 20;

/// Go's two checks on a parsed pattern that the crate does not make
/// (regexp/syntax's `repeat` and `checkHeight`), on the translated
/// pattern (which keeps Go's repetition operators as written):
///
/// - a counted repetition (`{n}`, `{n,}`, `{n,m}` with a count of 2 or
///   more) may not nest other counted repetitions so deeply that their
///   counts multiply past 1000: `(a{100}){100}` is `invalid repeat
///   count`, reported at the first such operator in the text, as Go's
///   parser reports it when it reaches that operator;
/// - the tree may not be more than 1000 deep (`expression nests too
///   deeply`, with the whole pattern).
fn go_limits(pat: &str, expr: &str) -> Result<(), SyntaxErr> {
    use regex_syntax::ast::{self, Ast, RepetitionKind, RepetitionRange};
    let Ok(tree) = ast::parse::ParserBuilder::new()
        .octal(true)
        .nest_limit(NEST_LIMIT)
        .build()
        .parse(pat)
    else {
        // The crate's own compile reports it.
        return Ok(());
    };
    // A counted repetition's (min, max) with max -1 for `{n,}`.
    fn counts(k: &RepetitionKind) -> Option<(u32, i64)> {
        match k {
            RepetitionKind::Range(RepetitionRange::Exactly(n)) => Some((*n, *n as i64)),
            RepetitionKind::Range(RepetitionRange::AtLeast(n)) => Some((*n, -1)),
            RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => Some((*m, *n as i64)),
            _ => None,
        }
    }
    fn children(a: &Ast) -> &[Ast] {
        match a {
            Ast::Repetition(r) => std::slice::from_ref(&r.ast),
            Ast::Group(g) => std::slice::from_ref(&g.ast),
            Ast::Alternation(x) => &x.asts,
            Ast::Concat(x) => &x.asts,
            _ => &[],
        }
    }
    // Go's repeatIsValid: whether the counts below `a` fit in `n`.
    // Recursive: the parser's nest limit (NEST_LIMIT) bounds its depth.
    fn valid(a: &Ast, mut n: i64) -> bool {
        if let Ast::Repetition(r) = a {
            if let Some((min, max)) = counts(&r.op.kind) {
                let m = if max < 0 { min as i64 } else { max };
                if max == 0 {
                    return true;
                }
                if m > n {
                    return false;
                }
                if m > 0 {
                    n /= m;
                }
            }
        }
        children(a).iter().all(|c| valid(c, n))
    }
    // The tree's height as Go counts it: a non-capturing group and a
    // flag group are no node of their own. Iterative, as the tree may be
    // deep.
    let mut height = 0u32;
    let mut first_bad: Option<(usize, String)> = None;
    let mut stack: Vec<(&Ast, u32)> = vec![(&tree, 1)];
    while let Some((a, h)) = stack.pop() {
        height = height.max(h);
        let own = match a {
            Ast::Group(g) => !matches!(g.kind, ast::GroupKind::NonCapturing(_)),
            _ => true,
        };
        if let Ast::Repetition(r) = a {
            if let Some((min, max)) = counts(&r.op.kind) {
                let start = r.op.span.start.offset;
                if (min >= 2 || max >= 2)
                    && first_bad.as_ref().is_none_or(|(s, _)| start < *s)
                    && !valid(a, 1000)
                {
                    let end = r.op.span.end.offset;
                    first_bad = Some((start, pat[start..end].to_string()));
                }
            }
        }
        let next = if own { h + 1 } else { h };
        for c in children(a) {
            stack.push((c, next));
        }
    }
    if height > MAX_HEIGHT {
        return Err(err("expression nests too deeply", expr));
    }
    match first_bad {
        Some((_, op)) => Err(err("invalid repeat count", &op)),
        None => Ok(()),
    }
}

/// Go's syntax to the crate's (see the module docs), or Go's error.
#[cfg(test)]
pub(crate) fn translate(expr: &str) -> Result<String, SyntaxErr> {
    translate_with(expr, false)
}

/// `translate`, for Go's Perl syntax or (`posix`) its POSIX ERE syntax
/// (`CompilePOSIX`): no Perl escapes (`\d \b \pL \Q \A \z` ...), no
/// `(?` groups or flags, `^` and `$` at line boundaries, and a negated
/// class never matches a newline.
pub(crate) fn translate_with(expr: &str, posix: bool) -> Result<String, SyntaxErr> {
    let b: Vec<char> = expr.chars().collect();
    let mut out = String::with_capacity(expr.len() + 8);
    if posix {
        out.push_str("(?m)");
    }
    let mut i = 0;
    let mut depth: Vec<usize> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    // Whether the previous item can be repeated, and whether it was a
    // repetition operator (for Go's nested repetition error).
    let mut can_repeat = false;
    let mut last_rep: Option<usize> = None;
    while i < b.len() {
        let c = b[i];
        match c {
            '\\' => {
                let Some(&e) = b.get(i + 1) else {
                    return Err(err("trailing backslash at end of expression", ""));
                };
                if posix && "dDwWsSbBpPQAzC".contains(e) {
                    return Err(err("invalid escape sequence", &format!("\\{e}")));
                }
                match e {
                    'Q' => {
                        let mut j = i + 2;
                        while j < b.len() && !(b[j] == '\\' && b.get(j + 1) == Some(&'E')) {
                            out.push_str(&regex::escape(&b[j].to_string()));
                            j += 1;
                        }
                        i = if j < b.len() { j + 2 } else { j };
                        can_repeat = true;
                        last_rep = None;
                        continue;
                    }
                    'd' => out.push_str("[0-9]"),
                    'D' => out.push_str("[^0-9]"),
                    'w' => out.push_str("[0-9A-Za-z_]"),
                    'W' => out.push_str("[^0-9A-Za-z_]"),
                    's' => out.push_str("[\\t\\n\\f\\r ]"),
                    'S' => out.push_str("[^\\t\\n\\f\\r ]"),
                    'b' => out.push_str("(?-u:\\b)"),
                    'B' => out.push_str("(?-u:\\B)"),
                    '1'..='7' if !matches!(b.get(i + 2), Some('0'..='7')) => {
                        return Err(err("invalid escape sequence", &format!("\\{e}")));
                    }
                    'Z' | 'e' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'o' | 'q' | 'y' | 'G'
                    | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'R' | 'T' | 'U' | 'V'
                    | 'X' | 'Y' | 'c' | 'u' | 'C' | 'E' | 'F' | '8' | '9' => {
                        return Err(err("invalid escape sequence", &format!("\\{e}")));
                    }
                    _ => {
                        out.push('\\');
                        out.push(e);
                        // \p{..}, \x{..}: copy the braces.
                        if (e == 'p' || e == 'P' || e == 'x') && b.get(i + 2) == Some(&'{') {
                            let mut j = i + 2;
                            while j < b.len() && b[j] != '}' {
                                out.push(b[j]);
                                j += 1;
                            }
                            if j < b.len() {
                                out.push('}');
                            }
                            i = j + 1;
                            can_repeat = true;
                            last_rep = None;
                            continue;
                        }
                    }
                }
                i += 2;
                can_repeat = true;
                last_rep = None;
            }
            '[' => {
                let start = i;
                let mut j = i + 1;
                let mut cls = String::from("[");
                if b.get(j) == Some(&'^') {
                    cls.push('^');
                    if posix {
                        cls.push_str("\\n");
                    }
                    j += 1;
                }
                // A ] first is a literal.
                if b.get(j) == Some(&']') {
                    cls.push_str("\\]");
                    j += 1;
                }
                let mut closed = false;
                while j < b.len() {
                    match b[j] {
                        ']' => {
                            closed = true;
                            break;
                        }
                        '[' if b.get(j + 1) == Some(&':') => {
                            // [:alpha:]
                            let mut k = j;
                            while k < b.len() && !(b[k] == ']' && k > j + 1 && b[k - 1] == ':') {
                                cls.push(b[k]);
                                k += 1;
                            }
                            if k < b.len() {
                                cls.push(']');
                            }
                            j = k + 1;
                            continue;
                        }
                        '[' => cls.push_str("\\["),
                        '\\' => {
                            let Some(&e) = b.get(j + 1) else {
                                return Err(err("trailing backslash at end of expression", ""));
                            };
                            match e {
                                'd' => cls.push_str("0-9"),
                                'w' => cls.push_str("0-9A-Za-z_"),
                                's' => cls.push_str("\\t\\n\\f\\r "),
                                'D' => cls.push_str("[^0-9]"),
                                'W' => cls.push_str("[^0-9A-Za-z_]"),
                                'S' => cls.push_str("[^\\t\\n\\f\\r ]"),
                                _ => {
                                    cls.push('\\');
                                    cls.push(e);
                                }
                            }
                            j += 2;
                            continue;
                        }
                        '&' | '~' | '-' if b.get(j + 1) == Some(&b[j]) => {
                            // The crate's set operators are literals in Go.
                            cls.push('\\');
                            cls.push(b[j]);
                        }
                        ch => {
                            // Go checks a range's order with its own wording.
                            if b.get(j + 1) == Some(&'-') {
                                if let Some(&hi) = b.get(j + 2) {
                                    if hi != ']' && hi != '\\' && hi < ch {
                                        return Err(err(
                                            "invalid character class range",
                                            &format!("{ch}-{hi}"),
                                        ));
                                    }
                                }
                            }
                            cls.push(ch)
                        }
                    }
                    j += 1;
                }
                if !closed {
                    let rest: String = b[start..].iter().collect();
                    return Err(err("missing closing ]", &rest));
                }
                cls.push(']');
                out.push_str(&cls);
                i = j + 1;
                can_repeat = true;
                last_rep = None;
            }
            '(' => {
                out.push('(');
                i += 1;
                can_repeat = false;
                last_rep = None;
                if posix && b.get(i) == Some(&'?') {
                    return Err(err("missing argument to repetition operator", "?"));
                }
                if b.get(i) == Some(&'?') {
                    // A group's header passes through: `(?:`, `(?P<n>`,
                    // `(?<n>`, `(?i:`; a flag setting `(?i)` is no group.
                    let mut j = i;
                    while j < b.len() && !matches!(b[j], ':' | ')' | '>') {
                        j += 1;
                    }
                    let hdr: String = b[i..(j + 1).min(b.len())].iter().collect();
                    // Go allows a name twice; the crate does not: later
                    // uses get a private name, mapped back in `compile`.
                    let name = hdr
                        .strip_prefix("?P<")
                        .or_else(|| hdr.strip_prefix("?<"))
                        .and_then(|n| n.strip_suffix('>'));
                    match name {
                        Some(n) if names.iter().any(|m| m == n) => {
                            out.push_str(&format!("?P<{DUP}{}_{n}>", names.len()));
                        }
                        _ => out.push_str(&hdr),
                    }
                    if let Some(n) = name {
                        names.push(n.to_string());
                    }
                    i = j + 1;
                    if b.get(j) == Some(&')') {
                        continue;
                    }
                }
                depth.push(i);
            }
            ')' => {
                if depth.pop().is_none() {
                    return Err(err("unexpected )", expr));
                }
                out.push(')');
                i += 1;
                can_repeat = true;
                last_rep = None;
            }
            '|' => {
                out.push('|');
                i += 1;
                can_repeat = false;
                last_rep = None;
            }
            '*' | '+' | '?' | '{' => {
                // The operator's text: `*`, `+?`, `{2,3}`.
                let start = i;
                let mut j = i + 1;
                if c == '{' {
                    let mut k = i + 1;
                    while k < b.len() && (b[k].is_ascii_digit() || b[k] == ',') {
                        k += 1;
                    }
                    if b.get(k) != Some(&'}') || k == i + 1 {
                        // Not a repetition: a literal brace, as in Go.
                        out.push_str("\\{");
                        i += 1;
                        can_repeat = true;
                        last_rep = None;
                        continue;
                    }
                    let body: String = b[i + 1..k].iter().collect();
                    let parts: Vec<&str> = body.split(',').collect();
                    let bad = parts.len() > 2
                        || parts[0].is_empty()
                        || parts
                            .iter()
                            .any(|p| p.parse::<u32>().map_or(!p.is_empty(), |n| n > 1000))
                        || (parts.len() == 2
                            && !parts[1].is_empty()
                            && parts[1].parse::<u32>().unwrap_or(0)
                                < parts[0].parse::<u32>().unwrap_or(0));
                    j = k + 1;
                    if bad {
                        let op: String = b[start..j].iter().collect();
                        return Err(err("invalid repeat count", &op));
                    }
                }
                if b.get(j) == Some(&'?') {
                    j += 1;
                }
                let op: String = b[start..j].iter().collect();
                if let Some(prev) = last_rep {
                    let both: String = b[prev..j].iter().collect();
                    return Err(err("invalid nested repetition operator", &both));
                }
                if !can_repeat {
                    return Err(err("missing argument to repetition operator", &op));
                }
                out.push_str(&op);
                last_rep = Some(start);
                i = j;
            }
            _ => {
                out.push(c);
                i += 1;
                can_repeat = true;
                last_rep = None;
            }
        }
    }
    if !depth.is_empty() {
        return Err(err("missing closing )", expr));
    }
    Ok(out)
}

fn compile(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let expr = String::from_utf8_lossy(&ctx.str(0)).into_owned();
    let fail = |ctx: &mut NativeCtx<'_>, code: &str, arg: &str| {
        ctx.ret_int(0, 0);
        ctx.ret_int(1, 0);
        ctx.ret_slice(2, (0, 0, 0));
        ctx.ret_str(3, code.as_bytes());
        ctx.ret_str(4, arg.as_bytes());
        NativeResult::Ok
    };
    let pat = match translate_with(&expr, ctx.bool(1)) {
        Ok(p) => p,
        Err((code, arg)) => return fail(ctx, &code, &arg),
    };
    if let Err((code, arg)) = go_limits(&pat, &expr) {
        return fail(ctx, &code, &arg);
    }
    let re = match RegexBuilder::new(&pat)
        .octal(true)
        .nest_limit(NEST_LIMIT)
        .size_limit(SIZE_LIMIT)
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            let msg = e.to_string();
            // The crate's message's last line says what is wrong.
            let last = msg
                .lines()
                .rev()
                .find(|l| l.trim_start().starts_with("error:"))
                .map(|l| {
                    l.trim_start()
                        .trim_start_matches("error:")
                        .trim()
                        .to_string()
                })
                .unwrap_or_else(|| msg.lines().last().unwrap_or("").trim().to_string());
            return fail(ctx, &last, &expr);
        }
    };
    let names: Vec<Vec<u8>> = re
        .capture_names()
        .map(|n| {
            let n = n.unwrap_or("");
            // golDup3_name: the name Go gave it.
            let n = match n.strip_prefix(DUP) {
                Some(rest) => rest.split_once('_').map_or(n, |(_, g)| g),
                None => n,
            };
            n.as_bytes().to_vec()
        })
        .collect();
    let nsub = re.captures_len() as i64 - 1;
    let id = {
        let mut t = TABLE.lock().unwrap_or_else(|p| p.into_inner());
        t.push(Arc::new(Compiled {
            re,
            longest: OnceLock::new(),
        }));
        t.len() as i64
    };
    ctx.ret_int(0, id);
    ctx.ret_int(1, nsub);
    let r = super::ret_strings(ctx, 2, &names);
    ctx.ret_str(3, b"");
    ctx.ret_str(4, b"");
    r
}

fn find(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let id = ctx.int(0);
    let re = {
        let t = TABLE.lock().unwrap_or_else(|p| p.into_inner());
        match usize::try_from(id - 1).ok().and_then(|i| t.get(i)) {
            Some(r) => r.clone(),
            None => return NativeResult::Panic("regexp: use of an uncompiled Regexp".into()),
        }
    };
    let pos = ctx.int(2).max(0) as usize;
    let longest = ctx.bool(3);
    // Borrowed, not copied: the All forms search one text once per match.
    let s = ctx.str_ref(1);
    let words: Vec<i64> = if longest {
        let prog = re
            .longest
            .get_or_init(|| regexp_longest::compile(re.re.as_str()));
        match prog {
            Ok(p) if pos <= s.len() => p.find(s, pos).unwrap_or_default(),
            Ok(_) => Vec::new(),
            Err(e) => return NativeResult::Panic(format!("regexp: {e}")),
        }
    } else {
        crate_find(&re.re, s, pos)
    };
    let ws: Vec<u64> = words.iter().map(|&w| w as u64).collect();
    if ws.is_empty() {
        ctx.ret_slice(0, (0, 0, 0));
        return NativeResult::Ok;
    }
    // The result's element type (`[]int`'s, in the program's table).
    let Some(int_t) = ctx.find_type("int") else {
        return NativeResult::Panic("regexp: no int type".into());
    };
    let sl = ctx.new_slice(int_t, &ws, ws.len());
    ctx.ret_slice(0, sl);
    NativeResult::Ok
}

/// The leftmost-first search of the crate's program. A Go string may hold
/// invalid UTF-8, which the crate's &str API cannot take: such text is
/// searched with its bytes API.
fn crate_find(re: &Regex, s: &[u8], pos: usize) -> Vec<i64> {
    match std::str::from_utf8(s) {
        Ok(text) if pos <= text.len() && text.is_char_boundary(pos) => {
            match re.captures_at(text, pos) {
                None => Vec::new(),
                Some(c) => spans(c.len(), |k| c.get(k).map(|m| m.range())),
            }
        }
        _ => bytes_find(re, s, pos),
    }
}

/// A search over text that is not valid UTF-8 (or from a position inside
/// a character): the bytes API of the same pattern, which matches each
/// invalid byte as U+FFFD does in Go.
///
/// The bytes program is built with `compile`'s settings (octal, both
/// limits), so that it accepts every pattern `compile` did.
fn bytes_find(re: &Regex, s: &[u8], pos: usize) -> Vec<i64> {
    let Ok(bre) = regex::bytes::RegexBuilder::new(re.as_str())
        .octal(true)
        .nest_limit(NEST_LIMIT)
        .size_limit(SIZE_LIMIT)
        .build()
    else {
        return Vec::new();
    };
    if pos > s.len() {
        return Vec::new();
    }
    match bre.captures_at(s, pos) {
        None => Vec::new(),
        Some(c) => spans(c.len(), |k| c.get(k).map(|m| m.range())),
    }
}

/// Go's submatch index list for `n` groups: each group's start and end,
/// or -1, -1 for one that did not take part.
fn spans(n: usize, group: impl Fn(usize) -> Option<std::ops::Range<usize>>) -> Vec<i64> {
    (0..n)
        .flat_map(|k| match group(k) {
            Some(r) => [r.start as i64, r.end as i64],
            None => [-1, -1],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_classes_are_ascii() {
        assert_eq!(
            translate(r"\d+\w\s\b").unwrap(),
            r"[0-9]+[0-9A-Za-z_][\t\n\f\r ](?-u:\b)"
        );
        assert_eq!(translate(r"[\d.]").unwrap(), r"[0-9.]");
        assert_eq!(translate(r"\Qa.b\E+").unwrap(), r"a\.b+");
        assert_eq!(translate(r"x{2,3}y{").unwrap(), r"x{2,3}y\{");
    }

    #[test]
    fn go_errors_are_found_first() {
        assert_eq!(translate("(abc"), Err(err("missing closing )", "(abc")));
        assert_eq!(translate("abc)"), Err(err("unexpected )", "abc)")));
        assert_eq!(
            translate("*a"),
            Err(err("missing argument to repetition operator", "*"))
        );
        assert_eq!(
            translate("a**"),
            Err(err("invalid nested repetition operator", "**"))
        );
        assert_eq!(translate("[a-"), Err(err("missing closing ]", "[a-")));
        assert_eq!(translate(r"\1"), Err(err("invalid escape sequence", r"\1")));
        assert_eq!(translate(r"\8"), Err(err("invalid escape sequence", r"\8")));
        assert_eq!(
            translate(r"a\E"),
            Err(err("invalid escape sequence", r"\E"))
        );
        assert_eq!(
            translate("a{1001}"),
            Err(err("invalid repeat count", "{1001}"))
        );
    }
}
