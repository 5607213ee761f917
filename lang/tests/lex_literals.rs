//! Lexer tests: every literal form, semicolon insertion, and every lexical
//! error with Go's wording and Go's position (checked against `go build`).

use gol_lang::lexer::lex;
use gol_lang::token::{SemiKind, Token};

fn toks(src: &str) -> Vec<Token> {
    let (t, d) = lex(src, 0);
    assert!(d.is_empty(), "unexpected diagnostics for {src:?}: {d:?}");
    t.into_iter().map(|(_, t, _)| t).collect()
}

fn one(src: &str) -> Token {
    let t = toks(src);
    assert_eq!(t.len(), 2, "{src:?} gave {t:?}");
    assert_eq!(t[1], Token::Semi(SemiKind::Eof));
    t[0].clone()
}

/// Errors as `line:col: message`, Go's one-line form.
fn errs(src: &str) -> Vec<String> {
    let (_, d) = lex(src, 0);
    d.iter()
        .map(|d| {
            let off = d.primary.span.lo as usize;
            let line = src[..off].matches('\n').count() + 1;
            let col = off - src[..off].rfind('\n').map_or(0, |i| i + 1) + 1;
            format!("{line}:{col}: {}", d.message)
        })
        .collect()
}

#[test]
fn integers() {
    for s in [
        "0",
        "42",
        "1_000_000",
        "0x1F",
        "0X_1f",
        "0o17",
        "0O17",
        "017",
        "0b1010",
        "0B_1",
        "00",
        "0_7",
    ] {
        assert_eq!(one(s), Token::Int(s.into()), "{s}");
    }
}

#[test]
fn floats() {
    for s in [
        "1.5", "1.", ".5", "1e9", "1E+9", "1.5e-3", "0x1p-2", "0X1.8P+1", "0x.8p0", "1_0.0_1",
        "09.5", "0e0", "0x_1p1",
    ] {
        assert_eq!(one(s), Token::Float(s.into()), "{s}");
    }
}

#[test]
fn imaginary() {
    for s in ["1i", "1.5i", "0x1p2i", "0b1i", "017i"] {
        assert_eq!(one(s), Token::Imag(s.into()), "{s}");
    }
}

#[test]
fn runes() {
    let cases: &[(&str, u32)] = &[
        ("'a'", 'a' as u32),
        ("'é'", 'é' as u32),
        ("'\\a'", 7),
        ("'\\b'", 8),
        ("'\\f'", 12),
        ("'\\n'", 10),
        ("'\\r'", 13),
        ("'\\t'", 9),
        ("'\\v'", 11),
        ("'\\\\'", '\\' as u32),
        ("'\\''", '\'' as u32),
        ("'\\000'", 0),
        ("'\\377'", 255),
        ("'\\xff'", 255),
        ("'\\u12e4'", 0x12e4),
        ("'\\U00101234'", 0x101234),
    ];
    for (s, v) in cases {
        assert_eq!(one(s), Token::Rune(*v), "{s}");
    }
}

#[test]
fn strings() {
    let cases: &[(&str, &[u8])] = &[
        ("\"\"", b""),
        ("\"abc\"", b"abc"),
        (
            "\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"",
            b"\x07\x08\x0c\n\r\t\x0b\\\"",
        ),
        ("\"\\xff\\000\\101\"", b"\xff\x00A"),
        ("\"\\u00e9\\U0001F600\"", "é😀".as_bytes()),
        ("\"日本\"", "日本".as_bytes()),
        ("`a\\n\"b`", b"a\\n\"b"),
        ("`a\r\nb\r`", b"a\nb"),
        ("`\n`", b"\n"),
    ];
    for (s, v) in cases {
        assert_eq!(one(s), Token::Str(v.to_vec()), "{s}");
    }
}

#[test]
fn identifiers_and_keywords() {
    assert_eq!(one("αβ_1"), Token::Ident("αβ_1".into()));
    assert_eq!(one("_"), Token::Ident("_".into()));
    assert_eq!(toks("break")[0], Token::Break);
    assert_eq!(toks("funcs")[0], Token::Ident("funcs".into()));
    assert_eq!(toks("x.y")[1], Token::Period);
    assert_eq!(toks("a...")[1], Token::Ellipsis);
}

#[test]
fn operators() {
    use gol_lang::ast::BinaryOp;
    let t = toks("+ - * / % & | ^ << >> &^ += &^= <<= && || <- ++ -- == != < <= > >= = := ! ~ ... ( ) [ ] { } , ; . :");
    assert_eq!(t[11], Token::AssignOp(BinaryOp::Add));
    assert_eq!(t[12], Token::AssignOp(BinaryOp::AndNot));
    assert_eq!(t[13], Token::AssignOp(BinaryOp::Shl));
    assert_eq!(t[16], Token::Arrow);
    assert_eq!(t[26], Token::Define);
    assert_eq!(t[29], Token::Ellipsis);
    assert_eq!(t[37], Token::Semi(SemiKind::Explicit));
    assert_eq!(t.len(), 40);
}

