//! Labels and `goto`: the function-wide pass Go's compiler runs over a
//! body before typing it (cmd/compile's `syntax.checkBranches`), with its
//! messages and positions.
//!
//! # The rules (spec, "Goto statements" and "Label scopes")
//!
//! Labels have function scope, a label must be used, and a `goto` may not
//! jump over a variable declaration into its scope nor into a block. Both
//! restrictions say the same thing: at a label, the variables in scope are
//! a subset of those in scope at every `goto` that targets it. The code
//! generator relies on that: its slots are allocated like a stack along
//! the block structure, so a jump that keeps to the rule lands where every
//! live variable is in the slot it had at the jump, and no declaration
//! (zeroing, a fresh box for an escaping variable) is skipped.
//!
//! # The algorithm (one walk, after Go's)
//!
//! Blocks are visited in source order; each keeps the forward gotos not
//! yet resolved (its own and those its inner blocks passed up). A label
//! resolves the pending gotos of its name in its own block: a backward
//! goto finds its label at once in its block or an enclosing one. A
//! variable declaration marks every goto pending at that point as one that
//! would jump over it if it is resolved in this block; a goto that leaves
//! the block instead is fine. What is still pending when the whole body is
//! done either names no label (`label L not defined`) or a label inside a
//! block the goto is not in (`goto L jumps into block starting at ...`, the
//! block directly around the label, as Go reports it).
//!
//! `break`/`continue` with a label count as uses of it here (Go counts one
//! even when the statement it names is no valid target); whether their
//! target is valid is checked with the statements ([`super::stmt`]).
//!
//! The walk looks at statement lists only, never into expressions: a
//! function literal's body is a function of its own, checked when the
//! literal is. A range-over-func loop's body is walked here as Go walks
//! it, before the loop is rewritten into a literal; the rewritten literal
//! is walked again when it is checked, which finds nothing new (the jumps
//! out of it are rewritten away, and what it repeats of the original's
//! errors is the same message at the same place, dropped when the
//! diagnostics are sorted).

use super::checker::Checker;
use crate::ast::{Block, Decl, Ident, Span, Stmt, StmtKind};
use crate::diag::Diagnostic;
use std::collections::HashMap;

