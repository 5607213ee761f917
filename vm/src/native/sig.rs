//! The Go signature a native states beside its code, checked once at load
//! against the declaration the program was compiled against.
//!
//! # Why a statement at all
//! A native's parameter table ([`super::Param`]) is built from its Go
//! declaration in `stdlib/go`, and the typed accessors of `NativeCtx`
//! check every read against it. But an accessor check fires only on the
//! path that runs it: a native whose Rust code and Go declaration disagree
//! is found when, and only if, a program reaches that read. So each native
//! also states, in Rust next to its implementation, the Go signature its
//! code was written for; loading a program compares that statement with
//! the declaration of every native the program uses, and a difference
//! refuses the program with a message naming the native, the parameter
//! and both types. A test of the standard library loads every native of
//! every table the same way, so a declaration edited in `stdlib/go`
//! without its native (or the reverse) fails CI rather than a user's run.
//!
//! # Why Go's spelling
//! The statement is the declaration's own text minus the function's name
//! (`func(s, substr string) int`; a method as its method expression,
//! receiver first: `func(m *Mutex)`). Rejected alternatives:
//! * Parameter kinds in Rust (`&[Str, Str] -> &[Int]`): cheaper to
//!   compare, but blind to what decides a native's words beyond the kind:
//!   a named type's layout (`time.Time` versus `time.Duration`), a slice's
//!   element type (`[]byte` versus `[]string`), an interface with methods
//!   versus `any`. Kinds also cannot be compared with the declaration by
//!   eye; the Go text can, character for character.
//! * A Rust type per parameter with generated glue (`fn count(s: &[u8],
//!   substr: &[u8]) -> i64`): it would tie reads to the statement at
//!   compile time, but fmt, sort, scan and the atomics read values by
//!   their runtime type, which no Rust type expresses; one mechanism for
//!   every native was preferred, with the accessor checks kept as the
//!   second line.
//!
//! # Comparing
//! Types are compared as token sequences in the form the code generator
//! names runtime types (Go's reflect names): on the stated side, `byte`
//! and `rune` become `uint8` and `int32`, `any` becomes `interface {}`,
//! and a non-predeclared name is qualified with the native's package
//! (`Duration` in package time is `time.Duration`); the declared side is
//! already in that form. Parameter names are kept only for messages.
//! Write nested func types without parameter names (`func(int32) bool`),
//! as reflect does. Variadic parameters compare as their slice type plus
//! the declaration's variadic flag.

use gol_lang::bytecode::{NativeDecl, Program, RtType};

/// One parameter or result of a stated signature.
#[derive(Debug, PartialEq, Eq)]
struct Item {
    /// Its name, if the statement gives one.
    name: Option<String>,
    /// The type as written (for messages).
    text: String,
    /// The type's canonical tokens.
    tokens: Vec<String>,
}

/// A parsed statement.
#[derive(Debug, PartialEq, Eq)]
struct Stated {
    params: Vec<Item>,
    results: Vec<Item>,
    variadic: bool,
}

/// Checks the signature `stated` against the declaration `d` of `prog`;
/// the error says what differs.
pub(crate) fn check(prog: &Program, d: &NativeDecl, stated: &str) -> Result<(), String> {
    let pkg = package_name(&d.name);
    let s = parse(stated, pkg)
        .map_err(|e| format!("cannot read its stated signature `{stated}`: {e}"))?;
    let declared_name = |t: RtType| {
        prog.types
            .get(t.0 as usize)
            .map_or_else(|| format!("type #{}", t.0), |d| d.name.clone())
    };
    compare("parameter", &s.params, &d.params, prog, &declared_name)?;
    compare("result", &s.results, &d.results, prog, &declared_name)?;
    if s.variadic != d.variadic {
        let (yes, no) = if d.variadic {
            ("declaration", "native")
        } else {
            ("native", "declaration")
        };
        return Err(format!(
            "the {yes} is variadic and the {no} is not (the native implements `{stated}`)"
        ));
    }
    Ok(())
}

fn compare(
    what: &str,
    stated: &[Item],
    declared: &[RtType],
    prog: &Program,
    declared_name: &dyn Fn(RtType) -> String,
) -> Result<(), String> {
    for (k, (s, &t)) in stated.iter().zip(declared).enumerate() {
        let name = declared_name(t);
        let tokens = if prog.types.get(t.0 as usize).is_some() {
            canonical(&name, None)?
        } else {
            Vec::new()
        };
        if tokens != s.tokens {
            let label = s.name.as_ref().map_or(String::new(), |n| format!(" ({n})"));
            return Err(format!(
                "{what} {k}{label} is declared `{name}` in Go but the native implements `{}`",
                s.text
            ));
        }
    }
    if stated.len() != declared.len() {
        let names: Vec<String> = declared.iter().map(|&t| declared_name(t)).collect();
        let mine: Vec<&str> = stated.iter().map(|i| i.text.as_str()).collect();
        return Err(format!(
            "the Go declaration has {} {what}s ({}) but the native implements {} ({})",
            declared.len(),
            names.join(", "),
            stated.len(),
            mine.join(", ")
        ));
    }
    Ok(())
}

