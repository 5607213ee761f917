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
///
/// These scans run over every token of every file parsed, so token kinds
/// are tested with `matches!`: the derived `==` on [`Token`] is a call
/// per comparison, about 1M instructions of `gol run
/// examples/hello.gol`.
pub(super) fn mark_instances(toks: &mut [(u32, Token, u32)]) {
    let in_type_group = type_group_mask(toks);
    mark_type_params(toks, &in_type_group);
    for i in 1..toks.len() {
        if !matches!(toks[i].1, Token::LBrack) || !matches!(toks[i - 1].1, Token::Ident(_)) {
            continue;
        }
        let mut nest = 0usize;
        let mut close = None;
        let mut colon = false;
        for (j, t) in toks.iter().enumerate().skip(i) {
            match t.1 {
                Token::LBrack
                | Token::LBrackInst
                | Token::LBrackParams
                | Token::LParen
                | Token::LBrace => nest += 1,
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
        if colon || j == i + 1 || !matches!(toks[j].1, Token::RBrack) {
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
            && (matches!(toks[i - 2].1, Token::Type)
                || (in_type_group[i - 1]
                    && matches!(toks[i - 2].1, Token::Semi(_) | Token::LParen)));
        let alias_params =
            spec_start && matches!(toks.get(j + 1).map(|t| &t.1), Some(Token::Assign));
        // `[]G[int](x)`, `map[K]G[V](m)`, `chan G[T](c)`: a name after a
        // slice, array or map type's `]` or after `chan` is the element
        // type, so its brackets hold type arguments whatever follows
        // (a `(` there starts the conversion's operand).
        let elem_type = i >= 2 && matches!(toks[i - 2].1, Token::RBrack | Token::Chan);
        if (!type_follows || elem_type) && !alias_params {
            toks[i].1 = Token::LBrackInst;
        }
    }
}

/// The tokens directly inside `type ( ... )` groups, whose specs start
/// after a `(` or `;` there.
fn type_group_mask(toks: &[(u32, Token, u32)]) -> Vec<bool> {
    let mut in_type_group = vec![false; toks.len()];
    let mut k = 0;
    while k + 1 < toks.len() {
        if matches!(toks[k].1, Token::Type) && matches!(toks[k + 1].1, Token::LParen) {
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
    in_type_group
}

/// The index after the bracket, parenthesis or brace that closes the one
/// opened at `i`, or `None` if it is never closed.
fn skip_group(toks: &[(u32, Token, u32)], i: usize) -> Option<usize> {
    let mut nest = 0usize;
    for (j, t) in toks.iter().enumerate().skip(i) {
        match t.1 {
            Token::LBrack
            | Token::LBrackInst
            | Token::LBrackParams
            | Token::LParen
            | Token::LBrace => nest += 1,
            Token::RBrack | Token::RParen | Token::RBrace => {
                nest = nest.checked_sub(1)?;
                if nest == 0 {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Go's `isTypeElem` on tokens: whether the operand `toks` is certainly a
/// type element rather than a value: after any `*`, `(` and `<-`, a type
/// literal or `~`.
fn is_type_elem(toks: &[(u32, Token, u32)]) -> bool {
    let first = toks
        .iter()
        .find(|t| !matches!(t.1, Token::Star | Token::LParen | Token::Arrow));
    matches!(
        first.map(|t| &t.1),
        Some(
            Token::LBrack
                | Token::LBrackInst
                | Token::Struct
                | Token::Func
                | Token::Interface
                | Token::Map
                | Token::Chan
                | Token::Tilde
        )
    )
}

/// Marks the `[` after a type declaration's name as
/// [`Token::LBrackParams`] where Go's parser reads a type parameter list
/// there, not an array length. Go parses the bracket's first element as
/// an expression `x` and splits it into a name and a constraint
/// (`extractName`): `P any`, `P []E`, `P, Q` and `P *C,` are parameters
/// (a comma after `x` forces the split); `P *C` alone could be the length
/// `P * C`, and is one, unless its operand is certainly a type element
/// (`P *[]int`, `P *C | ~int`); a name alone (`[N]`) is a length. An LR(1)
/// grammar cannot look that far, so the decision is made here, on the
/// tokens up to the matching `]`.
fn mark_type_params(toks: &mut [(u32, Token, u32)], in_type_group: &[bool]) {
    for i in 2..toks.len() {
        let spec_start = matches!(toks[i - 2].1, Token::Type)
            || (in_type_group[i - 1] && matches!(toks[i - 2].1, Token::Semi(_) | Token::LParen));
        if !matches!(toks[i].1, Token::LBrack)
            || !matches!(toks[i - 1].1, Token::Ident(_))
            || !spec_start
        {
            continue;
        }
        let Some(end) = skip_group(toks, i) else {
            continue;
        };
        // The bracket's contents, and its first element (up to a comma
        // outside any inner bracket).
        let inner = &toks[i + 1..end - 1];
        let mut first_end = inner.len();
        let mut k = 0;
        while k < inner.len() {
            match inner[k].1 {
                Token::Comma => {
                    first_end = k;
                    break;
                }
                Token::LBrack
                | Token::LBrackInst
                | Token::LBrackParams
                | Token::LParen
                | Token::LBrace => {
                    k = skip_group(inner, k).unwrap_or(inner.len());
                    continue;
                }
                _ => {}
            }
            k += 1;
        }
        let first = &inner[..first_end];
        let comma = first_end < inner.len();
        if !matches!(first.first().map(|t| &t.1), Some(Token::Ident(_))) {
            continue;
        }
        let params = match first.get(1).map(|t| &t.1) {
            // `[N]`: an array length; `[P, Q any]`: parameters.
            None => comma,
            // `P []E`, `P [N]E`: index expressions are never constant, so
            // a constraint.
            Some(Token::LBrack) => true,
            // `P *x`: a product, unless a comma forces the split or `x`
            // (or a term of a union after it) is a type element.
            Some(Token::Star) => {
                let rest = &first[2..];
                let mut terms = Vec::new();
                let mut start = 0;
                let mut k = 0;
                while k < rest.len() {
                    match rest[k].1 {
                        Token::Or => {
                            terms.push(&rest[start..k]);
                            start = k + 1;
                        }
                        Token::LBrack | Token::LBrackInst | Token::LParen | Token::LBrace => {
                            k = skip_group(rest, k).unwrap_or(rest.len());
                            continue;
                        }
                        _ => {}
                    }
                    k += 1;
                }
                terms.push(&rest[start..]);
                comma || terms.iter().any(|t| is_type_elem(t))
            }
            // `P(x)`: a call, unless a comma forces the split or `x` is
            // a type element.
            Some(Token::LParen) => {
                skip_group(first, 1) == Some(first.len())
                    && (comma || is_type_elem(&first[2..first.len() - 1]))
            }
            // Tokens that continue an expression: a length (`[N + 1]`,
            // `[p.N]`, `[P | Q]`).
            Some(
                Token::Period
                | Token::Add
                | Token::Sub
                | Token::Quo
                | Token::Rem
                | Token::Amp
                | Token::Or
                | Token::Caret
                | Token::Shl
                | Token::Shr
                | Token::AndNot
                | Token::LAnd
                | Token::LOr
                | Token::Eql
                | Token::Neq
                | Token::Lss
                | Token::Leq
                | Token::Gtr
                | Token::Geq
                | Token::LBrackInst,
            ) => false,
            // Anything else ends the expression at the name, which is
            // not followed by the `]`: a parameter list (`P any`).
            Some(_) => true,
        };
        if params {
            toks[i].1 = Token::LBrackParams;
        }
    }
}
