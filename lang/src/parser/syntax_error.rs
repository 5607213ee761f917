//! Syntax errors in Go's words. lalrpop reports the unexpected token and
//! the set of tokens it expected; Go's parser (`cmd/compile/internal/syntax`)
//! names the construct being parsed instead (`unexpected name y at end of
//! statement`, `expected { after if clause`). [`Site`] holds what is known
//! at the error; each of its methods recognises one context from the
//! tokens around the error and words Go's message for it. The order in
//! which [`syntax_error`] tries them is part of the meaning: the more
//! specific context wins.

use super::*;

/// Message texts that the repair pass (`repair`) recognises.
pub(super) const MISSING_COMMA: &str = "; possibly missing comma or";
pub(super) const VAR_IN_HEADER: &str = "syntax error: var declaration not allowed in";
pub(super) const NEWLINE_BEFORE_BRACE: &str =
    "syntax error: unexpected semicolon or newline before {";

/// Terminal names in lalrpop's expected lists, as Go names them.
pub(super) fn go_name(t: &str) -> String {
    let t = t.trim_matches('"');
    match t {
        "ident" => "name".into(),
        "," => "comma".into(),
        ";" => "semicolon or newline".into(),
        "funcdecl" => "func".into(),
        "op=" => "op=".into(),
        _ => t.into(),
    }
}

/// Whether the expected set says "an expression may start here".
pub(super) fn expects_expr(expected: &[String]) -> bool {
    let has = |s: &str| expected.iter().any(|e| e == s);
    has("\"int\"") && has("\"ident\"") && has("\"(\"")
}