/// An entry of a statement list: a statement, or (at the top level of a
/// script, whose `var` declarations are items of their own) the first
/// name a `var` declaration declares.
pub(crate) enum Entry<'a> {
    Stmt(&'a Stmt),
    Var(&'a Ident),
}

/// A declared label.
struct Label {
    /// Index of the block that declares it, in [`Walk::blocks`].
    block: usize,
    span: Span,
    used: bool,
}

/// A block of the walk: its parent and where it starts (what Go prints).
struct BlockInfo {
    parent: Option<usize>,
    start: u32,
}

/// The walk over one body.
struct Walk<'a, 'c> {
    checker: &'c Checker<'a>,
    labels: HashMap<&'a str, Label>,
    /// Labels in declaration order (for the report of unused ones).
    order: Vec<&'a str>,
    blocks: Vec<BlockInfo>,
    diags: Vec<Diagnostic>,
    depth: u32,
}

/// The deepest statement nesting the walk follows (the parser bounds it
/// far below this; the bound only keeps the Rust stack safe).
const MAX_DEPTH: u32 = 2000;

impl<'a, 'c> Walk<'a, 'c> {
    /// Whether the label named `name` is declared in block `b` or one
    /// around it (a backward goto's target), marking it used if declared
    /// anywhere so far.
    fn goto_target(&mut self, b: usize, name: &str) -> bool {
        let Some(l) = self.labels.get_mut(name) else {
            return false;
        };
        l.used = true;
        let mut cur = Some(b);
        while let Some(i) = cur {
            if i == l.block {
                return true;
            }
            cur = self.blocks[i].parent;
        }
        false
    }

    fn declare(&mut self, b: usize, id: &'a Ident) {
        let name = id.name.as_str();
        if let Some(alt) = self.labels.get(name) {
            let at = self.checker.position_of(alt.span);
            self.diags.push(
                Diagnostic::error(id.span, format!("label {name} already defined at {at}"))
                    .with_secondary(alt.span, format!("other declaration of {name}")),
            );
            return;
        }
        self.labels.insert(
            name,
            Label {
                block: b,
                span: id.span,
                used: false,
            },
        );
        self.order.push(name);
    }

    /// Walks the statements of a block (starting at `start`, inside block
    /// `parent`) and returns its unresolved forward gotos.
    fn block(
        &mut self,
        parent: Option<usize>,
        start: u32,
        body: &mut dyn Iterator<Item = Entry<'a>>,
    ) -> Vec<&'a Ident> {
        let b = self.blocks.len();
        self.blocks.push(BlockInfo { parent, start });
        // The last variable declaration so far (where, and Go's text for
        // its names), and the gotos pending when it was met.
        let mut var: Option<(u32, String, Span)> = None;
        let mut fwd: Vec<&'a Ident> = Vec::new();
        let mut bad: Vec<&'a Ident> = Vec::new();
        if self.depth > MAX_DEPTH {
            return fwd;
        }
        self.depth += 1;
        for entry in body {
            let mut s = match entry {
                Entry::Stmt(s) => s,
                Entry::Var(n) => {
                    var = Some((n.span.lo, n.name.clone(), n.span));
                    bad.clone_from(&fwd);
                    continue;
                }
            };
            loop {
                match &s.kind {
                    StmtKind::Decl(Decl::Var(g)) => {
                        if let Some(n) = g.specs.first().and_then(|v| v.names.first()) {
                            var = Some((n.span.lo, n.name.clone(), n.span));
                            bad.clone_from(&fwd);
                        }
                    }
                    StmtKind::Define { names, values } => {
                        let text: Vec<&str> = names.iter().map(|n| n.name.as_str()).collect();
                        let span = match (names.first(), names.last()) {
                            (Some(a), Some(z)) => Span::new(a.span.lo, z.span.hi),
                            _ => s.span,
                        };
                        var = Some((self.define_pos(s, names, values), text.join(", "), span));
                        bad.clone_from(&fwd);
                    }
                    StmtKind::Labeled { label, stmt } => {
                        if !label.is_blank() {
                            self.declare(b, label);
                            let name = label.name.as_str();
                            let mut rest = Vec::with_capacity(fwd.len());
                            for g in std::mem::take(&mut fwd) {
                                if g.name != name {
                                    rest.push(g);
                                    continue;
                                }
                                if let Some(l) = self.labels.get_mut(name) {
                                    l.used = true;
                                }
                                if let Some((pos, vname, vspan)) = &var {
                                    if bad.iter().any(|x| std::ptr::eq(*x, g)) {
                                        let at = self.checker.position_of(Span::new(*pos, *pos));
                                        self.diags.push(
                                            Diagnostic::error(
                                                g.span,
                                                format!(
                                                    "goto {name} jumps over declaration of {vname} at {at}"
                                                ),
                                            )
                                            .with_secondary(*vspan, "declared here"),
                                        );
                                    }
                                }
                            }
                            fwd = rest;
                        }
                        s = stmt;
                        continue;
                    }
                    // (A backward goto's label is found at once; the
                    // lookup marks the label used either way.)
                    StmtKind::Goto(l) if !self.goto_target(b, &l.name) => fwd.push(l),
                    StmtKind::Break(Some(l)) | StmtKind::Continue(Some(l)) => {
                        if let Some(e) = self.labels.get_mut(l.name.as_str()) {
                            e.used = true;
                        }
                    }
                    StmtKind::Block(bl) => fwd.extend(self.inner(b, bl)),
                    StmtKind::If { then, els, .. } => {
                        fwd.extend(self.inner(b, then));
                        if let Some(e) = els {
                            let mut one = std::iter::once(Entry::Stmt(e));
                            fwd.extend(self.block(Some(b), e.span.lo, &mut one));
                        }
                    }
                    StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                        fwd.extend(self.inner(b, body))
                    }
                    StmtKind::Switch { cases, .. } => {
                        for c in cases {
                            fwd.extend(self.block(
                                Some(b),
                                c.span.lo,
                                &mut c.body.iter().map(Entry::Stmt),
                            ));
                        }
                    }
                    StmtKind::TypeSwitch { cases, .. } => {
                        for c in cases {
                            fwd.extend(self.block(
                                Some(b),
                                c.span.lo,
                                &mut c.body.iter().map(Entry::Stmt),
                            ));
                        }
                    }
                    StmtKind::Select { cases, .. } => {
                        for c in cases {
                            fwd.extend(self.block(
                                Some(b),
                                c.span.lo,
                                &mut c.body.iter().map(Entry::Stmt),
                            ));
                        }
                    }
                    _ => {}
                }
                break;
            }
        }
        self.depth -= 1;
        fwd
    }

    /// The token a block starts with, at `at`: `{`, or the `case` or
    /// `default` of a clause.
    fn block_start(&self, at: u32) -> Span {
        let (id, range) = self.checker.sources.local(Span::new(at, at));
        let text = self.checker.sources.file(id).text.get(range.start..);
        let n = match text {
            Some(t) if t.starts_with("case") => 4,
            Some(t) if t.starts_with("default") => 7,
            _ => 1,
        };
        Span::new(at, at + n)
    }

    fn inner(&mut self, parent: usize, bl: &'a Block) -> Vec<&'a Ident> {
        self.block(
            Some(parent),
            bl.span.lo,
            &mut bl.stmts.iter().map(Entry::Stmt),
        )
    }

    /// Where Go places a short variable declaration: at its `:=`, found in
    /// the text between the last name and the first value (skipping
    /// comments); the statement's start if the text says otherwise.
    fn define_pos(&self, s: &Stmt, names: &[Ident], values: &[crate::ast::Expr]) -> u32 {
        let (Some(last), Some(first)) = (names.last(), values.first()) else {
            return s.span.lo;
        };
        if first.span.lo <= last.span.hi {
            return s.span.lo;
        }
        let (id, range) = self
            .checker
            .sources
            .local(Span::new(last.span.hi, first.span.lo));
        let f = self.checker.sources.file(id);
        let text = f.text.as_bytes().get(range.clone()).unwrap_or(&[]);
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b':' if text.get(i + 1) == Some(&b'=') => return f.base + (range.start + i) as u32,
                b'/' if text.get(i + 1) == Some(&b'/') => {
                    while i < text.len() && text[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if text.get(i + 1) == Some(&b'*') => {
                    i += 2;
                    while i + 1 < text.len() && !(text[i] == b'*' && text[i + 1] == b'/') {
                        i += 1;
                    }
                    i += 2;
                }
                _ => i += 1,
            }
        }
        s.span.lo
    }
}