#[test]
fn semicolon_insertion() {
    use Token::*;
    let nl = Semi(SemiKind::Newline);
    // After each kind of statement-ending token.
    for s in [
        "x",
        "1",
        "1.5",
        "1i",
        "'a'",
        "\"s\"",
        "break",
        "continue",
        "fallthrough",
        "return",
        "x++",
        "x--",
        "f()",
        "a[1]",
        "{}",
    ] {
        let t = toks(&format!("{s}\n"));
        assert_eq!(t.last(), Some(&nl), "{s}");
    }
    // Not after operators, commas or opening brackets.
    for s in ["x +", "f(", "a,", "{", "x ="] {
        let t = toks(&format!("{s}\n"));
        assert!(!t.contains(&nl), "{s}");
    }
    // A block comment with a newline counts as a newline; one without does not.
    assert_eq!(
        toks("x/*\n*/y"),
        vec![
            Ident("x".into()),
            nl.clone(),
            Ident("y".into()),
            Semi(SemiKind::Eof)
        ]
    );
    assert_eq!(toks("x/**/y").len(), 3);
    // End of file.
    assert_eq!(toks("x // c"), vec![Ident("x".into()), Semi(SemiKind::Eof)]);
    assert_eq!(toks("x +"), vec![Ident("x".into()), Add]);
}

#[test]
fn global_offsets() {
    let (t, _) = lex("ab  cd", 100);
    assert_eq!((t[0].0, t[0].2), (100, 102));
    assert_eq!((t[1].0, t[1].2), (104, 106));
    let (_, d) = lex("x @", 50);
    assert_eq!(d[0].primary.span.lo, 52);
}

#[test]
fn lexical_errors_match_go() {
    // Expected outputs copied from `go build` (Go 1.27), line 2 of
    // `package main\n<line>`, so columns are shifted onto line 1 here.
    let cases: &[(&str, &str)] = &[
        ("x := 1 @ 2", "1:8: invalid character U+0040 '@'"),
        ("var s = \"abc\n", "1:13: newline in string"),
        ("var s = \"abc", "1:9: string not terminated"),
        ("var s = `abc", "1:9: string not terminated"),
        (
            "var r = 'ab'",
            "1:9: more than one character in rune literal",
        ),
        ("var r = ''", "1:10: empty rune literal or unescaped '"),
        ("var r = 'a\n", "1:11: newline in rune literal"),
        ("var r = 'a", "1:9: rune literal not terminated"),
        ("var s = \"\\q\"", "1:11: unknown escape"),
        ("var x = 0o78", "1:12: invalid digit '8' in octal literal"),
        ("var x = 078", "1:11: invalid digit '8' in octal literal"),
        ("var x = 09", "1:10: invalid digit '9' in octal literal"),
        ("var x = 0b102", "1:13: invalid digit '2' in binary literal"),
        ("var x = 1__0", "1:11: '_' must separate successive digits"),
        (
            "var x = 0x_1 + 1_",
            "1:17: '_' must separate successive digits",
        ),
        ("var x = 0_x1", "1:10: '_' must separate successive digits"),
        ("var x = 1e+\n", "1:12: exponent has no digits"),
        (
            "var x = 0x1.8\n",
            "1:14: hexadecimal mantissa requires a 'p' exponent",
        ),
        ("var x = 0x\n", "1:11: hexadecimal literal has no digits"),
        (
            "var x = 0b1.0",
            "1:12: invalid radix point in binary literal",
        ),
        (
            "var x = 0o1p1",
            "1:12: 'p' exponent requires hexadecimal mantissa",
        ),
        (
            "var x = 0b1e5",
            "1:12: 'e' exponent requires decimal mantissa",
        ),
        (
            "var s = \"\\uD800\"",
            "1:16: escape is invalid Unicode code point U+D800",
        ),
        (
            "var s = \"\\U00110000\"",
            "1:20: escape is invalid Unicode code point U+110000",
        ),
        ("var s = \"\\400\"", "1:14: octal escape value 256 > 255"),
        (
            "var s = \"\\xZ1\"",
            "1:12: invalid character 'Z' in hexadecimal escape",
        ),
        (
            "var s = \"\\u12\"",
            "1:14: invalid character '\"' in hexadecimal escape",
        ),
        ("/* abc", "1:1: comment not terminated"),
        (
            "var x = 1\u{feff}",
            "1:10: invalid BOM in the middle of the file",
        ),
        (
            "var x = ☺",
            "1:9: invalid character U+263A '☺' in identifier",
        ),
        ("var x = 1\0", "1:10: invalid NUL character"),
        ("x $", "1:3: invalid character U+0024 '$'"),
        (
            "x := \u{663}x",
            "1:6: identifier cannot begin with digit U+0663 '\u{663}'",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(errs(src), vec![want.to_string()], "source {src:?}");
    }
}

#[test]
fn unknown_escape_then_newline() {
    // Go reports both.
    assert_eq!(
        errs("var s = \"a\\\n\""),
        vec![
            "1:12: unknown escape",
            "1:12: newline in string",
            "2:1: string not terminated"
        ]
    );
}

#[test]
fn leading_bom_is_ignored() {
    assert_eq!(
        toks("\u{feff}x"),
        vec![Token::Ident("x".into()), Token::Semi(SemiKind::Eof)]
    );
}

#[test]
fn bad_literals_still_yield_tokens() {
    let (t, d) = lex("x := 0x\ny := \"abc\n", 0);
    assert_eq!(d.len(), 2);
    let kinds: Vec<_> = t.iter().map(|(_, t, _)| t.clone()).collect();
    assert!(kinds.contains(&Token::Int("0x".into())));
    assert!(kinds.contains(&Token::Str(b"abc".to_vec())));
}

#[test]
fn nesting_cap() {
    let deep = "(".repeat(5000);
    let (_, d) = lex(&deep, 0);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains("nested too deeply"),
        "{}",
        d[0].message
    );
    let chain = "- ".repeat(20000) + "x";
    let (_, d) = lex(&chain, 0);
    assert!(d[0].message.contains("nested too deeply"));
    // Long flat lists are fine.
    let flat = "f(".to_string() + &"1, ".repeat(50000) + ")";
    assert!(lex(&flat, 0).1.is_empty());
}
