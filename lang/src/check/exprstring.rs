//! Expressions printed as Go's messages print them (`syntax.String` in
//! short form): function bodies and composite literal contents are
//! replaced by `…`, so a message never quotes a whole literal.

use crate::ast::{ChanDir, Expr, ExprKind, FuncType, InterfaceElem, Param};
use std::fmt::Write as _;

pub(crate) fn expr_string(e: &Expr) -> String {
    let mut s = Out::default();
    write_expr(&mut s, e, 0);
    s.text
}

/// [`expr_string`] with each name that `subst` gives a text for printed
/// as that text: a constraint of an instance shows its type arguments
/// (`interface{M() T[Z]}` for `interface{ M() T[U] }` with `U` as `Z`).
pub(crate) fn expr_string_subst(e: &Expr, subst: &dyn Fn(&str) -> Option<String>) -> String {
    let mut s = Out {
        text: String::new(),
        subst: Some(subst),
    };
    write_expr(&mut s, e, 0);
    s.text
}

/// A name's text in place of the name, or `None` to print the name.
type Subst<'n> = &'n dyn Fn(&str) -> Option<String>;

/// The text being written, and the names to print otherwise.
#[derive(Default)]
struct Out<'n> {
    text: String,
    subst: Option<Subst<'n>>,
}

impl std::ops::Deref for Out<'_> {
    type Target = String;
    fn deref(&self) -> &String {
        &self.text
    }
}

impl std::ops::DerefMut for Out<'_> {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.text
    }
}

fn write_expr(s: &mut Out, e: &Expr, depth: u32) {
    if depth > 200 {
        s.push('…');
        return;
    }
    let d = depth + 1;
    match &e.kind {
        ExprKind::Ident(id) => match s.subst.and_then(|f| f(&id.name)) {
            Some(t) => s.push_str(&t),
            None => s.push_str(&id.name),
        },
        ExprKind::Int(t) | ExprKind::Float(t) | ExprKind::Imag(t) => s.push_str(t),
        ExprKind::Rune(c) => s.push_str(&quote_rune(*c)),
        ExprKind::Str(b) => s.push_str(&quote_bytes(b)),
        ExprKind::Composite { ty, elems, .. } => {
            if let Some(t) = ty {
                write_expr(s, t, d);
            }
            if elems.is_empty() {
                s.push_str("{}");
            } else {
                s.push_str("{…}");
            }
        }
        ExprKind::FuncLit { ty, body } => {
            s.push_str("func");
            write_sig(s, ty, d);
            s.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            s.push('(');
            write_expr(s, x, d);
            s.push(')');
        }
        ExprKind::Selector(x, sel) => {
            write_expr(s, x, d);
            s.push('.');
            s.push_str(&sel.name);
        }
        ExprKind::Index(x, i) => {
            write_expr(s, x, d);
            s.push('[');
            write_expr(s, i, d);
            s.push(']');
        }
        ExprKind::IndexList(x, is) => {
            write_expr(s, x, d);
            s.push('[');
            for (k, i) in is.iter().enumerate() {
                if k > 0 {
                    s.push_str(", ");
                }
                write_expr(s, i, d);
            }
            s.push(']');
        }
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            write_expr(s, x, d);
            s.push('[');
            if let Some(l) = lo {
                write_expr(s, l, d);
            }
            s.push(':');
            if let Some(h) = hi {
                write_expr(s, h, d);
            }
            if *three {
                s.push(':');
                if let Some(m) = max {
                    write_expr(s, m, d);
                }
            }
            s.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(s, x, d);
            s.push_str(".(");
            match ty {
                Some(t) => write_expr(s, t, d),
                None => s.push_str("type"),
            }
            s.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            write_expr(s, func, d);
            s.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_expr(s, a, d);
            }
            if ellipsis.is_some() {
                s.push_str("...");
            }
            s.push(')');
        }
        ExprKind::Star(x) => {
            s.push('*');
            write_expr(s, x, d);
        }
        ExprKind::Unary(op, x) => {
            s.push_str(op.as_str());
            write_expr(s, x, d);
        }
        ExprKind::Binary(op, l, r) => {
            write_expr(s, l, d);
            let _ = write!(s, " {} ", op.as_str());
            write_expr(s, r, d);
        }
        ExprKind::ArrayType { len, elem } => {
            s.push('[');
            match len {
                Some(l) => write_expr(s, l, d),
                None => s.push_str("..."),
            }
            s.push(']');
            write_expr(s, elem, d);
        }
        ExprKind::SliceType(e) => {
            s.push_str("[]");
            write_expr(s, e, d);
        }
        ExprKind::MapType(k, v) => {
            s.push_str("map[");
            write_expr(s, k, d);
            s.push(']');
            write_expr(s, v, d);
        }
        ExprKind::ChanType(dir, e) => {
            s.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_expr(s, e, d);
        }
        ExprKind::FuncType(ft) => {
            s.push_str("func");
            write_sig(s, ft, d);
        }
        ExprKind::StructType(fields) => {
            s.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                for (j, n) in f.names.iter().enumerate() {
                    if j > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(&n.name);
                }
                if !f.names.is_empty() {
                    s.push(' ');
                }
                write_expr(s, &f.ty, d);
            }
            s.push('}');
        }
        ExprKind::InterfaceType(elems) => {
            s.push_str("interface{");
            for (i, el) in elems.iter().enumerate() {
                if i > 0 {
                    s.push_str("; ");
                }
                match el {
                    InterfaceElem::Method { name, ty } => {
                        s.push_str(&name.name);
                        write_sig(s, ty, d);
                    }
                    InterfaceElem::Embed(e) => write_expr(s, e, d),
                    InterfaceElem::Union(ts) => {
                        for (k, (tilde, t)) in ts.iter().enumerate() {
                            if k > 0 {
                                s.push_str(" | ");
                            }
                            if *tilde {
                                s.push('~');
                            }
                            write_expr(s, t, d);
                        }
                    }
                }
            }
            s.push('}');
        }
        ExprKind::Bad => s.push_str("BadExpr"),
    }
}

