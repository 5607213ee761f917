//! A compact S-expression rendering of syntax trees, for tests and for
//! debugging the parser (`(call (sel fmt Println) "hi")`).
//!
//! Spans and node ids are left out so that expected trees in tests stay
//! readable; tests that care about spans check them directly.

use crate::ast::*;
use std::fmt::Write;

pub fn file(f: &File) -> String {
    let mut out = String::new();
    if let Some(p) = &f.package {
        let _ = write!(out, "(package {})", p.name);
    }
    for i in &f.imports {
        let name = i
            .name
            .as_ref()
            .map_or(String::new(), |n| format!("{} ", n.name));
        let _ = write!(out, "(import {name}{:?})", i.path);
    }
    for item in &f.items {
        match item {
            Item::Decl(d) => decl(&mut out, d),
            Item::Stmt(s) => stmt(&mut out, s),
        }
    }
    out
}

pub fn expr_string(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e);
    out
}

pub fn stmt_string(s: &Stmt) -> String {
    let mut out = String::new();
    stmt(&mut out, s);
    out
}

fn list(out: &mut String, es: &[Expr]) {
    for e in es {
        out.push(' ');
        expr(out, e);
    }
}

fn names(ns: &[Ident]) -> String {
    ns.iter()
        .map(|n| n.name.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn decl(out: &mut String, d: &Decl) {
    match d {
        Decl::Var(g) => {
            for s in &g.specs {
                let _ = write!(out, "(var {}", names(&s.names));
                if let Some(t) = &s.ty {
                    out.push(' ');
                    expr(out, t);
                }
                if !s.values.is_empty() {
                    out.push_str(" =");
                    list(out, &s.values);
                }
                out.push(')');
            }
        }
        Decl::Const(g) => {
            for s in &g.specs {
                let _ = write!(out, "(const {} iota={}", names(&s.names), s.iota);
                if let Some(t) = &s.ty {
                    out.push(' ');
                    expr(out, t);
                }
                if !s.values.is_empty() {
                    out.push_str(" =");
                    list(out, &s.values);
                }
                out.push(')');
            }
        }
        Decl::Type(g) => {
            for s in &g.specs {
                let _ = write!(
                    out,
                    "(type {}{} ",
                    s.name.name,
                    if s.alias { " =" } else { "" }
                );
                expr(out, &s.ty);
                out.push(')');
            }
        }
        Decl::Func(f) => {
            out.push_str("(func ");
            if let Some(r) = &f.recv {
                out.push('(');
                param(out, r);
                out.push_str(") ");
            }
            out.push_str(&f.name.name);
            out.push(' ');
            func_type(out, &f.ty);
            if f.lazy {
                out.push_str(" {...}");
            } else if let Some(b) = &f.body {
                out.push(' ');
                block(out, b);
            }
            out.push(')');
        }
    }
}

fn param(out: &mut String, p: &Param) {
    if !p.names.is_empty() {
        out.push_str(&names(&p.names));
        out.push(' ');
    }
    if p.variadic {
        out.push_str("...");
    }
    expr(out, &p.ty);
}

fn func_type(out: &mut String, f: &FuncType) {
    out.push('(');
    for (i, p) in f.params.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        param(out, p);
    }
    out.push(')');
    if !f.results.is_empty() {
        out.push_str(" (");
        for (i, p) in f.results.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            param(out, p);
        }
        out.push(')');
    }
}

fn block(out: &mut String, b: &Block) {
    out.push('{');
    for (i, s) in b.stmts.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        stmt(out, s);
    }
    out.push('}');
}

fn opt_stmt(out: &mut String, s: &Option<Box<Stmt>>) {
    match s {
        Some(s) => stmt(out, s),
        None => out.push('_'),
    }
}

fn body(out: &mut String, stmts: &[Stmt]) {
    for s in stmts {
        out.push(' ');
        stmt(out, s);
    }
}