/// `utf8` for `unicode/utf8.RuneLen`, `sync` for `sync.(*Mutex).Lock`:
/// the name Go qualifies the package's types with.
fn package_name(native: &str) -> &str {
    let slash = native.rfind('/').map_or(0, |i| i + 1);
    let rest = &native[slash..];
    rest.find('.').map_or(rest, |d| &rest[..d])
}

const KEYWORDS: &[&str] = &["func", "map", "chan", "struct", "interface"];

const PREDECLARED: &[&str] = &[
    "bool",
    "string",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "error",
    "comparable",
];

/// The tokens of type text `s` in reflect's form; with `pkg`, unqualified
/// non-predeclared names are qualified with it (see the module docs).
fn canonical(s: &str, pkg: Option<&str>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    let mut depth = 0i32;
    while i < b.len() {
        let c = b[i];
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return Err(format!("unbalanced `{}` in a type", c as char));
        }
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            let word = &s[start..i];
            match word {
                "byte" => out.push("uint8".into()),
                "rune" => out.push("int32".into()),
                "any" => out.extend(["interface", "{", "}"].map(String::from)),
                w if w.contains('.') || KEYWORDS.contains(&w) || PREDECLARED.contains(&w) => {
                    out.push(w.into())
                }
                w => match pkg {
                    Some(p) => out.push(format!("{p}.{w}")),
                    None => out.push(w.into()),
                },
            }
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(s[start..i].into());
        } else if s[i..].starts_with("...") {
            out.push("...".into());
            i += 3;
        } else if b"*[](){},;<-".contains(&c) {
            out.push((c as char).into());
            i += 1;
        } else {
            return Err(format!("unexpected `{}` in a type", &s[i..]));
        }
    }
    if depth != 0 {
        return Err("unbalanced brackets in a type".into());
    }
    if out.is_empty() {
        return Err("an empty type".into());
    }
    Ok(out)
}

/// Splits `s` at commas outside brackets (a type list as the runtime's
/// type names spell it; also read by natives that parse those names).
pub fn split_top(s: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        if depth < 0 {
            return Err("unbalanced brackets".into());
        }
    }
    if depth != 0 {
        return Err("unbalanced brackets".into());
    }
    out.push(&s[start..]);
    Ok(out)
}

/// The index just past the bracket closing the one at `open`.
pub fn close_of(s: &str, open: usize) -> Result<usize, String> {
    let mut depth = 0i32;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(open + i + 1);
                }
            }
            _ => {}
        }
    }
    Err("unbalanced brackets".into())
}

/// A parameter list's items (the text between the parentheses), with Go's
/// grouping: `s, substr string` is two strings; `int, error` two types.
/// Returns the items and whether the last one is variadic.
fn items(list: &str, pkg: &str) -> Result<(Vec<Item>, bool), String> {
    let list = list.trim();
    if list.is_empty() {
        return Ok((Vec::new(), false));
    }
    let parts = split_top(list)?;
    // (name, type text) per part: a name is a first word that is an
    // identifier (not a keyword or qualified) with a type after it.
    let split: Vec<(Option<&str>, &str)> = parts
        .iter()
        .map(|p| {
            let p = p.trim();
            let end = p
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(p.len());
            let (first, rest) = (&p[..end], p[end..].trim());
            let is_ident = first
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
            let named = is_ident
                && !KEYWORDS.contains(&first)
                && !rest.is_empty()
                && p[end..].starts_with(char::is_whitespace);
            if named {
                (Some(first), rest)
            } else {
                (None, p)
            }
        })
        .collect();
    let any_named = split.iter().any(|(n, _)| n.is_some());
    let mut out = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    let mut variadic = false;
    let n = split.len();
    for (k, (name, text)) in split.into_iter().enumerate() {
        if any_named && name.is_none() {
            // A name sharing the type of the next named part.
            pending.push(text);
            continue;
        }
        let (text, dots) = match text.strip_prefix("...") {
            Some(t) => (t.trim(), true),
            None => (text, false),
        };
        if dots {
            if k + 1 != n || !pending.is_empty() {
                return Err("only the last parameter may be variadic".into());
            }
            variadic = true;
        }
        let mut tokens = canonical(text, Some(pkg))?;
        let shown = if dots {
            tokens.splice(0..0, ["[".to_string(), "]".to_string()]);
            format!("...{text}")
        } else {
            text.to_string()
        };
        for nm in pending.drain(..).chain(name) {
            out.push(Item {
                name: Some(nm.to_string()),
                text: shown.clone(),
                tokens: tokens.clone(),
            });
        }
        if name.is_none() {
            out.push(Item {
                name: None,
                text: shown,
                tokens,
            });
        }
    }
    if !pending.is_empty() {
        return Err(format!("`{}` has no type", pending.join(", ")));
    }
    Ok((out, variadic))
}

