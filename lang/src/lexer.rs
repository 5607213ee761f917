//! The lexer: source text to tokens, with Go's automatic semicolons.
//!
//! Two layers:
//!
//! 1. A logos-generated DFA ([`Raw`]) recognises operators, punctuation,
//!    whitespace, newlines and line comments, and dispatches on the first
//!    character of identifiers, numbers, strings, runes and block comments to
//!    hand-written callbacks. The callbacks follow the algorithm of Go's own
//!    scanner (`cmd/compile/internal/syntax/scanner.go`) so that malformed
//!    literals get Go's messages at Go's positions: a regular expression can
//!    say *that* `0x1.8` is malformed, not that "hexadecimal mantissa requires
//!    a 'p' exponent" at the character after it.
//! 2. [`lex`] walks the raw tokens and inserts semicolons as the Go spec
//!    says: after a line whose last token is an identifier, a literal,
//!    `break`, `continue`, `fallthrough`, `return`, `++`, `--`, `)`, `]` or
//!    `}`, and at end of file. A block comment containing a newline counts as
//!    a newline. It also tells a declaration's `func` from a function
//!    literal's (see [`Token::FuncDecl`]) and caps nesting depth.
//!
//! Invariants: every token and diagnostic span is global (`base` + local
//! offset) and lies within the source; lexing never fails as a whole — a bad
//! literal still yields a token (so the parser sees a sensible stream) plus
//! a diagnostic, as Go's scanner does.
//!
//! Nesting cap: the parser is table-driven and never recurses, but the
//! syntax tree is recursive and so are its later consumers (the checker,
//! the code generator, `Drop`). The lexer bounds the tree's depth cheaply:
//! brackets may nest [`MAX_BRACKET_DEPTH`] deep, and along any path of open
//! brackets at most [`MAX_CHAIN`] nesting tokens (operators, selectors,
//! `chan`/`map`/`func` type constructors, labels, and the brackets
//! themselves) may accumulate without a separating `,` `;` or `:` (an
//! operator chain `a+b+c...` builds a tree as deep as it is long). Every
//! path from the root of the tree to a leaf is then at most a small
//! multiple of `MAX_CHAIN` nodes deep, which is what recursive passes may
//! rely on. Exceeding either cap is a diagnostic, and the parser then
//! refuses the file. Rejected alternative: computing depth in every grammar action,
//! which costs a side table per node for a limit real programs never reach.

use crate::ast::{BinaryOp, Span};
use crate::diag::Diagnostic;
use crate::token::{SemiKind, Token};
use logos::Logos;

/// Deepest nesting of `(`, `[` and `{` accepted.
pub(crate) const MAX_BRACKET_DEPTH: usize = 1000;
/// Most operators chained along one nesting path (see the module docs).
pub(crate) const MAX_CHAIN: usize = 3_000;

/// State shared with the logos callbacks.
#[derive(Default)]
pub(crate) struct Extras {
    base: u32,
    diags: Vec<Diagnostic>,
}

impl Extras {
    fn error(&mut self, local: usize, len: usize, msg: impl Into<String>) {
        let lo = self.base.saturating_add(local as u32);
        let hi = lo.saturating_add(len as u32);
        self.diags.push(Diagnostic::error(Span::new(lo, hi), msg));
    }
}

/// Raw tokens before semicolon insertion.
#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(extras = Extras)]
#[logos(skip r"[ \t\r]+")]
enum Raw {
    #[token("\n")]
    Newline,
    #[regex(r"//[^\n]*", allow_greedy = true)]
    LineComment,
    /// A block comment; `true` when it contains a newline.
    #[token("/*", block_comment)]
    BlockComment(bool),
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", word)]
    #[regex(r"[^\x00-\x7F]", word)]
    #[regex(r"[0-9]", number)]
    #[regex(r"\.[0-9]", number)]
    #[token("\"", string)]
    #[token("`", raw_string)]
    #[token("'", rune)]
    #[token("+", |_| Token::Add)]
    #[token("-", |_| Token::Sub)]
    #[token("*", |_| Token::Star)]
    #[token("/", |_| Token::Quo)]
    #[token("%", |_| Token::Rem)]
    #[token("&", |_| Token::Amp)]
    #[token("|", |_| Token::Or)]
    #[token("^", |_| Token::Caret)]
    #[token("<<", |_| Token::Shl)]
    #[token(">>", |_| Token::Shr)]
    #[token("&^", |_| Token::AndNot)]
    #[token("+=", |_| Token::AssignOp(BinaryOp::Add))]
    #[token("-=", |_| Token::AssignOp(BinaryOp::Sub))]
    #[token("*=", |_| Token::AssignOp(BinaryOp::Mul))]
    #[token("/=", |_| Token::AssignOp(BinaryOp::Div))]
    #[token("%=", |_| Token::AssignOp(BinaryOp::Rem))]
    #[token("&=", |_| Token::AssignOp(BinaryOp::And))]
    #[token("|=", |_| Token::AssignOp(BinaryOp::Or))]
    #[token("^=", |_| Token::AssignOp(BinaryOp::Xor))]
    #[token("<<=", |_| Token::AssignOp(BinaryOp::Shl))]
    #[token(">>=", |_| Token::AssignOp(BinaryOp::Shr))]
    #[token("&^=", |_| Token::AssignOp(BinaryOp::AndNot))]
    #[token("&&", |_| Token::LAnd)]
    #[token("||", |_| Token::LOr)]
    #[token("<-", |_| Token::Arrow)]
    #[token("++", |_| Token::Inc)]
    #[token("--", |_| Token::Dec)]
    #[token("==", |_| Token::Eql)]
    #[token("<", |_| Token::Lss)]
    #[token(">", |_| Token::Gtr)]
    #[token("=", |_| Token::Assign)]
    #[token("!", |_| Token::Not)]
    #[token("~", |_| Token::Tilde)]
    #[token("!=", |_| Token::Neq)]
    #[token("<=", |_| Token::Leq)]
    #[token(">=", |_| Token::Geq)]
    #[token(":=", |_| Token::Define)]
    #[token("...", |_| Token::Ellipsis)]
    #[token("(", |_| Token::LParen)]
    #[token(")", |_| Token::RParen)]
    #[token("[", |_| Token::LBrack)]
    #[token("]", |_| Token::RBrack)]
    #[token("{", |_| Token::LBrace)]
    #[token("}", |_| Token::RBrace)]
    #[token(",", |_| Token::Comma)]
    #[token(".", |_| Token::Period)]
    #[token(":", |_| Token::Colon)]
    #[token(";", |_| Token::Semi(SemiKind::Explicit))]
    Tok(Token),
}