fn stmt(out: &mut String, s: &Stmt) {
    match &s.kind {
        StmtKind::Empty => out.push_str("(empty)"),
        StmtKind::Bad => out.push_str("(BAD)"),
        StmtKind::Expr(e) => expr(out, e),
        StmtKind::Send { ch, value } => {
            out.push_str("(send ");
            expr(out, ch);
            out.push(' ');
            expr(out, value);
            out.push(')');
        }
        StmtKind::IncDec { x, inc } => {
            out.push_str(if *inc { "(++ " } else { "(-- " });
            expr(out, x);
            out.push(')');
        }
        StmtKind::Assign { lhs, op, rhs } => {
            let _ = write!(out, "({}=", op.map_or("", |o| o.as_str()));
            list(out, lhs);
            out.push_str(" |");
            list(out, rhs);
            out.push(')');
        }
        StmtKind::Define { names: ns, values } => {
            let _ = write!(out, "(:= {} |", names(ns));
            list(out, values);
            out.push(')');
        }
        StmtKind::Decl(d) => decl(out, d),
        StmtKind::Go(e) => {
            out.push_str("(go ");
            expr(out, e);
            out.push(')');
        }
        StmtKind::Defer(e) => {
            out.push_str("(defer ");
            expr(out, e);
            out.push(')');
        }
        StmtKind::Return(es) => {
            out.push_str("(return");
            list(out, es);
            out.push(')');
        }
        StmtKind::Break(l) => {
            let _ = write!(
                out,
                "(break{})",
                l.as_ref().map_or(String::new(), |l| format!(" {}", l.name))
            );
        }
        StmtKind::Continue(l) => {
            let _ = write!(
                out,
                "(continue{})",
                l.as_ref().map_or(String::new(), |l| format!(" {}", l.name))
            );
        }
        StmtKind::Goto(l) => {
            let _ = write!(out, "(goto {})", l.name);
        }
        StmtKind::Fallthrough => out.push_str("(fallthrough)"),
        StmtKind::Block(b) => block(out, b),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            out.push_str("(if ");
            opt_stmt(out, init);
            out.push(' ');
            expr(out, cond);
            out.push(' ');
            block(out, then);
            if let Some(e) = els {
                out.push_str(" else ");
                stmt(out, e);
            }
            out.push(')');
        }
        StmtKind::Switch {
            init, tag, cases, ..
        } => {
            out.push_str("(switch ");
            opt_stmt(out, init);
            out.push(' ');
            match tag {
                Some(t) => expr(out, t),
                None => out.push('_'),
            }
            for c in cases {
                if c.is_default {
                    out.push_str(" (default");
                } else {
                    out.push_str(" (case");
                    list(out, &c.exprs);
                    out.push_str(" :");
                }
                body(out, &c.body);
                out.push(')');
            }
            out.push(')');
        }
        StmtKind::TypeSwitch {
            init,
            bind,
            x,
            cases,
            ..
        } => {
            out.push_str("(typeswitch ");
            opt_stmt(out, init);
            let _ = write!(out, " {} ", bind.as_ref().map_or("_", |b| b.name.as_str()));
            expr(out, x);
            for c in cases {
                if c.is_default {
                    out.push_str(" (default");
                } else {
                    out.push_str(" (case");
                    list(out, &c.types);
                    out.push_str(" :");
                }
                body(out, &c.body);
                out.push(')');
            }
            out.push(')');
        }
        StmtKind::Select { cases, .. } => {
            out.push_str("(select");
            for c in cases {
                match &c.comm {
                    None => out.push_str(" (default"),
                    Some(s) => {
                        out.push_str(" (case ");
                        stmt(out, s);
                        out.push_str(" :");
                    }
                }
                body(out, &c.body);
                out.push(')');
            }
            out.push(')');
        }
        StmtKind::For {
            init,
            cond,
            post,
            body: b,
        } => {
            out.push_str("(for ");
            opt_stmt(out, init);
            out.push(' ');
            match cond {
                Some(c) => expr(out, c),
                None => out.push('_'),
            }
            out.push(' ');
            opt_stmt(out, post);
            out.push(' ');
            block(out, b);
            out.push(')');
        }
        StmtKind::Range {
            key,
            value,
            define,
            x,
            body: b,
            ..
        } => {
            out.push_str("(range ");
            for k in [key, value] {
                match k {
                    Some(k) => expr(out, k),
                    None => out.push('_'),
                }
                out.push(' ');
            }
            out.push_str(if *define { ":= " } else { "= " });
            expr(out, x);
            out.push(' ');
            block(out, b);
            out.push(')');
        }
        StmtKind::Labeled { label, stmt: s } => {
            let _ = write!(out, "(label {} ", label.name);
            stmt(out, s);
            out.push(')');
        }
    }
}

fn elems(out: &mut String, es: &[Element]) {
    for e in es {
        out.push(' ');
        if let Some(k) = &e.key {
            expr(out, k);
            out.push(':');
        }
        expr(out, &e.value);
    }
}

fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(i) => out.push_str(&i.name),
        ExprKind::Int(s) | ExprKind::Float(s) | ExprKind::Imag(s) => out.push_str(s),
        ExprKind::Rune(r) => {
            let _ = write!(out, "'{r}'");
        }
        ExprKind::Str(b) => {
            let _ = write!(out, "{:?}", String::from_utf8_lossy(b));
        }
        ExprKind::Composite { ty, elems: es, .. } => {
            out.push_str("(lit ");
            match ty {
                Some(t) => expr(out, t),
                None => out.push('_'),
            }
            elems(out, es);
            out.push(')');
        }
        ExprKind::FuncLit { ty, body } => {
            out.push_str("(funclit ");
            func_type(out, ty);
            out.push(' ');
            block(out, body);
            out.push(')');
        }
        ExprKind::Paren(x) => {
            out.push_str("(paren ");
            expr(out, x);
            out.push(')');
        }
        ExprKind::Selector(x, n) => {
            out.push_str("(sel ");
            expr(out, x);
            let _ = write!(out, " {})", n.name);
        }
        ExprKind::Index(x, i) => {
            out.push_str("(index ");
            expr(out, x);
            out.push(' ');
            expr(out, i);
            out.push(')');
        }
        ExprKind::IndexList(x, is) => {
            out.push_str("(index ");
            expr(out, x);
            for i in is {
                out.push(' ');
                expr(out, i);
            }
            out.push(')');
        }
        ExprKind::Slice {
            x,
            lo,
            hi,
            max,
            three,
        } => {
            out.push_str(if *three { "(slice3 " } else { "(slice " });
            expr(out, x);
            for b in [lo, hi, max] {
                out.push(' ');
                match b {
                    Some(b) => expr(out, b),
                    None => out.push('_'),
                }
            }
            out.push(')');
        }
        ExprKind::TypeAssert { x, ty } => {
            out.push_str("(assert ");
            expr(out, x);
            out.push(' ');
            match ty {
                Some(t) => expr(out, t),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            out.push_str("(call ");
            expr(out, func);
            list(out, args);
            if ellipsis.is_some() {
                out.push_str(" ...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push_str("(* ");
            expr(out, x);
            out.push(')');
        }
        ExprKind::Unary(op, x) => {
            let _ = write!(out, "({} ", op.as_str());
            expr(out, x);
            out.push(')');
        }
        ExprKind::Binary(op, a, b) => {
            let _ = write!(out, "({} ", op.as_str());
            expr(out, a);
            out.push(' ');
            expr(out, b);
            out.push(')');
        }
        ExprKind::ArrayType { len, elem } => {
            out.push_str("(array ");
            match len {
                Some(l) => expr(out, l),
                None => out.push_str("..."),
            }
            out.push(' ');
            expr(out, elem);
            out.push(')');
        }
        ExprKind::SliceType(t) => {
            out.push_str("(slicetype ");
            expr(out, t);
            out.push(')');
        }
        ExprKind::MapType(k, v) => {
            out.push_str("(map ");
            expr(out, k);
            out.push(' ');
            expr(out, v);
            out.push(')');
        }
        ExprKind::ChanType(dir, t) => {
            out.push_str(match dir {
                ChanDir::Both => "(chan ",
                ChanDir::Send => "(chan<- ",
                ChanDir::Recv => "(<-chan ",
            });
            expr(out, t);
            out.push(')');
        }
        ExprKind::FuncType(f) => {
            out.push_str("(functype ");
            func_type(out, f);
            out.push(')');
        }
        ExprKind::StructType(fields) => {
            out.push_str("(struct");
            for f in fields {
                out.push_str(" (");
                if !f.names.is_empty() {
                    out.push_str(&names(&f.names));
                    out.push(' ');
                }
                expr(out, &f.ty);
                out.push(')');
            }
            out.push(')');
        }
        ExprKind::InterfaceType(es) => {
            out.push_str("(interface");
            for e in es {
                match e {
                    InterfaceElem::Method { name, ty } => {
                        let _ = write!(out, " ({} ", name.name);
                        func_type(out, ty);
                        out.push(')');
                    }
                    InterfaceElem::Embed(t) => {
                        out.push(' ');
                        expr(out, t);
                    }
                    InterfaceElem::Union(ts) => {
                        out.push_str(" (union");
                        for (tilde, t) in ts {
                            out.push_str(if *tilde { " ~" } else { " " });
                            expr(out, t);
                        }
                        out.push(')');
                    }
                }
            }
            out.push(')');
        }
        ExprKind::Bad => out.push_str("BAD"),
    }
}