impl<'a> Checker<'a> {
    /// Checks the labels and gotos of a function body (the statements
    /// `stmts` of a block starting at `start`) and records its labels in
    /// the function's context for `break`/`continue`. Every label error is
    /// reported here, so the labels recorded count as used.
    pub(crate) fn labels_pass(&mut self, start: u32, stmts: &mut dyn Iterator<Item = Entry<'a>>) {
        let mut w = Walk {
            checker: self,
            labels: HashMap::new(),
            order: Vec::new(),
            blocks: Vec::new(),
            diags: Vec::new(),
            depth: 0,
        };
        let fwd = w.block(None, start, stmts);
        for g in fwd {
            let name = g.name.as_str();
            let msg = match w.labels.get_mut(name) {
                Some(l) => {
                    l.used = true;
                    let at = w.blocks[l.block].start;
                    let pos = w.checker.position_of(Span::new(at, at));
                    let msg = format!("goto {name} jumps into block starting at {pos}");
                    Diagnostic::error(g.span, msg)
                        .with_secondary(w.block_start(at), "block starts here")
                }
                None => Diagnostic::error(g.span, format!("label {name} not defined")),
            };
            w.diags.push(msg);
        }
        for name in &w.order {
            if let Some(l) = w.labels.get(name) {
                if !l.used {
                    w.diags.push(Diagnostic::error(
                        l.span,
                        format!("label {name} defined and not used"),
                    ));
                }
            }
        }
        let labels: Vec<(String, Span)> = w
            .order
            .iter()
            .filter_map(|n| w.labels.get(n).map(|l| (n.to_string(), l.span)))
            .collect();
        let diags = std::mem::take(&mut w.diags);
        for d in diags {
            self.error_with(d);
        }
        if let Some(f) = self.funcs.last_mut() {
            for (n, span) in labels {
                f.labels.insert(n, (span, true));
            }
        }
    }

    /// [`Checker::labels_pass`] over a function body.
    pub(crate) fn labels_check(&mut self, body: &'a Block) {
        self.labels_pass(body.span.lo, &mut body.stmts.iter().map(Entry::Stmt));
    }
}

/// The entries of a script's implicit `func main` (or of a session's
/// input): its statement items and the first name of each `var` item.
pub(crate) fn script_entries<'a>(
    file: &'a crate::ast::File,
    items: Vec<usize>,
) -> impl Iterator<Item = Entry<'a>> + 'a {
    items
        .into_iter()
        .filter_map(move |i| match file.items.get(i) {
            Some(crate::ast::Item::Stmt(s)) => Some(Entry::Stmt(s)),
            Some(crate::ast::Item::Decl(Decl::Var(g))) => g
                .specs
                .first()
                .and_then(|v| v.names.first())
                .map(Entry::Var),
            _ => None,
        })
}

/// The names of the labels declared in a statement (not inside function
/// literals), appended to `out`.
pub(crate) fn declared_labels(s: &Stmt, out: &mut Vec<String>, depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    let d = depth + 1;
    let list = |ss: &[Stmt], out: &mut Vec<String>| {
        for s in ss {
            declared_labels(s, out, d);
        }
    };
    match &s.kind {
        StmtKind::Labeled { label, stmt } => {
            out.push(label.name.clone());
            declared_labels(stmt, out, d);
        }
        StmtKind::Block(b) => list(&b.stmts, out),
        StmtKind::If { then, els, .. } => {
            list(&then.stmts, out);
            if let Some(e) = els {
                declared_labels(e, out, d);
            }
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => list(&body.stmts, out),
        StmtKind::Switch { cases, .. } => cases.iter().for_each(|c| list(&c.body, out)),
        StmtKind::TypeSwitch { cases, .. } => cases.iter().for_each(|c| list(&c.body, out)),
        StmtKind::Select { cases, .. } => cases.iter().for_each(|c| list(&c.body, out)),
        _ => {}
    }
}
