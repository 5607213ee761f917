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

/// Marks the `[` of `name[...]` as [`Token::LBrackInst`] where the token
/// after the matching `]` cannot start a type: there the brackets hold an
/// index or type arguments (`List[int]`, `m[k] = v`), never an array
/// length. Go's parser decides `a [n]T` (a parameter `a` of array type)
/// against `List[T]` (a parameter of an instantiated type) by the same
/// look past the `]`; an LR(1) grammar cannot, so the lexer's tokens carry
/// the decision. Brackets with a top-level `:` are slices and stay `[`.
pub(super) fn mark_instances(toks: &mut [(u32, Token, u32)]) {
    // The tokens inside `type ( ... )` groups, whose specs may be
    // generic aliases too.
    let mut in_type_group = vec![false; toks.len()];
    let mut k = 0;
    while k + 1 < toks.len() {
        if toks[k].1 == Token::Type && toks[k + 1].1 == Token::LParen {
            let mut nest = 0usize;
            for (j, t) in toks.iter().enumerate().skip(k + 1) {
                match t.1 {
                    Token::LParen | Token::LBrack | Token::LBrace => nest += 1,
                    Token::RParen | Token::RBrack | Token::RBrace => {
                        nest = nest.saturating_sub(1);
                        if nest == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                if nest == 1 {
                    in_type_group[j] = true;
                }
            }
        }
        k += 1;
    }
    for i in 1..toks.len() {
        if toks[i].1 != Token::LBrack || !matches!(toks[i - 1].1, Token::Ident(_)) {
            continue;
        }
        let mut nest = 0usize;
        let mut close = None;
        let mut colon = false;
        for (j, t) in toks.iter().enumerate().skip(i) {
            match t.1 {
                Token::LBrack | Token::LBrackInst | Token::LParen | Token::LBrace => nest += 1,
                Token::RBrack | Token::RParen | Token::RBrace => {
                    nest -= 1;
                    if nest == 0 {
                        close = Some(j);
                        break;
                    }
                }
                Token::Colon if nest == 1 => colon = true,
                _ => {}
            }
        }
        let Some(j) = close else { continue };
        if colon || j == i + 1 || toks[j].1 != Token::RBrack {
            continue;
        }
        let type_follows = matches!(
            toks.get(j + 1).map(|t| &t.1),
            Some(
                Token::Ident(_)
                    | Token::Func
                    | Token::Map
                    | Token::Chan
                    | Token::Struct
                    | Token::Interface
                    | Token::Star
                    | Token::LBrack
                    | Token::LParen
                    | Token::Arrow
            )
        );
        // `type A[P any] = T`: a generic alias's type parameters.
        let spec_start = i >= 2
            && (toks[i - 2].1 == Token::Type
                || (in_type_group[i - 1]
                    && matches!(toks[i - 2].1, Token::Semi(_) | Token::LParen)));
        let alias_params = spec_start && toks.get(j + 1).map(|t| &t.1) == Some(&Token::Assign);
        if !type_follows && !alias_params {
            toks[i].1 = Token::LBrackInst;
        }
    }
}