/// Innermost unclosed bracket before token index `i`.
pub(super) fn open_bracket(toks: &[(u32, Token, u32)], i: usize) -> Option<usize> {
    let mut depth = 0i32;
    for j in (0..i.min(toks.len())).rev() {
        match toks[j].1 {
            Token::RParen | Token::RBrack | Token::RBrace => depth += 1,
            Token::LParen
            | Token::LBrack
            | Token::LBrackInst
            | Token::LBrackParams
            | Token::LBrace => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// What is known at a syntax error: the offending token, lalrpop's
/// expected set and the tokens around it. Each method below recognises one
/// kind of context and words Go's message for it; [`syntax_error`] tries
/// them in a fixed order, because a later rule's test is only meaningful
/// once the earlier, more specific ones have declined.
struct Site<'a> {
    toks: &'a [(u32, Token, u32)],
    kind: FileKind,
    /// Where the error is reported (a newline's semicolon as an empty span).
    lo: u32,
    hi: u32,
    /// The unexpected token; `None` at the end of input.
    tok: Option<&'a Token>,
    expected: &'a [String],
    /// The token as Go's message names it (`name y`, `EOF`).
    what: String,
    /// Index of the unexpected token in `toks`.
    idx: usize,
    /// The token before it.
    prev: Option<&'a Token>,
    /// The unexpected token is a semicolon (or the end of input).
    is_semi: bool,
}

impl<'a> Site<'a> {
    fn new(
        toks: &'a [(u32, Token, u32)],
        src: &str,
        base: u32,
        kind: FileKind,
        err: &'a ParseError<u32, Token, ()>,
    ) -> Site<'a> {
        let (lo, hi, tok, expected): (u32, u32, Option<&Token>, &[String]) = match err {
            ParseError::UnrecognizedToken { token, expected } => {
                (token.0, token.2, Some(&token.1), expected)
            }
            ParseError::UnrecognizedEof { expected, .. } => {
                let end = base + src.len() as u32;
                (end, end, None, expected)
            }
            ParseError::ExtraToken { token } => (token.0, token.2, Some(&token.1), &[]),
            ParseError::InvalidToken { location } => (*location, *location, None, &[]),
            ParseError::User { .. } => (base, base, None, &[]),
        };
        let text = |lo: u32, hi: u32| {
            src.get(lo.saturating_sub(base) as usize..hi.saturating_sub(base) as usize)
                .unwrap_or("")
        };
        let what = match tok {
            Some(t) => t.describe(text(lo, hi)),
            None => "EOF".to_string(),
        };
        let idx = toks.partition_point(|t| t.0 < lo);
        let prev = idx.checked_sub(1).and_then(|j| toks.get(j)).map(|t| &t.1);
        let is_semi = matches!(tok, Some(Token::Semi(_)) | None);
        // A newline's semicolon is underlined as an empty span at the end of
        // its line, not as the line break itself.
        let hi = if is_semi && tok != Some(&Token::Semi(SemiKind::Explicit)) {
            lo
        } else {
            hi.max(lo + 1)
        };
        Site {
            toks,
            kind,
            lo,
            hi,
            tok,
            expected,
            what,
            idx,
            prev,
            is_semi,
        }
    }

    fn has(&self, s: &str) -> bool {
        self.expected.iter().any(|e| e.trim_matches('"') == s)
    }

    fn err(&self, m: String) -> Diagnostic {
        Diagnostic::error(Span::new(self.lo, self.hi), m)
    }

    /// `syntax error: unexpected X, expected Y`.
    fn expected_err(&self, y: &str) -> Diagnostic {
        self.err(format!("syntax error: unexpected {}, {y}", self.what))
    }

    /// The tokens before the error, up to `idx`.
    fn before(&self) -> &'a [(u32, Token, u32)] {
        &self.toks[..self.idx.min(self.toks.len())]
    }

    fn open(&self) -> Option<usize> {
        open_bracket(self.toks, self.idx)
    }

    /// The closing bracket of the innermost open one.
    fn closer(&self, open: usize) -> &'static str {
        match self.toks[open].1 {
            Token::LParen => ")",
            Token::LBrack | Token::LBrackInst | Token::LBrackParams => "]",
            _ => "}",
        }
    }

    /// At the end of the file Go names the bracket left open.
    fn unclosed_at_eof(&self) -> Option<Diagnostic> {
        if !(self.tok.is_none() || matches!(self.tok, Some(Token::Semi(SemiKind::Eof)))) {
            return None;
        }
        let closer = self.closer(self.open()?);
        self.has(closer)
            .then(|| self.expected_err(&format!("expected {closer}")))
    }

    /// The keyword that starts the current statement, the header semicolons
    /// between it and the error, and whether the header is a range clause:
    /// for messages that name the construct.
    fn statement_keyword(&self) -> (Option<&'a Token>, usize, bool) {
        let mut semis = 0;
        let mut ranged = false;
        for (j, t) in self.level_before() {
            match t {
                // A newline ends the previous statement, unless it is the
                // token just before the error (`for x` newline `{`).
                Token::Semi(SemiKind::Newline | SemiKind::Eof) if j + 1 < self.idx => break,
                Token::Semi(_) => {
                    semis += 1;
                    // `if a {}; x y`: a block ends the previous statement.
                    if semis > 2 || j > 0 && self.toks[j - 1].1 == Token::RBrace {
                        break;
                    }
                }
                Token::Range => ranged = true,
                Token::For | Token::Case | Token::Default | Token::If | Token::Switch => {
                    return (Some(t), semis, ranged);
                }
                _ => {}
            }
        }
        (None, semis, ranged)
    }

    /// The tokens before the error at its own bracket depth, nearest first,
    /// with their indices: the walk stops at the innermost bracket left
    /// open, and bracketed groups in between are stepped over.
    fn level_before(&self) -> impl Iterator<Item = (usize, &'a Token)> {
        let toks = self.toks;
        let mut depth = 0i32;
        (0..self.before().len())
            .rev()
            .map_while(move |j| match &toks[j].1 {
                Token::RParen | Token::RBrack | Token::RBrace => {
                    depth += 1;
                    Some(None)
                }
                Token::LParen
                | Token::LBrack
                | Token::LBrackInst
                | Token::LBrackParams
                | Token::LBrace => {
                    depth -= 1;
                    (depth >= 0).then_some(None)
                }
                t => Some((depth == 0).then_some((j, t))),
            })
            .flatten()
    }

    /// Errors in an if/for/switch header, after Go's `header` and
    /// `blockStmt`, and a case clause without its colon.
    fn in_statement_header(&self) -> Option<Diagnostic> {
        let (stmt_kw, semis, ranged) = self.statement_keyword();
        if let Some(kw @ (Token::If | Token::For | Token::Switch)) = stmt_kw {
            let kw = kw.text();
            if self.tok == Some(&Token::Var) && semis == 0 {
                // Go reports it after consuming the `var`.
                let at = self.toks.get(self.idx + 1).map_or(self.hi, |t| t.0);
                return Some(Diagnostic::error(
                    Span::new(at, at + 1),
                    format!("{VAR_IN_HEADER} {kw} initializer"),
                ));
            }
            if self.prev == Some(&Token::Else) {
                return Some(self.else_err());
            }
            if !self.is_semi && (self.has("{") || kw == "for" && semis == 1) {
                let msg = if kw == "for" && ranged {
                    "expected { after for clause".to_string()
                } else if semis == 0 && self.has(";") {
                    "expected {".to_string()
                } else if kw == "for" && semis == 1 {
                    if self.tok == Some(&Token::LBrace) && matches!(self.prev, Some(Token::Semi(_)))
                    {
                        "expected for loop condition".to_string()
                    } else {
                        "expected semicolon or newline".to_string()
                    }
                } else {
                    format!("expected {{ after {kw} clause")
                };
                return Some(self.expected_err(&msg));
            }
        }
        if self.has(":") && matches!(stmt_kw, Some(Token::Case | Token::Default)) {
            return Some(self.expected_err("expected :"));
        }
        None
    }

    fn else_err(&self) -> Diagnostic {
        self.err("syntax error: else must be followed by if or statement block".into())
    }

    /// Inside an index or slice expression, or a struct or interface type.
    fn in_brackets(&self) -> Option<Diagnostic> {
        let toks = self.toks;
        let open = self.open()?;
        let before = open.checked_sub(1).map(|j| &toks[j].1);
        match (&toks[open].1, before) {
            (Token::LBrack | Token::LBrackInst | Token::LBrackParams, _) if self.has("]") => {
                // After a slice colon Go wants only the `]`.
                let colon = toks[open..self.before().len()]
                    .iter()
                    .any(|t| t.1 == Token::Colon);
                let msg = if self.has(":") && !colon {
                    "expected comma, : or ]"
                } else {
                    "expected ]"
                };
                Some(self.expected_err(msg))
            }
            (Token::LBrace, Some(Token::Struct | Token::Interface))
                if !self.is_semi && self.has(";") =>
            {
                let kind = if before == Some(&Token::Struct) {
                    "struct"
                } else {
                    "interface"
                };
                Some(self.err(format!(
                    "syntax error: unexpected {} in {kind} type; possibly missing semicolon or newline or }}",
                    self.what
                )))
            }
            _ => None,
        }
    }

    /// A missing `{` after an if/for/switch header.
    fn missing_block(&self) -> Option<Diagnostic> {
        if !(self.has("{") && (self.is_semi || !self.has(";"))) {
            return None;
        }
        for (_, t) in self.level_before() {
            match t {
                Token::If | Token::For | Token::Switch => {
                    let kw = t.text();
                    return Some(self.expected_err(&format!("expected {{ after {kw} clause")));
                }
                Token::Semi(SemiKind::Newline) | Token::Semi(SemiKind::Eof) => break,
                _ => {}
            }
        }
        None
    }

    /// Inside a list: Go names the list.
    fn in_list(&self) -> Option<Diagnostic> {
        if !self.has(",") || self.has(";") {
            return None;
        }
        let toks = self.toks;
        let open = self.open()?;
        let closer = self.closer(open);
        if !(self.has(closer) && closer != "]") {
            return None;
        }
        let list = match toks[open].1 {
            Token::LBrace => "composite literal",
            _ => {
                // `func name(` or `func(` or `) name(` (method) opens a
                // parameter list.
                let before = open.checked_sub(1).map(|j| &toks[j].1);
                let before2 = open.checked_sub(2).map(|j| &toks[j].1);
                let is_params = matches!(before, Some(Token::Func | Token::FuncDecl))
                    || matches!(before, Some(Token::Ident(_)))
                        && matches!(before2, Some(Token::FuncDecl | Token::RParen));
                if is_params {
                    "parameter list"
                } else {
                    "argument list"
                }
            }
        };
        Some(self.err(format!(
            "syntax error: unexpected {} in {list}{MISSING_COMMA} {closer}",
            self.what
        )))
    }

    /// `(...)`, `(a, b ...)`: a `...` that no parameter type follows.
    fn ddd_missing_type(&self) -> Option<Diagnostic> {
        let ends = matches!(self.tok, Some(Token::RParen | Token::Comma));
        (self.prev == Some(&Token::Ellipsis) && ends && self.has("ident"))
            .then(|| self.err("syntax error: ... is missing type".into()))
    }

    /// Where a name, an import path or an expression must come.
    fn missing_operand(&self) -> Option<Diagnostic> {
        if self.has("string") && !expects_expr(self.expected) && self.expected.len() <= 4 {
            // Go's parser takes any literal as the path, then rejects one
            // that is not a string.
            if matches!(
                self.tok,
                Some(Token::Int(_) | Token::Float(_) | Token::Imag(_) | Token::Rune(_))
            ) {
                return Some(self.err("syntax error: import path must be a string".into()));
            }
            return Some(self.err("missing import path".into()));
        }
        let decl_kw = matches!(self.prev, Some(Token::Var | Token::Const | Token::Type));
        if decl_kw && self.has("ident") {
            return Some(self.expected_err("expected name"));
        }
        if expects_expr(self.expected) && (!self.has(";") || self.prev == Some(&Token::Return)) {
            return Some(self.expected_err("expected expression"));
        }
        None
    }

    /// `a, b += 1`: after a list only `=`, `:=` or another comma may follow.
    fn after_lhs_list(&self) -> Option<Diagnostic> {
        if !matches!(
            self.tok,
            Some(Token::AssignOp(_) | Token::Inc | Token::Dec | Token::Arrow)
        ) {
            return None;
        }
        for (_, t) in self.level_before() {
            match t {
                Token::Semi(_) | Token::Colon => break,
                Token::Comma => return Some(self.expected_err("expected := or = or comma")),
                _ => {}
            }
        }
        None
    }

    /// At the top level of a Go file, a statement that does not start with
    /// a declaration keyword is Go's "non-declaration statement", wherever
    /// in it the grammar failed.
    fn outside_function(&self) -> Option<Diagnostic> {
        let open = self.open();
        if open.is_none() && self.kind != FileKind::Script {
            let start = self
                .before()
                .iter()
                .rposition(|t| matches!(t.1, Token::Semi(_)))
                .map_or(0, |j| j + 1);
            if let Some((at, t, _)) = self.toks.get(start) {
                let decl = matches!(
                    t,
                    Token::Package
                        | Token::Import
                        | Token::Var
                        | Token::Const
                        | Token::Type
                        | Token::FuncDecl
                        | Token::Semi(_)
                );
                if !decl && start < self.idx {
                    return Some(Diagnostic::error(
                        Span::new(*at, *at + 1),
                        "syntax error: non-declaration statement outside function body",
                    ));
                }
            }
        }
        let at_stmt_start = matches!(self.prev, None | Some(Token::Semi(_)) | Some(Token::LBrace));
        if at_stmt_start && !self.is_semi {
            match open.map(|o| &self.toks[o].1) {
                None if self.kind != FileKind::Script => {
                    return Some(self.err(
                        "syntax error: non-declaration statement outside function body".into(),
                    ));
                }
                Some(Token::LBrace) if self.has("}") => {
                    return Some(self.expected_err("expected }"));
                }
                _ => {}
            }
        }
        None
    }

    /// A token where a statement or declaration should have ended.
    fn statement_end(&self) -> Option<Diagnostic> {
        if !self.has(";") || self.is_semi {
            return None;
        }
        let place = if self.open().is_some() {
            "at end of statement"
        } else {
            "after top level declaration"
        };
        Some(self.err(format!("syntax error: unexpected {} {place}", self.what)))
    }

    /// Incomplete types and declarations.
    fn incomplete_type(&self) -> Option<Diagnostic> {
        if self.prev == Some(&Token::Chan) {
            return Some(self.err("syntax error: missing channel element type".into()));
        }
        let prev2 = self
            .idx
            .checked_sub(2)
            .and_then(|j| self.toks.get(j))
            .map(|t| &t.1);
        if prev2 == Some(&Token::Type) && matches!(self.prev, Some(Token::Ident(_))) {
            return Some(self.err(format!(
                "syntax error: unexpected {} in type declaration",
                self.what
            )));
        }
        if self.has(")")
            && !self.has(",")
            && self.open().is_some_and(|o| self.toks[o].1 == Token::LParen)
        {
            return Some(self.expected_err("expected )"));
        }
        if self.has("chan") && self.has("map") && self.has("struct") && !self.has("int") {
            return Some(self.expected_err("expected type"));
        }
        None
    }

    /// Otherwise: the expected set itself, when it is short enough to read.
    fn expected_set(&self) -> Diagnostic {
        let mut names: Vec<String> = self.expected.iter().map(|e| go_name(e)).collect();
        names.dedup();
        if names.len() == 2 && names.iter().any(|n| n == "(") {
            // `[` would open type parameters, which gol does not have.
            names.retain(|n| n != "[");
        }
        if !names.is_empty() && names.len() <= 3 {
            let list = match names.len() {
                1 => names[0].clone(),
                2 => format!("{} or {}", names[0], names[1]),
                _ => format!("{}, {} or {}", names[0], names[1], names[2]),
            };
            return self.expected_err(&format!("expected {list}"));
        }
        self.err(format!("syntax error: unexpected {}", self.what))
    }
}

/// Go's message for an unexpected token (or EOF) given lalrpop's expected
/// set. Mirrors the messages of `cmd/compile/internal/syntax`.
pub(super) fn syntax_error(
    toks: &[(u32, Token, u32)],
    src: &str,
    base: u32,
    kind: FileKind,
    err: &ParseError<u32, Token, ()>,
) -> Diagnostic {
    let s = Site::new(toks, src, base, kind, err);
    s.ddd_missing_type()
        .or_else(|| s.unclosed_at_eof())
        .or_else(|| s.in_statement_header())
        .or_else(|| s.in_brackets())
        .or_else(|| (s.prev == Some(&Token::Else)).then(|| s.else_err()))
        .or_else(|| s.missing_block())
        .or_else(|| s.in_list())
        .or_else(|| s.missing_operand())
        .or_else(|| s.after_lhs_list())
        .or_else(|| s.outside_function())
        .or_else(|| s.statement_end())
        .or_else(|| s.incomplete_type())
        .unwrap_or_else(|| s.expected_set())
}