/// The character at a byte offset (`None` at the end).
fn ch_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Go's `%#U`: `U+0040 '@'`, or just `U+0001` for an unprintable character.
pub(crate) fn go_unicode(c: char) -> String {
    if c.is_control() || c == '\u{feff}' || c.is_whitespace() && c != ' ' {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{}'", c as u32, c)
    }
}

/// Go's `%q` of a rune, for escape errors: `'Z'`, `'"'`, `'\n'`.
fn go_quote(c: char) -> String {
    match c {
        '\n' => "'\\n'".into(),
        '\t' => "'\\t'".into(),
        '\r' => "'\\r'".into(),
        '\'' => "'\\''".into(),
        '\\' => "'\\\\'".into(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

fn block_comment(lex: &mut logos::Lexer<Raw>) -> bool {
    let start = lex.span().start;
    let rest = lex.remainder();
    match rest.find("*/") {
        Some(end) => {
            let nl = rest[..end].contains('\n');
            lex.bump(end + 2);
            nl
        }
        None => {
            lex.extras.error(start, 2, "comment not terminated");
            let nl = rest.contains('\n');
            lex.bump(rest.len());
            nl
        }
    }
}

fn is_letter(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

/// Identifiers and keywords, including Unicode letters; also every other
/// non-ASCII character, which Go's scanner treats as a (bad) identifier
/// character.
fn word(lex: &mut logos::Lexer<Raw>) -> Option<Token> {
    let src = lex.source();
    let start = lex.span().start;
    let mut i = lex.span().end;
    if lex.slice().is_ascii() {
        // ASCII start: logos took the ASCII part; continue below.
    } else {
        // One non-ASCII character.
        let c = ch_at(src, start)?;
        if c == '\u{feff}' {
            if start != 0 {
                lex.extras
                    .error(start, c.len_utf8(), "invalid BOM in the middle of the file");
            }
            return None; // skipped like whitespace
        }
        if !is_letter(c) {
            if is_digit(c) {
                lex.extras.error(
                    start,
                    c.len_utf8(),
                    format!("identifier cannot begin with digit {}", go_unicode(c)),
                );
            } else {
                lex.extras.error(
                    start,
                    c.len_utf8(),
                    format!("invalid character {} in identifier", go_unicode(c)),
                );
            }
        }
    }
    while let Some(c) = ch_at(src, i) {
        if c.is_ascii_alphanumeric() || c == '_' {
            i += 1;
        } else if !c.is_ascii() {
            if c == '\u{feff}' {
                break;
            }
            if !is_letter(c) && !is_digit(c) {
                lex.extras.error(
                    i,
                    c.len_utf8(),
                    format!("invalid character {} in identifier", go_unicode(c)),
                );
            }
            i += c.len_utf8();
        } else {
            break;
        }
    }
    lex.bump(i - lex.span().end);
    let text = &src[start..i];
    Some(Token::keyword(text).unwrap_or_else(|| Token::Ident(text.to_string())))
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

/// Scans digits of `base` (and `_`) from `i`; returns the new index and the
/// digit/separator bits (1: a digit, 2: a `_`). Records the first digit
/// invalid for a base <= 10 in `invalid`.
fn digits(b: &[u8], mut i: usize, base: u32, invalid: &mut Option<usize>) -> (usize, u8) {
    let mut ds = 0;
    if base <= 10 {
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            if b[i] == b'_' {
                ds |= 2;
            } else {
                if u32::from(b[i] - b'0') >= base && invalid.is_none() {
                    *invalid = Some(i);
                }
                ds |= 1;
            }
            i += 1;
        }
    } else {
        while i < b.len() && (b[i].is_ascii_hexdigit() || b[i] == b'_') {
            ds |= if b[i] == b'_' { 2 } else { 1 };
            i += 1;
        }
    }
    (i, ds)
}

/// Index of the first `_` that does not separate successive digits (Go's
/// `invalidSep`).
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1].to_ascii_lowercase();
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || x1 == b'x' && d.is_ascii_hexdigit() {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// Numbers, following Go's scanner: the longest prefix that looks like a
/// number is one token, and its first problem is reported.
fn number(lex: &mut logos::Lexer<Raw>) -> Token {
    let start = lex.span().start;
    let b = &lex.source().as_bytes()[start..];
    let mut errs: Vec<(usize, String)> = Vec::new();
    let mut ok = true;
    let mut kind = 0; // 0 int, 1 float, 2 imaginary
    let mut base = 10;
    let mut prefix = 0u8;
    let mut digsep = 0u8;
    let mut invalid = None;
    let mut i = 0;
    let mut seen_point = b[0] == b'.';
    if seen_point {
        i = 1;
    } else {
        if b[0] == b'0' {
            i = 1;
            match b.get(1).map(u8::to_ascii_lowercase) {
                Some(b'x') => {
                    i = 2;
                    base = 16;
                    prefix = b'x';
                }
                Some(b'o') => {
                    i = 2;
                    base = 8;
                    prefix = b'o';
                }
                Some(b'b') => {
                    i = 2;
                    base = 2;
                    prefix = b'b';
                }
                _ => {
                    base = 8;
                    prefix = b'0';
                    digsep = 1;
                }
            }
        }
        let (j, ds) = digits(b, i, base, &mut invalid);
        i = j;
        digsep |= ds;
        if b.get(i) == Some(&b'.') {
            if prefix == b'o' || prefix == b'b' {
                errs.push((
                    i,
                    format!("invalid radix point in {} literal", base_name(base)),
                ));
                ok = false;
            }
            i += 1;
            seen_point = true;
        }
    }
    if seen_point {
        kind = 1;
        let (j, ds) = digits(b, i, base, &mut invalid);
        i = j;
        digsep |= ds;
    }
    if digsep & 1 == 0 && ok {
        errs.push((i, format!("{} literal has no digits", base_name(base))));
        ok = false;
    }
    let e = b.get(i).map(u8::to_ascii_lowercase);
    if e == Some(b'e') || e == Some(b'p') {
        if ok {
            if e == Some(b'e') && prefix != 0 && prefix != b'0' {
                errs.push((
                    i,
                    format!("'{}' exponent requires decimal mantissa", b[i] as char),
                ));
                ok = false;
            } else if e == Some(b'p') && prefix != b'x' {
                errs.push((
                    i,
                    format!("'{}' exponent requires hexadecimal mantissa", b[i] as char),
                ));
                ok = false;
            }
        }
        i += 1;
        kind = 1;
        if matches!(b.get(i), Some(b'+') | Some(b'-')) {
            i += 1;
        }
        let (j, ds) = digits(b, i, 10, &mut None);
        i = j;
        digsep = ds | (digsep & 2);
        if ds & 1 == 0 && ok {
            errs.push((i, "exponent has no digits".into()));
            ok = false;
        }
    } else if prefix == b'x' && kind == 1 && ok {
        errs.push((i, "hexadecimal mantissa requires a 'p' exponent".into()));
        ok = false;
    }
    if b.get(i) == Some(&b'i') {
        kind = 2;
        i += 1;
    }
    let lit = &b[..i];
    if kind == 0 && ok {
        if let Some(at) = invalid {
            errs.push((
                at,
                format!(
                    "invalid digit '{}' in {} literal",
                    lit[at] as char,
                    base_name(base)
                ),
            ));
            ok = false;
        }
    }
    if digsep & 2 != 0 && ok {
        if let Some(at) = invalid_sep(lit) {
            errs.push((at, "'_' must separate successive digits".into()));
        }
    }
    for (at, msg) in errs {
        lex.extras.error(start + at, 1, msg);
    }
    // The literal is ASCII by construction.
    let text = String::from_utf8_lossy(lit).into_owned();
    lex.bump(i - lex.slice().len());
    match kind {
        0 => Token::Int(text),
        1 => Token::Float(text),
        _ => Token::Imag(text),
    }
}

/// Decodes one escape after a backslash at `i` (which indexes the character
/// after the `\`). Returns the new index and the decoded value: `Ok(byte)`
/// for `\x` and octal escapes, `Err(char)` for the rest; `None` when the
/// escape is bad (an error has been reported) or the input ended.
fn escape(ex: &mut Extras, s: &str, mut i: usize, quote: char) -> (usize, Option<Result<u8, u32>>) {
    let Some(c) = ch_at(s, i) else {
        return (i, None); // the caller complains about the missing quote
    };
    let simple = match c {
        'a' => Some(7),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(10),
        'r' => Some(13),
        't' => Some(9),
        'v' => Some(11),
        '\\' => Some(u32::from('\\')),
        c if c == quote => Some(u32::from(c)),
        _ => None,
    };
    if let Some(v) = simple {
        return (i + 1, Some(Err(v)));
    }
    let (n, base, max): (u32, u32, u32) = match c {
        '0'..='7' => (3, 8, 255),
        'x' => {
            i += 1;
            (2, 16, 255)
        }
        'u' => {
            i += 1;
            (4, 16, 0x10FFFF)
        }
        'U' => {
            i += 1;
            (8, 16, 0x10FFFF)
        }
        _ => {
            // At a line break the span is empty, so it renders at the end of
            // the line rather than across the break.
            let len = if c == '\n' { 0 } else { c.len_utf8() };
            ex.error(i, len, "unknown escape");
            return (i, None);
        }
    };
    let mut x: u32 = 0;
    for _ in 0..n {
        let Some(c) = ch_at(s, i) else {
            return (i, None);
        };
        let d = c.to_digit(16).unwrap_or(base);
        if d >= base {
            ex.error(
                i,
                c.len_utf8(),
                format!(
                    "invalid character {} in {} escape",
                    go_quote(c),
                    base_name(base)
                ),
            );
            return (i, None);
        }
        x = x.wrapping_mul(base).wrapping_add(d);
        i += 1;
    }
    if x > max && base == 8 {
        ex.error(i, 1, format!("octal escape value {x} > 255"));
        return (i, None);
    }
    if x > max || (0xD800..0xE000).contains(&x) {
        ex.error(
            i,
            1,
            format!("escape is invalid Unicode code point U+{x:04X}"),
        );
        return (i, None);
    }
    if c == 'u' || c == 'U' {
        (i, Some(Err(x)))
    } else {
        (i, Some(Ok(x as u8)))
    }
}

fn push_char(out: &mut Vec<u8>, v: u32) {
    let c = char::from_u32(v).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

fn string(lex: &mut logos::Lexer<Raw>) -> Token {
    let src = lex.source();
    let start = lex.span().start;
    let mut i = start + 1;
    let mut out = Vec::new();
    loop {
        let Some(c) = ch_at(src, i) else {
            lex.extras.error(start, 1, "string not terminated");
            break;
        };
        match c {
            '"' => {
                i += 1;
                break;
            }
            '\\' => {
                let (j, v) = escape(&mut lex.extras, src, i + 1, '"');
                i = j;
                match v {
                    Some(Ok(b)) => out.push(b),
                    Some(Err(ch)) => push_char(&mut out, ch),
                    None => {}
                }
            }
            '\n' => {
                lex.extras.error(i, 0, "newline in string");
                break;
            }
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                i += c.len_utf8();
            }
        }
    }
    lex.bump(i - lex.span().end);
    Token::Str(out)
}

fn raw_string(lex: &mut logos::Lexer<Raw>) -> Token {
    let start = lex.span().start;
    let rest = lex.remainder();
    let (body, len) = match rest.find('`') {
        Some(end) => (&rest[..end], end + 1),
        None => {
            lex.extras.error(start, 1, "string not terminated");
            (rest, rest.len())
        }
    };
    // Go drops carriage returns from raw strings.
    let out: Vec<u8> = body.bytes().filter(|&b| b != b'\r').collect();
    lex.bump(len);
    Token::Str(out)
}

fn rune(lex: &mut logos::Lexer<Raw>) -> Token {
    let src = lex.source();
    let start = lex.span().start;
    let mut i = start + 1;
    let mut ok = true;
    let mut n = 0;
    let mut value = 0u32;
    loop {
        let Some(c) = ch_at(src, i) else {
            if ok {
                lex.extras.error(start, 1, "rune literal not terminated");
            }
            break;
        };
        match c {
            '\'' => {
                if ok {
                    if n == 0 {
                        lex.extras.error(i, 1, "empty rune literal or unescaped '");
                    } else if n != 1 {
                        lex.extras.error(
                            start,
                            i + 1 - start,
                            "more than one character in rune literal",
                        );
                    }
                }
                i += 1;
                break;
            }
            '\\' => {
                let (j, v) = escape(&mut lex.extras, src, i + 1, '\'');
                i = j;
                match v {
                    Some(Ok(b)) => value = u32::from(b),
                    Some(Err(ch)) => value = ch,
                    None => ok = false,
                }
            }
            '\n' => {
                if ok {
                    lex.extras.error(i, 0, "newline in rune literal");
                }
                break;
            }
            c => {
                if n == 0 {
                    value = u32::from(c);
                }
                i += c.len_utf8();
            }
        }
        n += 1;
    }
    lex.bump(i - lex.span().end);
    Token::Rune(value)
}

/// Go's largest line or column a line directive may set (`syntax.PosMax`).
const POS_MAX: u64 = 1 << 30;

/// What a line directive sets: the file it names (`""` when it names
/// none), the line, and the column (0 when it gives none: the column is
/// then unknown, as Go's position model has it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineDirective<'s> {
    /// Local offset of the first byte the directive places: the start of
    /// the next line after `//line`, the byte after the `*/` of `/*line`.
    pub(crate) at: usize,
    pub(crate) file: &'s str,
    pub(crate) line: u32,
    pub(crate) col: u32,
}

/// The comment at `span` of `src` as a line directive (Go's
/// `cmd/compile` "Line directives"): `//line file:line[:col]` at the start
/// of a line (column 1, no indentation) or `/*line file:line[:col]*/`
/// anywhere. `None` when the comment is none (no `line ` prefix, or no
/// `:` in its text); `Err((local offset, length, message))` when its line or
/// column is no number in 1..=2^30, worded and placed as Go's parser
/// (`updateBase`) reports it. The text is read from the back, as Go
/// reads it: a file name may hold colons (`c:/foo/bar.go:987`) and
/// blanks. The hot path is one comparison per comment.
pub(crate) fn line_directive(
    src: &str,
    span: std::ops::Range<usize>,
) -> Option<Result<LineDirective<'_>, (usize, usize, String)>> {
    let b = src.as_bytes();
    let c = &b[span.clone()];
    if c.len() < 7 || &c[2..7] != b"line " {
        return None;
    }
    let line_comment = c[1] == b'/';
    let (text, at) = if line_comment {
        if span.start > 0 && b[span.start - 1] != b'\n' {
            return None; // `//line` must start its line
        }
        let end = if c.last() == Some(&b'\r') {
            span.end - 1
        } else {
            span.end
        };
        (&src[span.start + 7..end], span.end + 1)
    } else {
        if !c.ends_with(b"*/") || c.len() < 9 {
            return None; // unterminated: the lexer has said so
        }
        (&src[span.start + 7..span.end - 2], span.end)
    };
    let tpos = span.start + 7;
    let bad =
        |at: usize, what: &str, num: &str| (at, num.len(), format!("invalid {what} number: {num}"));
    // Go's `trailingDigits`: the index after the last colon, and the
    // number after it when it is one.
    let trailing = |t: &str| -> Option<(usize, Option<u64>)> {
        let i = t.rfind(':')? + 1;
        let digits = &t[i..];
        let ok = !digits.is_empty() && digits.bytes().all(|d| d.is_ascii_digit());
        Some((i, digits.parse::<u64>().ok().filter(|_| ok)))
    };
    let (i, n) = trailing(text)?;
    let Some(n) = n else {
        return Some(Err(bad(tpos + i, "line", &text[i..])));
    };
    let (i, line, col, rest) = match trailing(&text[..i - 1]) {
        Some((i2, Some(n2))) => {
            if n == 0 || n > POS_MAX {
                return Some(Err(bad(tpos + i, "column", &text[i..])));
            }
            (i2, n2, n, &text[..i - 1])
        }
        _ => (i, n, 0, text),
    };
    if line == 0 || line > POS_MAX {
        return Some(Err(bad(tpos + i, "line", &rest[i..])));
    }
    Some(Ok(LineDirective {
        at,
        file: &text[..i - 1],
        line: line as u32,
        col: col as u32,
    }))
}

/// Every line directive of `src`, in order; the invalid ones (which the
/// lexer reports) are left out. Only a file whose text holds `//line ` or
/// `/*line ` is lexed for them (its comments are found by the lexer
/// itself, so a directive-like text in a string is none): the position
/// layer asks once per file, and almost every file answers at the first,
/// byte-searching step.
pub(crate) fn line_directives(src: &str) -> Vec<LineDirective<'_>> {
    // `str::contains` takes the vectorised search; `match_indices`
    // would not, and the standard packages' text passes through here.
    if !src.contains("//line ") && !src.contains("/*line ") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut lexer = Raw::lexer_with_extras(src, Extras::default());
    while let Some(res) = lexer.next() {
        if let Ok(Raw::LineComment | Raw::BlockComment(_)) = res {
            if let Some(Ok(d)) = line_directive(src, lexer.span()) {
                out.push(d);
            }
        }
    }
    out
}

/// The offset in `src` of the first token at or after `from` (a token
/// boundary), past blanks, newlines and comments; `src.len()` when none
/// is left.
pub(crate) fn next_token_start(src: &str, from: usize) -> usize {
    let Some(rest) = src.get(from..) else {
        return from.min(src.len());
    };
    let mut lexer = Raw::lexer_with_extras(rest, Extras::default());
    while let Some(res) = lexer.next() {
        if !matches!(
            res,
            Ok(Raw::Newline | Raw::LineComment | Raw::BlockComment(_))
        ) {
            return from + lexer.span().start;
        }
    }
    src.len()
}

/// Tracks bracket nesting and operator chains for the depth cap.
struct Depth {
    /// Operators since the last separator, one counter per open bracket
    /// (plus the outermost level).
    chains: Vec<usize>,
    /// Sum of `chains`.
    total: usize,
    exceeded: bool,
}

impl Depth {
    fn new() -> Depth {
        Depth {
            chains: vec![0],
            total: 0,
            exceeded: false,
        }
    }

    /// Accounts for one token; `Err(message)` once a limit is crossed.
    /// `label` says a `:` ends a label (`L:` at a statement start): labels
    /// nest statements without brackets, so they count as a chain.
    fn step(&mut self, tok: &Token, label: bool) -> Result<(), String> {
        use Token::*;
        match tok {
            LParen | LBrack | LBrace => {
                self.bump_chain();
                self.chains.push(0);
                if self.chains.len() > MAX_BRACKET_DEPTH + 1 {
                    return Err(format!(
                        "syntax error: brackets nested too deeply (more than {MAX_BRACKET_DEPTH})"
                    ));
                }
            }
            RParen | RBrack | RBrace if self.chains.len() > 1 => {
                let c = self.chains.pop().unwrap_or(0);
                self.total -= c;
            }
            Colon if label => self.bump_chain(),
            Comma | Semi(_) | Colon => {
                if let Some(c) = self.chains.last_mut() {
                    self.total -= *c;
                    *c = 0;
                }
            }
            Add | Sub | Star | Quo | Rem | Amp | Or | Caret | Shl | Shr | AndNot | LAnd | LOr
            | Eql | Neq | Lss | Leq | Gtr | Geq | Arrow | Not | Period | Chan | Map | Func => {
                self.bump_chain()
            }
            _ => {}
        }
        if self.total > MAX_CHAIN {
            return Err(format!(
                "syntax error: expression nested too deeply (more than {MAX_CHAIN} chained operators)"
            ));
        }
        Ok(())
    }

    fn bump_chain(&mut self) {
        if let Some(c) = self.chains.last_mut() {
            *c += 1;
            self.total += 1;
        }
    }
}

/// Finds the bodies of top-level function declarations as tokens go by,
/// so that a standard file's bodies can be skipped ([`skip_body`]). A
/// declaration's body is the first `{` after its `func` that is outside
/// the signature's brackets and does not follow `struct` or `interface`
/// (the only type literals with braces, whose braces it counts); a `;`
/// outside brackets first means the declaration has no body. Generic
/// functions and methods of generic types are not skipped: the checker
/// copies their declarations to instantiate them.
#[derive(Default)]
struct BodyFinder {
    /// Inside a top-level declaration's signature.
    active: bool,
    /// The next token is the first after `func`.
    first: bool,
    /// The declaration has a receiver (its first token is `(`).
    recv: bool,
    /// Type parameters, or a receiver with type arguments.
    generic: bool,
    /// `(` and `[` open in the signature.
    parens: usize,
    /// `{` open in the signature (of `struct {` and `interface {`).
    braces: usize,
    /// Parenthesised groups begun outside brackets (receiver, parameters).
    groups: usize,
    /// The previous token was `struct` or `interface`.
    type_lit: bool,
}

impl BodyFinder {
    /// Accounts for one token; true when it is the `{` of a body to skip.
    fn step(&mut self, tok: &Token) -> bool {
        if matches!(tok, Token::FuncDecl) {
            *self = BodyFinder {
                active: true,
                first: true,
                ..BodyFinder::default()
            };
            return false;
        }
        if !self.active {
            return false;
        }
        let first = std::mem::take(&mut self.first);
        let type_lit = std::mem::take(&mut self.type_lit);
        let outside = self.parens == 0 && self.braces == 0;
        match tok {
            Token::LParen => {
                if outside {
                    self.groups += 1;
                    self.recv |= first;
                }
                self.parens += 1;
            }
            Token::LBrack => {
                // `[` right after the name, or inside the receiver.
                let after_name = outside && self.groups == usize::from(self.recv);
                let in_recv = self.recv && self.groups == 1 && self.parens > 0;
                self.generic |= after_name || in_recv;
                self.parens += 1;
            }
            Token::RParen | Token::RBrack => self.parens = self.parens.saturating_sub(1),
            Token::Struct | Token::Interface => self.type_lit = true,
            Token::LBrace if outside && !type_lit => {
                self.active = false;
                return !self.generic;
            }
            Token::LBrace => self.braces += 1,
            Token::RBrace => self.braces = self.braces.saturating_sub(1),
            Token::Semi(_) if outside => self.active = false,
            _ => {}
        }
        false
    }
}

/// The end (one past the `}`) of the block whose `{` is at byte `open` of
/// `src`, found by counting braces outside comments and string and rune
/// literals; `None` when the text ends first or a literal is malformed
/// (the caller then lexes the body, which reports the error). A scan of
/// bytes, several times cheaper than lexing them: the bodies of a
/// standard package that a program never reaches are never lexed.
pub(crate) fn skip_body(src: &str, open: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            q @ (b'"' | b'\'') => {
                // An interpreted string or a rune: up to the closing
                // quote, past escapes; a newline first is an error.
                i += 1;
                loop {
                    match *b.get(i)? {
                        b'\\' => i += 2,
                        b'\n' => return None,
                        c if c == q => break,
                        _ => i += 1,
                    }
                }
            }
            b'`' => i += 1 + b[i + 1..].iter().position(|&c| c == b'`')?,
            b'/' if b.get(i + 1) == Some(&b'/') => match b[i..].iter().position(|&c| c == b'\n') {
                Some(n) => i += n,
                None => return None,
            },
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2 + src[i + 2..].find("*/")? + 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Lexes `src`, whose first byte has global offset `base`. Returns the tokens
/// with global `(lo, token, hi)` offsets, semicolons inserted, and every
/// lexical error. When nesting exceeds the caps, the error is reported and
/// the tokens stop there (the parser refuses such a file).
pub fn lex(src: &str, base: u32) -> (Vec<(u32, Token, u32)>, Vec<Diagnostic>) {
    let (toks, diags, _) = lex_checked(src, base, true, false);
    (toks, diags)
}

/// [`lex`], also saying whether the nesting cap cut the stream short.
/// With `decl_funcs` false, no `func` becomes [`Token::FuncDecl`] (for
/// parsing a lone expression). With `lazy_bodies`, the body of each
/// non-generic top-level function declaration becomes one
/// [`Token::LazyBody`] (see [`BodyFinder`]), its text not lexed.
pub(crate) fn lex_checked(
    src: &str,
    base: u32,
    decl_funcs: bool,
    lazy_bodies: bool,
) -> (Vec<(u32, Token, u32)>, Vec<Diagnostic>, bool) {
    // Offsets are u32; a longer file cannot be addressed (the source map
    // refuses it too).
    if src.len() > (u32::MAX - base) as usize {
        let d = Diagnostic::error(Span::new(base, base), "source file too large");
        return (Vec::new(), vec![d], true);
    }
    let mut lexer = Raw::lexer_with_extras(
        src,
        Extras {
            base,
            diags: Vec::new(),
        },
    );
    let mut out: Vec<(u32, Token, u32)> = Vec::with_capacity(src.len() / 4);
    let mut depth = Depth::new();
    let mut brace_depth: usize = 0;
    let g = |x: usize| base + x as u32;
    // Whether the previous significant token starts a statement position
    // (for telling a declaration's `func` apart).
    let mut at_stmt_start = true;
    let mut truncated = false;
    let mut bodies = BodyFinder::default();
    while let Some(res) = lexer.next() {
        let span = lexer.span();
        // Go's source reader rejects a BOM past the file's start wherever
        // it is, in comments and literals too (as a token, `word` does).
        if matches!(
            res,
            Ok(Raw::LineComment | Raw::BlockComment(_) | Raw::Tok(Token::Str(_) | Token::Rune(_)))
        ) {
            if let Some(text) = src.get(span.clone()) {
                for (i, _) in text.match_indices('\u{feff}') {
                    let at = span.start + i;
                    if at != 0 {
                        lexer
                            .extras
                            .error(at, 3, "invalid BOM in the middle of the file");
                    }
                }
            }
        }
        let tok = match res {
            Ok(Raw::Tok(t)) => t,
            Ok(Raw::Newline) | Ok(Raw::BlockComment(true)) => {
                if res == Ok(Raw::BlockComment(true)) {
                    directive_error(&mut lexer, src);
                }
                if out.last().is_some_and(|(_, t, _)| t.ends_statement()) {
                    out.push((
                        g(span.start),
                        Token::Semi(SemiKind::Newline),
                        g(span.start + 1),
                    ));
                    at_stmt_start = true;
                    let _ = depth.step(&Token::Semi(SemiKind::Newline), false);
                    bodies.step(&Token::Semi(SemiKind::Newline));
                }
                continue;
            }
            Ok(Raw::LineComment) | Ok(Raw::BlockComment(false)) => {
                directive_error(&mut lexer, src);
                continue;
            }
            Err(()) => {
                // `word` returns None for a skipped BOM; logos reports that
                // as an error too, with an already-recorded diagnostic.
                if let Some(c) = ch_at(src, span.start) {
                    if c == '\u{feff}' {
                        continue;
                    }
                    let msg = if c == '\0' {
                        "invalid NUL character".to_string()
                    } else {
                        format!("invalid character {}", go_unicode(c))
                    };
                    lexer.extras.error(span.start, c.len_utf8(), msg);
                }
                continue;
            }
        };
        let tok = match tok {
            Token::Func if decl_funcs && at_stmt_start && brace_depth == 0 => Token::FuncDecl,
            t => t,
        };
        if lazy_bodies && bodies.step(&tok) {
            if let Some(end) = skip_body(src, span.start) {
                lexer.bump(end - span.end);
                out.push((g(span.start), Token::LazyBody, g(end)));
                at_stmt_start = false;
                continue;
            }
        }
        match tok {
            Token::LBrace => brace_depth += 1,
            Token::RBrace => brace_depth = brace_depth.saturating_sub(1),
            _ => {}
        }
        at_stmt_start = matches!(tok, Token::Semi(_));
        let n = out.len();
        let label = matches!(tok, Token::Colon)
            && n >= 1
            && matches!(out[n - 1].1, Token::Ident(_))
            && (n == 1
                || matches!(
                    out[n - 2].1,
                    Token::Semi(_) | Token::LBrace | Token::Colon | Token::RBrace
                ));
        if let Err(msg) = depth.step(&tok, label) {
            if !depth.exceeded {
                depth.exceeded = true;
                lexer.extras.error(span.start, span.len(), msg);
            }
            truncated = true;
            break;
        }
        out.push((g(span.start), tok, g(span.end)));
    }
    if !truncated && out.last().is_some_and(|(_, t, _)| t.ends_statement()) {
        out.push((g(src.len()), Token::Semi(SemiKind::Eof), g(src.len())));
    }
    let mut diags = lexer.extras.diags;
    diags.sort_by_key(|d| d.primary.span.lo);
    (out, diags, truncated)
}

/// Reports the comment just lexed when it is a malformed line directive
/// (where the directive is valid, the position layer reads it:
/// [`line_directives`]).
#[inline]
fn directive_error(lexer: &mut logos::Lexer<Raw>, src: &str) {
    if let Some(Err((at, len, msg))) = line_directive(src, lexer.span()) {
        lexer.extras.error(at, len, msg);
    }
}

/// For scripts, whose top level holds statements too: a top-level
/// `func (` starts a method declaration only if the matching
/// `)` is followed by a name and `(` (or `[`): `func (r T) M(`. Otherwise it
/// is a function literal starting a script statement (`func() { ... }()`),
/// and its token goes back to [`Token::Func`].
pub(crate) fn unmark_func_literals(toks: &mut [(u32, Token, u32)]) {
    for i in 0..toks.len() {
        if toks[i].1 != Token::FuncDecl || toks.get(i + 1).map(|t| &t.1) != Some(&Token::LParen) {
            continue;
        }
        let mut depth = 0usize;
        let mut close = None;
        for (j, t) in toks.iter().enumerate().skip(i + 1) {
            match t.1 {
                Token::LParen => depth += 1,
                Token::RParen => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let method = close.is_some_and(|j| {
            matches!(toks.get(j + 1).map(|t| &t.1), Some(Token::Ident(_)))
                && matches!(
                    toks.get(j + 2).map(|t| &t.1),
                    Some(Token::LParen | Token::LBrack)
                )
        });
        if !method {
            toks[i].1 = Token::Func;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Token> {
        let (t, d) = lex(src, 0);
        assert!(d.is_empty(), "unexpected diagnostics for {src:?}: {d:?}");
        t.into_iter().map(|(_, t, _)| t).collect()
    }

    #[test]
    fn semicolons_inserted() {
        use Token::*;
        assert_eq!(
            toks("x\ny++\n}\n"),
            vec![
                Ident("x".into()),
                Semi(SemiKind::Newline),
                Ident("y".into()),
                Inc,
                Semi(SemiKind::Newline),
                RBrace,
                Semi(SemiKind::Newline)
            ]
        );
        assert_eq!(toks("x /* a\n b */ y"), toks("x\ny"));
        assert_eq!(toks("return // c"), vec![Return, Semi(SemiKind::Eof)]);
    }

    #[test]
    fn skip_body_matches_braces_outside_literals() {
        fn end(s: &str) -> Option<&str> {
            skip_body(s, 0).map(|e| &s[..e])
        }
        assert_eq!(end("{ a { b } c } d"), Some("{ a { b } c }"));
        let tricky = "{ \"}\\\"}\" '}' '\\'' `}\n}` /* } */ // }\n}x";
        assert_eq!(end(tricky), Some(&tricky[..tricky.len() - 1]));
        assert_eq!(end("{ \"}\n\" }"), None); // newline in a string
        assert_eq!(end("{ /* } "), None);
        assert_eq!(end("{ { }"), None);
    }

    #[test]
    fn lazy_bodies_skip_only_declaration_bodies() {
        let src = "package p\nfunc F(x struct{ a int }) interface{ M() } { if x {} }\n\
                   func N() int\nvar v = func() {}\nfunc G[T any]() {}\n\
                   func (l L[T]) M() {}\nfunc (s S) M() [2]int { return }\n";
        let (t, d, _) = lex_checked(src, 0, true, true);
        assert!(d.is_empty());
        let lazy: Vec<&str> = t
            .iter()
            .filter(|(_, t, _)| *t == Token::LazyBody)
            .map(|&(lo, _, hi)| &src[lo as usize..hi as usize])
            .collect();
        assert_eq!(lazy, ["{ if x {} }", "{ return }"]);
        // The body ends a statement as its `}` would.
        let i = t
            .iter()
            .position(|(_, t, _)| *t == Token::LazyBody)
            .unwrap();
        assert_eq!(t[i + 1].1, Token::Semi(SemiKind::Newline));
    }

    #[test]
    fn line_directives_read_as_go_reads_them() {
        type Read<'s> = Option<Result<(&'s str, u32, u32, usize), (usize, usize, String)>>;
        fn d(src: &str) -> Read<'_> {
            line_directive(src, 0..src.len()).map(|r| r.map(|d| (d.file, d.line, d.col, d.at)))
        }
        assert_eq!(d("//line a.go:5"), Some(Ok(("a.go", 5, 0, 14))));
        assert_eq!(
            d("//line c:/x:y.go:5:7\r"),
            Some(Ok(("c:/x:y.go", 5, 7, 22)))
        );
        assert_eq!(d("/*line :9:2*/"), Some(Ok(("", 9, 2, 13))));
        assert_eq!(d("//line a.go"), None); // no colon: no directive
        assert_eq!(d("//linea.go:5"), None);
        assert_eq!(d("// line a.go:5"), None);
        let err = |src: &str| match d(src) {
            Some(Err((at, _, msg))) => (at, msg),
            other => panic!("{src}: {other:?}"),
        };
        assert_eq!(err("//line a.go:x"), (12, "invalid line number: x".into()));
        assert_eq!(err("//line a.go:0"), (12, "invalid line number: 0".into()));
        assert_eq!(
            err("//line a.go:5:0"),
            (14, "invalid column number: 0".into())
        );
        assert_eq!(
            err("//line a.go:+5"),
            (12, "invalid line number: +5".into())
        );
        assert_eq!(
            err("//line a.go:1073741825"),
            (12, "invalid line number: 1073741825".into())
        );
        assert!(matches!(d("//line a.go:1073741824"), Some(Ok(_))));
        // //line must start its line; the lexer reports a bad one.
        let src = "x\n //line a.go:x\n//line b.go:y\n";
        let (_, diags) = lex(src, 0);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].message, "invalid line number: y");
        assert_eq!(line_directives("s := \"//line a.go:1\"\n"), vec![]);
    }

    #[test]
    fn func_decl_marked() {
        let t = toks("func f() { g := func() {} }");
        assert_eq!(t[0], Token::FuncDecl);
        assert!(t[1..].iter().all(|t| *t != Token::FuncDecl));
    }
}