/// Whether every bracket of `s` closes the last one opened, by its kind
/// (the depth counts below then find the right partners).
fn nested(s: &str) -> bool {
    let mut open = Vec::new();
    for c in s.chars() {
        match c {
            '(' => open.push(')'),
            '[' => open.push(']'),
            '{' => open.push('}'),
            ')' | ']' | '}' if open.pop() != Some(c) => return false,
            _ => {}
        }
    }
    open.is_empty()
}

/// Parses `func(params) results`.
fn parse(s: &str, pkg: &str) -> Result<Stated, String> {
    let s = s.trim();
    if !nested(s) {
        return Err("unbalanced brackets".into());
    }
    let rest = s
        .strip_prefix("func")
        .ok_or("it does not start with `func`")?;
    let open = s.len() - rest.len();
    if !rest.trim_start().starts_with('(') {
        return Err("no parameter list".into());
    }
    let open = open + (rest.len() - rest.trim_start().len());
    let close = close_of(s, open)?;
    let (params, variadic) = items(&s[open + 1..close - 1], pkg)?;
    let res = s[close..].trim();
    let results = if res.is_empty() {
        Vec::new()
    } else if res.starts_with('(') {
        if close_of(res, 0)? != res.len() {
            return Err("text after the results".into());
        }
        let (r, dots) = items(&res[1..res.len() - 1], pkg)?;
        if dots {
            return Err("a variadic result".into());
        }
        r
    } else {
        vec![Item {
            name: None,
            text: res.to_string(),
            tokens: canonical(res, Some(pkg))?,
        }]
    };
    Ok(Stated {
        params,
        results,
        variadic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        canonical(s, None).unwrap()
    }

    #[test]
    fn groups_names_and_types_as_go_does() {
        let s = parse("func(s, substr string) int", "strings").unwrap();
        assert_eq!(s.params.len(), 2);
        assert_eq!(s.params[1].name.as_deref(), Some("substr"));
        assert_eq!(s.params[1].tokens, toks("string"));
        assert_eq!(s.results[0].tokens, toks("int"));
        assert!(!s.variadic);

        let s = parse("func(int, error)", "x").unwrap();
        assert_eq!(s.params.len(), 2);
        assert!(s.params.iter().all(|p| p.name.is_none()));

        let s = parse("func(a, b int, c ...any) (n int, err error)", "fmt").unwrap();
        assert_eq!(s.params.len(), 3);
        assert_eq!(s.params[2].tokens, toks("[]interface {}"));
        assert!(s.variadic);
        assert_eq!(s.results.len(), 2);
        assert_eq!(s.results[1].tokens, toks("error"));
    }

    #[test]
    fn names_take_reflect_form() {
        let s = parse(
            "func(d Duration, f func(rune) bool, b []byte) *Timer",
            "time",
        )
        .unwrap();
        assert_eq!(s.params[0].tokens, toks("time.Duration"));
        assert_eq!(s.params[1].tokens, toks("func(int32) bool"));
        assert_eq!(s.params[2].tokens, toks("[]uint8"));
        assert_eq!(s.results[0].tokens, toks("*time.Timer"));
        let s = parse("func(m map[string]io.Reader, c <-chan int)", "x").unwrap();
        assert_eq!(s.params[0].tokens, toks("map[string]io.Reader"));
        assert_eq!(s.params[1].tokens, toks("<-chan int"));
        assert_eq!(package_name("unicode/utf8.RuneLen"), "utf8");
        assert_eq!(package_name("sync.(*Mutex).Lock"), "sync");
    }

    #[test]
    fn malformed_statements_are_errors_not_panics() {
        for bad in [
            "",
            "fun(x int)",
            "func",
            "func(x int",
            "func(x int))",
            "func(a, b)x(",
            "func(a, b ...int, c int)",
            "func(a, b int, c)",
            "func(x in%t)",
            "func() (...int)",
            "func(x []int]",
        ] {
            assert!(parse(bad, "p").is_err(), "{bad:?} was accepted");
        }
    }
}
