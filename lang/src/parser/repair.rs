//! Repairs: after a syntax error that Go's parser steps over (a missing
//! comma in a multi-line list, `var` in a statement header), the token
//! stream is fixed and parsed again, so the rest of the file reports what
//! its author meant rather than a cascade. Also the scan for generic type
//! parameter lists, which gol reports before parsing because the grammar
//! has no syntax for them.

use super::syntax_error::{MISSING_COMMA, VAR_IN_HEADER};
use super::*;

/// A token-level repair after a syntax error, so that the rest of the file
/// parses as its author meant (see [`parse`]).
pub(super) enum Fix {
    /// Supply a comma before the token at this position (a newline's
    /// semicolon becomes the comma).
    Comma(u32),
    /// Drop the token at this position.
    Delete(u32),
}

impl Fix {
    pub(super) fn pos(&self) -> u32 {
        match self {
            Fix::Comma(p) | Fix::Delete(p) => *p,
        }
    }

    pub(super) fn apply(&self, toks: &mut Vec<(u32, Token, u32)>) {
        let i = toks.partition_point(|x| x.0 < self.pos());
        match self {
            Fix::Comma(p) => match toks.get_mut(i) {
                Some((_, tok @ Token::Semi(SemiKind::Newline), _)) => *tok = Token::Comma,
                _ => toks.insert(i, (*p, Token::Comma, *p)),
            },
            Fix::Delete(p) => {
                if toks.get(i).is_some_and(|t| t.0 == *p) {
                    toks.remove(i);
                }
            }
        }
    }
}

/// The repair for a syntax error, when Go's parser would carry on as if
/// the mistake were not there: a missing comma in a list, `var` in a
/// statement header. (A function body's `{` on the next line parses as a
/// top-level block, which the file assembly turns back into the body.)
pub(super) fn repair(d: &Diagnostic, toks: &[(u32, Token, u32)]) -> Option<Fix> {
    let pos = d.primary.span.lo;
    let i = toks.partition_point(|t| t.0 < pos);
    if d.message.contains(MISSING_COMMA) {
        let closer = matches!(
            toks.get(i),
            Some((_, Token::RParen | Token::RBrack | Token::RBrace, _)) | None
        );
        return (!closer).then_some(Fix::Comma(pos));
    }
    if d.message.starts_with(VAR_IN_HEADER) {
        // Reported at the token after `var`.
        let v = i.checked_sub(1)?;
        return (toks[v].1 == Token::Var).then_some(Fix::Delete(toks[v].0));
    }
    None
}

/// The type parameter lists of generic declarations (`func f[T any]`,
/// `type L[T any] ...`, also in `type ( ... )` groups), found on the tokens
/// before parsing. gol leaves generics out; the grammar has no syntax for
/// instantiations (`List[T]`) or most constraints, so without this scan a
/// generic program gets whatever syntax error comes first, somewhere else.
/// `type A [N]int` and `type A [P *C]int` are arrays, as Go reads them.
pub(super) fn type_param_lists(toks: &[(u32, Token, u32)]) -> Vec<Span> {
    let tok = |i: usize| toks.get(i).map(|t| &t.1);
    // Whether the `[` at i opens a type parameter list of a type declaration.
    let type_params_at = |i: usize| {
        matches!(tok(i + 1), Some(Token::Ident(_)))
            && matches!(
                tok(i + 2),
                Some(
                    Token::Ident(_)
                        | Token::Comma
                        | Token::Interface
                        | Token::Func
                        | Token::Map
                        | Token::Chan
                        | Token::Struct
                        | Token::Tilde
                        | Token::LBrack
                )
            )
    };
    // The span from the `[` at i to its `]`.
    let list = |i: usize| {
        let mut nest = 0usize;
        for (_, t, hi) in &toks[i..] {
            match t {
                Token::LBrack => nest += 1,
                Token::RBrack => {
                    nest -= 1;
                    if nest == 0 {
                        return Span::new(toks[i].0, *hi);
                    }
                }
                _ => {}
            }
        }
        Span::new(toks[i].0, toks[i].2)
    };
    let mut out = Vec::new();
    let mut braces = 0i64;
    // Parenthesis nesting inside a `type ( ... )` group at top level.
    let mut group: Option<usize> = None;
    for i in 0..toks.len() {
        match tok(i) {
            Some(Token::LBrace) => braces += 1,
            Some(Token::RBrace) => braces -= 1,
            _ => {}
        }
        if braces != 0 {
            continue;
        }
        let name_bracket = matches!(tok(i + 1), Some(Token::Ident(_)))
            && matches!(tok(i + 2), Some(Token::LBrack));
        match tok(i) {
            Some(Token::Func | Token::FuncDecl) if name_bracket => out.push(list(i + 2)),
            Some(Token::Type) if name_bracket && type_params_at(i + 2) => out.push(list(i + 2)),
            Some(Token::Type) if matches!(tok(i + 1), Some(Token::LParen)) => group = Some(0),
            Some(Token::LParen) if group.is_some() => group = group.map(|n| n + 1),
            Some(Token::RParen) if group.is_some() => {
                group = group.and_then(|n| n.checked_sub(1)).filter(|&n| n > 0);
            }
            _ => {}
        }
        // A spec of a type group starts after its `(` or a `;`.
        let spec_start = group == Some(1) && matches!(tok(i), Some(Token::LParen | Token::Semi(_)));
        if spec_start && name_bracket && type_params_at(i + 2) {
            out.push(list(i + 2));
        }
    }
    out
}