fn write_params(s: &mut Out, ps: &[Param], d: u32) {
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        for (j, n) in p.names.iter().enumerate() {
            if j > 0 {
                s.push_str(", ");
            }
            s.push_str(&n.name);
        }
        if !p.names.is_empty() {
            s.push(' ');
        }
        if p.variadic {
            s.push_str("...");
        }
        write_expr(s, &p.ty, d);
    }
}

fn write_sig(s: &mut Out, ft: &FuncType, d: u32) {
    s.push('(');
    write_params(s, &ft.params, d);
    s.push(')');
    if ft.results.is_empty() {
        return;
    }
    s.push(' ');
    if ft.results.len() == 1 && ft.results[0].names.is_empty() {
        write_expr(s, &ft.results[0].ty, d);
    } else {
        s.push('(');
        write_params(s, &ft.results, d);
        s.push(')');
    }
}

fn escape_char(c: u32, quote: char, out: &mut String) {
    match c {
        0x07 => out.push_str("\\a"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        0x0b => out.push_str("\\v"),
        0x5c => out.push_str("\\\\"),
        _ => match char::from_u32(c) {
            Some(ch) if ch == quote => {
                out.push('\\');
                out.push(ch);
            }
            Some(ch) if !ch.is_control() => out.push(ch),
            _ if c < 0x80 => {
                let _ = write!(out, "\\x{c:02x}");
            }
            _ if c <= 0xffff => {
                let _ = write!(out, "\\u{c:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{c:08x}");
            }
        },
    }
}

/// A rune literal as Go's `strconv.QuoteRune` writes it.
pub(crate) fn quote_rune(c: u32) -> String {
    let mut s = String::from("'");
    escape_char(c, '\'', &mut s);
    s.push('\'');
    s
}

/// A string literal as Go's `strconv.Quote` writes it (invalid UTF-8
/// bytes as `\x..`).
pub(crate) fn quote_bytes(b: &[u8]) -> String {
    let mut s = String::from("\"");
    let mut rest = b;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(v) => {
                for ch in v.chars() {
                    escape_char(ch as u32, '"', &mut s);
                }
                break;
            }
            Err(err) => {
                let (good, bad) = rest.split_at(err.valid_up_to());
                // The prefix is valid UTF-8 by construction.
                if let Ok(v) = std::str::from_utf8(good) {
                    for ch in v.chars() {
                        escape_char(ch as u32, '"', &mut s);
                    }
                }
                if let Some((&byte, tail)) = bad.split_first() {
                    let _ = write!(s, "\\x{byte:02x}");
                    rest = tail;
                } else {
                    break;
                }
            }
        }
    }
    s.push('"');
    s
}

/// A signature as Go's syntax prints it, parameter names included:
/// `(x int) (int, error)`, with names printed as [`expr_string_subst`]
/// prints them.
pub(crate) fn sig_string_subst(ft: &FuncType, subst: &dyn Fn(&str) -> Option<String>) -> String {
    let mut s = Out {
        text: String::new(),
        subst: Some(subst),
    };
    write_sig(&mut s, ft, 0);
    s.text
}

/// A signature's types without parameter names, as Go prints a method's
/// type in `have M(int) string`: `(int) string`, `(int, ...string) (T, error)`.
pub(crate) fn sig_types_string(ft: &FuncType) -> String {
    fn list(s: &mut Out, ps: &[Param]) {
        let mut first = true;
        for p in ps {
            for _ in 0..p.names.len().max(1) {
                if !first {
                    s.push_str(", ");
                }
                first = false;
                if p.variadic {
                    s.push_str("...");
                }
                write_expr(s, &p.ty, 0);
            }
        }
    }
    let mut s = Out::default();
    s.push('(');
    list(&mut s, &ft.params);
    s.push(')');
    let n: usize = ft.results.iter().map(|p| p.names.len().max(1)).sum();
    if n == 1 {
        s.push(' ');
        list(&mut s, &ft.results);
    } else if n > 1 {
        s.push_str(" (");
        list(&mut s, &ft.results);
        s.push(')');
    }
    s.text
}
