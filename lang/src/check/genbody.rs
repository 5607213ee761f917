//! The generic check of a generic body: each generic function and method
//! of the user's packages is checked once as Go checks it, with its type
//! parameters as types of their own, whether it is instantiated or not.
//!
//! # Why
//!
//! gol compiles generic code by monomorphisation (see `generic`): each
//! instance is a copy of the declaration checked with the type arguments
//! in place. A body never instantiated is then never checked, and Go
//! refuses programs that gol would run (`func F[T any]() int { return y }`
//! with `y` undefined, `return a.String()` from a function returning
//! `int`, an unused variable). [`Checker::generic_body_operators`] finds
//! the misuses of type parameters without typing the body; this module
//! types it.
//!
//! # How
//!
//! Each type parameter becomes a fresh named type ([`Checker::fresh_tparams`])
//! whose name is the parameter's followed by [`MARK`], a character no Go
//! source or message contains, and whose underlying type is an interface:
//! the constraint's methods (from `fmt.Stringer`, `cmp.Ordered`, an inline
//! `interface{ M() }`, an embedded constraint: the checker resolves them
//! all) plus one method whose name starts with the mark twice, which no
//! other type has (so no other type converts or assigns to it). Beside
//! it the checker keeps the parameter's type set ([`FreshSet`]: the
//! constraint's terms, whether it is comparable, how Go prints it). The
//! body is then checked by the ordinary checker, once, with its
//! diagnostics captured.
//!
//! The rules that Go states through type sets ask the type set of such a
//! type, with Go's messages (`x (variable of type T constrained by
//! ~int | ~string)`): unary and binary operators and shifts (every type
//! of the set must allow the operator: [`Checker::each_type`]),
//! comparison (`==` needs a comparable constraint or comparable terms,
//! `incomparable types in type set`; `<` ordered terms, `type parameter T
//! cannot use operator <`; `nil` only where every term has it), `++`,
//! the implicit conversion and assignment of untyped values (`nil` and a
//! constant must suit every term: `cannot use nil as T value`),
//! assignability between a type parameter and an unnamed type,
//! conversions (each pair of terms, `cannot convert float64 (in T) to
//! type string`; a constant to each term, and the result no constant),
//! indexing (every term indexed alike: `~string | ~[]byte` gives a
//! byte), and the core type for range, slicing, `*p`, send, receive and
//! `append`; `len` and `cap`; a map key; and the constraint of a callee
//! or generic type given a type parameter as type argument (its terms
//! within the constraint's, its methods, comparability; an inferred one
//! with Go's `in call to G, T (type T) does not satisfy ...`). Messages
//! of these rules (`type_set_rule`) are reported, the mark taken out.
//!
//! * What the checker accepts of such a type is what Go accepts of a type
//!   parameter or less: calling the constraint's methods, passing the
//!   value on as its own type or as an interface it implements, taking
//!   its address, declaring variables of it, and what the type-set rules
//!   above allow. What it refuses but Go allows (a builtin other than
//!   those above and below) is refused, and the message is dropped: one
//!   that prints the type shows the mark, and one that does not is about
//!   an operand whose type mentions a type parameter (`about_fresh`). The operand is invalid, which silences
//!   what depends on it. A note or label naming the mark's method (`int
//!   does not implement T (missing method ...)`) drops its message too.
//! * Messages without the mark are errors of the body as Go's check sees
//!   them (an undefined name, ordinary types that do not match, a wrong
//!   number of results, the result of a constraint's method used as the
//!   wrong type) and are reported. So are the few with the mark that the
//!   representation gets exactly right, the mark taken out: a field or
//!   method that neither the type parameter (Go selects only the
//!   constraint's methods on it) nor an instance of a generic type with
//!   it as argument has, and a selector on a pointer to a type parameter
//!   (Go's wording put in).
//! * A dropped message may leave a variable unread that Go reads (`a[i]`
//!   refused before `i` is evaluated): once a message is dropped, the
//!   body's `declared and not used` are dropped too.
//! * A call of a generic function with a type parameter among the
//!   (explicit or inferred) type arguments makes no instance: the
//!   constraint is judged by the type sets (above), the callee's body is
//!   not copied; the call gets the instance's signature only
//!   ([`Checker::fresh_instance`]). The same holds for an instance of a
//!   generic type (its methods get signatures only) and for a method with
//!   type parameters of its own. Inference errors in a call whose
//!   arguments involve a type parameter are dropped (inference through a
//!   constraint's core type needs the type set the representation lacks).
//!
//! Each generic type's declaration is checked the same way, once
//! ([`Checker::check_generic_type`]): an instance with its type
//! parameters as arguments, which types its constraints and right-hand
//! side (an interface's method signatures, a field's type, the argument
//! count and constraints of the instances it names), whether the type has
//! other instances or not. Go reports those errors at the declaration,
//! with the type parameters (`P does not satisfy comparable`), never at
//! an instance: once the generic check found the declaration at fault,
//! the instances' errors inside it are dropped (`instance_rhs_errors`).
//!
//! A body the generic check found at fault is recorded in
//! `generic_body_errs`, so its instances report nothing more, as for the
//! operator walk. When the operator walk (which judges a body's
//! parameters by name, before any typing) found the body at fault, its
//! messages stand and the type-set messages of the typed check are
//! dropped, so one error is not reported twice in two wordings.
//!
//! Standard packages are not checked this way: they are known to be
//! valid, and their bodies are checked per instance for code generation.
//! (Checked this way once, gol's generic standard packages, `slices`,
//! `maps`, `cmp`, `iter`, `errors`, `sync`, `math/rand/v2`, gave no
//! message: a measure of the soundness of the rules above. Measured
//! again with the type-set rules: the 79 generic bodies of the standard
//! packages a program importing those and `sort`, `strings` reaches gave
//! none.)
//!
//! Composite literals (`T{...}` of the core type, `invalid composite
//! literal type T (no common underlying type)`), `copy`, `delete` and
//! `clear` ([`Checker::set_unders`], every type of the set as Go's
//! `typeset`), and the comparability of a struct or array with a type
//! parameter inside (`set_comparable`, for `==` and map keys) follow
//! the type sets too.
//!
//! `make` (every type a slice, map or channel of one underlying type,
//! and the size arguments of that type), calls of a type parameter
//! (through its set's one underlying type, a function: `cannot call f
//! (...): func(int) int and func(int) string have different underlying
//! types`) and `min`/`max` (every type ordered, the arguments of one
//! type) follow the type sets through [`Checker::common_under`] and
//! `each_type`, with Go's messages. So do receive, send and range
//! (channels of one element type, of directions that allow the
//! operation: `chan int | <-chan int` receives, [`Checker::chan_elem`])
//! and `close` (every type a channel, none receive-only).
//!
//! What it does not find: constraints judged against a type argument that is a type parameter
//! of a generic type's method receiver, errors in a call whose arguments
//! involve a type parameter once inference fails, and a message whose
//! only mention of a type parameter is elsewhere than at its operands.
//!
//! Why no type-parameter kind of type in the type table: the named type
//! with an interface underneath already gives the method set, identity
//! (a type parameter is identical only to itself), assignability to the
//! interfaces it implements and the message's type name, through every
//! rule unchanged; what a type set adds is asked at the dozen rules Go
//! words through type sets (each one line: `each_type`, `core_type`,
//! `set_comparable`, `set_has_nil`), the rest of the checker never
//! seeing the difference. A new kind would have to be taught to every
//! `match` on types of the checker and code generator (which never sees
//! it: instances are copies with the arguments in place) for no message
//! more.

use super::checker::{Checker, Scope};
use super::generic::{recv_tparams, tparam_names};
use crate::ast::{self, Expr, Span};
use crate::diag::Diagnostic;
use crate::types::{ids, IMethod, Interface, ObjId, ObjKind, PkgId, Type, TypeId};
use crate::FileKind;

/// Ends the name of each fresh type standing for a type parameter: a
/// message that prints one of them shows it.
const MARK: char = '\u{1}';

/// Deepest type structure [`Checker::mentions_fresh`] looks into.
const MAX_WALK: u32 = 64;

/// The type set of a fresh type standing for a type parameter, from its
/// constraint: what the operators, conversions, assignments and
/// builtins of the generic check judge a type parameter by.
#[derive(Clone, Debug, Default)]
pub(crate) struct FreshSet {
    /// The constraint as Go prints it after `constrained by`.
    pub(crate) constraint: String,
    /// The type set's terms (`~int | string`), or `None` when it has no
    /// specific types (`any`, `comparable`, methods only).
    pub(crate) terms: Option<Vec<(bool, TypeId)>>,
    /// The constraint is or embeds `comparable`.
    pub(crate) comparable: bool,
}

/// One generic body to check: its declaration and file, and its type
/// parameters (the name the body uses, the constraint, and the names the
/// constraint's own scope binds, which differ for a generic type's
/// parameters renamed by a method's receiver).
struct GenericBody<'a> {
    decl: &'a ast::FuncDecl,
    file: usize,
    /// The generic type's declared parameter names with their
    /// constraints (methods of generic types), bound to the receiver's
    /// type parameters in order.
    type_params: Vec<(String, &'a Expr)>,
}

impl<'a> Checker<'a> {
    /// Whether `t` is or contains a fresh type standing for a type
    /// parameter (through composite types and type arguments).
    pub(crate) fn mentions_fresh(&self, t: TypeId) -> bool {
        if self.fresh_tparams.is_empty() {
            return false;
        }
        let mut stack = vec![(t, 0u32)];
        while let Some((t, d)) = stack.pop() {
            if self.fresh_tparams.contains_key(&t) {
                return true;
            }
            if d > MAX_WALK {
                continue;
            }
            let d = d + 1;
            match self.tt.get(t) {
                Type::Named(_) => {
                    if let Some((_, targs)) = self.instance_of.get(&t) {
                        stack.extend(targs.iter().map(|&a| (a, d)));
                    }
                }
                Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                    stack.push((*e, d))
                }
                Type::Map(k, v) => stack.extend([(*k, d), (*v, d)]),
                Type::Struct(fs) => stack.extend(fs.iter().map(|f| (f.ty, d))),
                Type::Func(s) => stack.extend(s.params.iter().chain(&s.results).map(|&p| (p, d))),
                Type::Tuple(ts) => stack.extend(ts.iter().map(|&p| (p, d))),
                Type::Interface(i) => stack.extend(i.methods.iter().map(|m| (m.sig, d))),
                Type::Basic(..) => {}
            }
        }
        false
    }

    /// Whether `t` is a fresh type standing for a type parameter.
    pub(crate) fn is_fresh(&self, t: TypeId) -> bool {
        self.fresh_tparams.contains_key(&t)
    }

    /// Whether `ok` holds of every type of `t`'s type set: of `t` itself
    /// for an ordinary type; for a type parameter, of each term's type
    /// (never without specific types, as Go's `underIs`).
    pub(crate) fn each_type(&self, t: TypeId, ok: impl Fn(&Self, TypeId) -> bool) -> bool {
        match self.fresh_tparams.get(&t) {
            None => ok(self, t),
            Some(s) => s
                .terms
                .as_ref()
                .is_some_and(|ts| !ts.is_empty() && ts.iter().all(|&(_, u)| ok(self, u))),
        }
    }

    /// The underlying types of `t`'s type set, as Go's `typeset` yields
    /// them: `t`'s own for an ordinary type; each term's for a type
    /// parameter, or one `None` when it has no specific types.
    pub(crate) fn set_unders(&self, t: TypeId) -> Vec<Option<TypeId>> {
        self.set_types(t).into_iter().map(|(_, u)| u).collect()
    }

    /// [`Checker::set_unders`] with each type beside its underlying type:
    /// `t` itself for an ordinary type or a set without specific types,
    /// else each term's type.
    fn set_types(&self, t: TypeId) -> Vec<(TypeId, Option<TypeId>)> {
        match self.fresh_tparams.get(&t) {
            None => vec![(t, Some(self.tt.under(t)))],
            Some(s) => match s.terms.as_deref() {
                Some(ts) if !ts.is_empty() => ts
                    .iter()
                    .map(|&(_, u)| (u, Some(self.tt.under(u))))
                    .collect(),
                _ => vec![(t, None)],
            },
        }
    }

    /// The core type of `t`: its underlying type, or for a type parameter
    /// the one underlying type of all its terms (`None` if they differ or
    /// it has no specific types).
    pub(crate) fn core_type(&self, t: TypeId) -> Option<TypeId> {
        let Some(s) = self.fresh_tparams.get(&t) else {
            return Some(self.tt.under(t));
        };
        let ts = s.terms.as_ref()?;
        let first = self.tt.under(ts.first()?.1);
        ts.iter()
            .all(|&(_, u)| self.tt.identical(self.tt.under(u), first))
            .then_some(first)
    }

    /// Indexing type parameter `t` (an operand of `mode`): the key type
    /// (all maps) or `None` (no map), the element type and the result's
    /// mode, when every type of the set is indexed alike (Go's rule).
    pub(crate) fn type_param_index(
        &self,
        t: TypeId,
        mode: super::Mode,
    ) -> Option<(Option<TypeId>, TypeId, super::Mode)> {
        use super::Mode;
        let terms = self.fresh_tparams.get(&t)?.terms.as_ref()?;
        let mut out: Option<(Option<TypeId>, TypeId)> = None;
        let mut res = Mode::Variable;
        for &(_, u) in terms {
            let (k, e) = match self.tt.get(self.tt.under(u)) {
                Type::Basic(k, _) if k.is_string() => {
                    res = Mode::Value;
                    (None, ids::BYTE)
                }
                Type::Array(_, e) => {
                    if mode != Mode::Variable {
                        res = Mode::Value;
                    }
                    (None, *e)
                }
                Type::Pointer(p) => match self.tt.get(self.tt.under(*p)) {
                    Type::Array(_, e) => (None, *e),
                    _ => return None,
                },
                Type::Slice(e) => (None, *e),
                Type::Map(k, e) => (Some(*k), *e),
                _ => return None,
            };
            match out {
                None => out = Some((k, e)),
                Some((k0, e0)) => {
                    let same_key = match (k0, k) {
                        (None, None) => true,
                        (Some(a), Some(b)) => self.tt.identical(a, b),
                        _ => false,
                    };
                    if !same_key || !self.tt.identical(e0, e) {
                        return None;
                    }
                }
            }
        }
        out.map(|(k, e)| (k, e, res))
    }

    /// The one underlying type of `t`'s type set, as Go's `commonUnder`
    /// finds it: each type and its underlying type (`None` for a set
    /// without specific types) must pass `cond`, and all must share one
    /// underlying type (channels one element type, of which at most one
    /// direction: the restricted one is the result). The error is Go's
    /// cause (`no specific type`, `[]int and map[int]int have different
    /// underlying types`, `channels chan<- int and <-chan int have
    /// conflicting directions`).
    pub(crate) fn common_under(
        &self,
        t: TypeId,
        cond: impl Fn(&Self, TypeId, Option<TypeId>) -> Option<String>,
    ) -> Result<TypeId, String> {
        use crate::types::ChanDir;
        let mut common: Option<(TypeId, TypeId)> = None;
        for (ty, u) in self.set_types(t) {
            if let Some(err) = cond(self, ty, u) {
                return Err(err);
            }
            let Some(u) = u else {
                return Err("no specific type".to_string());
            };
            let Some((ct, cu)) = common else {
                common = Some((ty, u));
                continue;
            };
            if let (Type::Chan(cd, ce), Type::Chan(d, e)) = (self.tt.get(cu), self.tt.get(u)) {
                if !self.tt.identical(*ce, *e) {
                    return Err(format!(
                        "channels {} and {} have different element types",
                        self.ts(ct),
                        self.ts(ty)
                    ));
                }
                // Different directions: the restricted one is kept.
                if cd != d && *cd == ChanDir::Both {
                    common = Some((ty, u));
                } else if cd != d && *d != ChanDir::Both {
                    return Err(format!(
                        "channels {} and {} have conflicting directions",
                        self.ts(ct),
                        self.ts(ty)
                    ));
                }
                continue;
            }
            if !self.tt.identical(cu, u) {
                return Err(format!(
                    "{} and {} have different underlying types",
                    self.ts(ct),
                    self.ts(ty)
                ));
            }
        }
        Ok(common.map(|(_, u)| u).unwrap_or(ids::INVALID))
    }

    /// The element type of a channel of type `t` received from (`recv`)
    /// or sent to, as Go's `chanElem`: every type of `t`'s set a channel
    /// that allows the operation, of one element type. The error is
    /// Go's cause (`send-only channel chan<- int`, `non-channel []int`,
    /// `no specific channel type`).
    pub(crate) fn chan_elem(&self, t: TypeId, recv: bool) -> Result<TypeId, String> {
        use crate::types::ChanDir;
        let u = self.common_under(t, |c, t, u| {
            let Some(u) = u else {
                return Some("no specific channel type".to_string());
            };
            match c.tt.get(u) {
                Type::Chan(ChanDir::Send, _) if recv => {
                    Some(format!("send-only channel {}", c.ts(t)))
                }
                Type::Chan(ChanDir::Recv, _) if !recv => {
                    Some(format!("receive-only channel {}", c.ts(t)))
                }
                Type::Chan(..) => None,
                _ => Some(format!("non-channel {}", c.ts(t))),
            }
        })?;
        match self.tt.get(u) {
            Type::Chan(_, e) => Ok(*e),
            _ => Err(String::new()),
        }
    }

    /// Go's message for a receive or send (`verb`: `receive from`, `send
    /// to`) on operand `x`, which [`Checker::chan_elem`] refused with
    /// `why`: the cause after a type parameter's operand, before another's.
    pub(crate) fn chan_op_error(
        &self,
        x: &super::expr::Operand<'a>,
        verb: &str,
        why: &str,
    ) -> String {
        let d = self.operand_string(x);
        if self.is_fresh(x.ty) {
            format!("invalid operation: cannot {verb} {d}: {why}")
        } else {
            format!("invalid operation: cannot {verb} {why} {d}")
        }
    }

    /// Whether values of `t` compare with `==`: for a type parameter, its
    /// constraint is comparable or every type of its set is.
    /// A struct or array is comparable when its fields or elements are,
    /// type parameters among them judged so (`struct{ x T }` with `T any`
    /// is not).
    pub(crate) fn set_comparable(&self, t: TypeId) -> bool {
        self.set_comparable_in(t, 0)
    }

    fn set_comparable_in(&self, t: TypeId, depth: u32) -> bool {
        match self.fresh_tparams.get(&t) {
            Some(s) if s.comparable => true,
            Some(_) => self.each_type(t, |c, u| c.tt.comparable(u) && !c.tt.is_interface(u)),
            None if depth > MAX_WALK || !self.mentions_fresh(t) => self.tt.comparable(t),
            None => match self.tt.get(self.tt.under(t)) {
                Type::Struct(fs) => fs.iter().all(|f| self.set_comparable_in(f.ty, depth + 1)),
                Type::Array(_, el) => self.set_comparable_in(*el, depth + 1),
                _ => self.tt.comparable(t),
            },
        }
    }

    /// Checks the map keys that mention a type parameter among those that
    /// `typexpr` set aside since `mark` (the body's types are complete):
    /// a struct or array with a type parameter inside that is not
    /// comparable (`map[P[T]]int`) is no key, in Go's words.
    fn check_fresh_map_keys(&mut self, mark: usize) {
        if self.later_map_keys.len() <= mark {
            return;
        }
        let keys = self.later_map_keys.split_off(mark);
        for (k, span) in keys {
            if !self.mentions_fresh(k) {
                self.later_map_keys.push((k, span));
            } else if !self.set_comparable(k) {
                let s = self.ts(k);
                self.error(span, format!("invalid map key type {s}"));
            }
        }
    }

    /// Whether `nil` is a value of every type of `t`'s type set (never for
    /// a type parameter without specific types).
    pub(crate) fn set_has_nil(&self, t: TypeId) -> bool {
        self.each_type(t, |c, u| c.tt.has_nil(u))
    }

    /// The constraint of type parameter `t` as Go prints it.
    pub(crate) fn fresh_constraint(&self, t: TypeId) -> Option<&str> {
        self.fresh_tparams.get(&t).map(|s| s.constraint.as_str())
    }

    /// Whether type parameter `t`'s type set is empty (terms that
    /// intersect to nothing: `interface{ int; string }`).
    pub(crate) fn fresh_set_empty(&self, t: TypeId) -> bool {
        self.fresh_tparams
            .get(&t)
            .is_some_and(|s| s.terms.as_ref().is_some_and(|ts| ts.is_empty()))
    }

    /// Go's assignability of `x` to `t` where either is a type parameter:
    /// an untyped value must take every type of `t`'s set, a value of an
    /// unnamed type must be assignable to each of them, and a type
    /// parameter's value goes to an unnamed type every type of its set is
    /// assignable to. `None`: the ordinary rules decide (an interface
    /// target: the type parameter's methods).
    pub(crate) fn fresh_assignable(
        &self,
        x: &super::expr::Operand,
        t: TypeId,
    ) -> Option<Result<(), String>> {
        let v = x.ty;
        let has_name = |t: TypeId| matches!(self.tt.get(t), Type::Named(_) | Type::Basic(..));
        let ok = if self.is_fresh(t) {
            if self.tt.is_untyped(v) {
                self.each_type(t, |c, u| c.implicit_type(x, u).is_ok())
            } else {
                !self.is_fresh(v)
                    && !has_name(v)
                    && self.each_type(t, |c, u| c.tt.identical(c.tt.under(u), v))
            }
        } else if self.tt.is_interface(t) {
            return None;
        } else {
            !has_name(t) && self.each_type(v, |c, u| c.tt.identical(c.tt.under(u), t))
        };
        Some(if ok { Ok(()) } else { Err(String::new()) })
    }

    /// Whether type parameter `t` satisfies constraint `ct` (with terms
    /// `cterms`, printed `cs`), in Go's order: the constraint's methods,
    /// its type set (which must hold `t`'s), comparability. Reports the
    /// first failure at `span`. `inferred`: the call and the callee's
    /// type parameter that inference bound to `t`; Go's inference first
    /// asks of it the constraint's methods and core type, and words the
    /// failure its own way.
    pub(crate) fn fresh_satisfies(
        &mut self,
        t: TypeId,
        (ct, cterms, cs): (TypeId, Option<&[(bool, TypeId)]>, &str),
        span: Span,
        inferred: Option<(&str, &str)>,
    ) -> bool {
        let ts = self.ts(t);
        let cu = self.tt.under(ct);
        let Some(iface) = self.tt.interface(cu).cloned() else {
            return true;
        };
        if let Some((call, p)) = inferred {
            let core = cterms.and_then(|ts| {
                let first = self.tt.under(ts.first()?.1);
                ts.iter()
                    .all(|&(_, u)| self.tt.identical(self.tt.under(u), first))
                    .then_some(ts[0])
            });
            // Go unifies a type parameter with the core term through its
            // own core type (its set's one underlying type), which must
            // be the named term's underlying type (`~string`) or match
            // the unnamed one (`~[]E`).
            let core_fails = core.is_some_and(|(_, c)| match self.core_type(t) {
                None => true,
                Some(tc) => {
                    matches!(self.tt.get(c), Type::Named(_) | Type::Basic(..))
                        && !self.tt.identical(tc, self.tt.under(c))
                }
            });
            let cause = if iface.methods.is_empty() {
                None
            } else {
                self.missing_method_cause(t, cu, true)
            };
            if core_fails || cause.is_some() {
                let cause = cause.map(|c| format!(" {c}")).unwrap_or_default();
                let msg =
                    format!("in call to {call}, {p} (type {ts}) does not satisfy {cs}{cause}");
                self.error(span, msg);
                return false;
            }
        }
        if !iface.methods.is_empty() {
            if let Some(cause) = self.missing_method_cause(t, cu, true) {
                self.error(span, format!("{ts} does not satisfy {cs} {cause}"));
                return false;
            }
        }
        if let Some(cterms) = cterms {
            let own = self.fresh_tparams.get(&t).and_then(|s| s.terms.clone());
            let within = |(tilde, u): (bool, TypeId)| {
                cterms.iter().any(|&(ctilde, cu)| {
                    if ctilde {
                        self.tt.identical(self.tt.under(u), self.tt.under(cu))
                    } else {
                        !tilde && self.tt.identical(u, cu)
                    }
                })
            };
            let ok = own.is_some_and(|own| !own.is_empty() && own.into_iter().all(within));
            if !ok {
                self.error(span, format!("{ts} does not satisfy {cs}"));
                return false;
            }
        }
        if iface.comparable && !self.set_comparable(t) {
            self.error(span, format!("{ts} does not satisfy comparable"));
            return false;
        }
        true
    }

    /// Whether any of `ts` mentions a fresh type.
    pub(crate) fn any_fresh(&self, ts: &[TypeId]) -> bool {
        ts.iter().any(|&t| self.mentions_fresh(t))
    }

    /// The stand-in of an instance whose type arguments mention a type
    /// parameter of the body under the generic check: an object with the
    /// instance's signature (receiver included), no body, no copy of the
    /// declaration. `names` are bound to `tys` in `decl`'s package and
    /// file. `method_of_type`: a method of an instance of a generic type.
    pub(crate) fn fresh_instance(
        &mut self,
        decl: &'a ast::FuncDecl,
        (pkg, file): (PkgId, usize),
        names: &[String],
        tys: &[TypeId],
        method_of_type: bool,
    ) -> ObjId {
        let saved = self.save();
        self.pkg = pkg;
        self.file = file;
        let sc = self.plain_bindings(names, tys);
        self.scopes.push(sc);
        let recv = decl.recv.as_ref().map(|r| self.typexpr(&r.ty));
        let sig = self.func_type(&decl.ty);
        self.restore(saved);
        // A method of an instantiated type keeps its name (it is looked
        // up by it); a function's or generic method's instance is named
        // as `check_instance` names it.
        let name = if method_of_type {
            decl.name.name.clone()
        } else {
            format!("{}[...]", decl.name.name)
        };
        self.new_obj(
            &name,
            ObjKind::Func {
                recv,
                has_body: decl.body.is_some(),
            },
            sig,
            decl.name.span,
            None,
        )
    }

    /// A scope binding each of `names` to the type in `tys` (blank names
    /// left out): type names of their own, not type parameters of an
    /// instance (`tparam_objs`).
    fn plain_bindings(&mut self, names: &[String], tys: &[TypeId]) -> Scope {
        let mut sc = Scope {
            names: std::collections::HashMap::new(),
            depth: 0,
        };
        for (n, &t) in names.iter().zip(tys) {
            if n == "_" {
                continue;
            }
            let o = self.new_obj(n, ObjKind::TypeName, t, Span::default(), None);
            sc.names.insert(n.clone(), o);
        }
        sc
    }

    /// A fresh type for type parameter `name` (its underlying type is set
    /// once the constraints are known).
    fn fresh_tparam(&mut self, name: &str, span: Span) -> TypeId {
        let shown = format!("{name}{MARK}");
        let o = self.new_obj(&shown, ObjKind::TypeName, ids::INVALID, span, None);
        let t = self.tt.new_named(o, &shown, Some(self.pkg));
        self.tt.obj_mut(o).ty = t;
        self.fresh_tparams.insert(t, FreshSet::default());
        t
    }

    /// Gives fresh type `t` its underlying interface: the methods of
    /// constraint `c` (evaluated in the current scopes) and the mark's.
    fn constrain_fresh(&mut self, t: TypeId, c: &'a Expr) {
        let ct = self.constraint_typexpr(c);
        let mut methods = self
            .tt
            .interface(self.tt.under(ct))
            .map(|i| i.methods.clone())
            .unwrap_or_default();
        let name = self
            .tt
            .named(t)
            .map(|n| format!("{MARK}{MARK}{}", n.name))
            .unwrap_or_default();
        let sig = self.tt.func(Vec::new(), Vec::new(), false);
        methods.push(IMethod {
            name,
            pkg: Some(self.pkg),
            sig,
        });
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        let iface = self.tt.intern(Type::Interface(Interface {
            methods,
            comparable: false,
            alias: None,
        }));
        if let Some(n) = self.tt.named_mut(t) {
            n.underlying = iface;
        }
        let terms = self
            .expr_terms
            .get(&c.id)
            .cloned()
            .or_else(|| self.named_terms.get(&ct).cloned())
            // A constraint that is a plain type (`[T int]`) stands for
            // `interface{ int }`.
            .or_else(|| {
                (!self.tt.is_invalid(ct) && !self.tt.is_interface(ct)).then(|| vec![(false, ct)])
            });
        let comparable = self
            .tt
            .interface(self.tt.under(ct))
            .is_some_and(|i| i.comparable);
        let set = FreshSet {
            constraint: super::generic::constraint_string(c),
            terms,
            comparable,
        };
        self.fresh_tparams.insert(t, set);
    }

    /// Constrains each fresh type of `pairs` by its constraint (in the
    /// current scopes), then checks the constraints of the instances
    /// those mention (`T[U]` in `U interface{ M() T[U] }`), which needed
    /// every parameter's methods: Go verifies them later too.
    fn constrain_all_fresh(&mut self, pairs: &[(TypeId, &'a Expr)]) {
        let pend = self.pending_instances.len();
        let outer = std::mem::replace(&mut self.constraining_fresh, true);
        for &(t, c) in pairs {
            self.constrain_fresh(t, c);
        }
        self.constraining_fresh = outer;
        if outer {
            return;
        }
        for (g, targs, at, explicit) in self.pending_instances.split_off(pend) {
            self.judge_instance(g, targs, at, explicit);
        }
    }

    /// The generic bodies of the current package, each checked once with
    /// its type parameters as types (see the module doc). Runs after the
    /// package's declarations and before any instance's body.
    pub(crate) fn check_generic_bodies(&mut self) {
        let files = self.cur_pkg().files;
        if files.iter().all(|f| f.kind == FileKind::Std) {
            return;
        }
        let pkg = self.pkg;
        let mut bodies: Vec<GenericBody<'a>> = Vec::new();
        for g in self.generic_funcs.values().filter(|g| g.pkg == pkg) {
            bodies.push(GenericBody {
                decl: g.decl,
                file: g.file,
                type_params: Vec::new(),
            });
        }
        for g in self.generic_types.values().filter(|g| g.pkg == pkg) {
            let declared: Vec<(String, &'a Expr)> = tparam_names(&g.spec.tparams)
                .into_iter()
                .map(|(n, c)| (n.name.clone(), c))
                .collect();
            for m in &g.methods {
                bodies.push(GenericBody {
                    decl: m,
                    file: g.file,
                    type_params: declared.clone(),
                });
            }
        }
        for g in self.generic_methods.values() {
            if g.pkg == pkg && g.recv_targs.is_empty() && !self.generic_method_of_type(g.decl) {
                bodies.push(GenericBody {
                    decl: g.decl,
                    file: g.file,
                    type_params: Vec::new(),
                });
            }
        }
        bodies.sort_by_key(|b| b.decl.span.lo);
        bodies.dedup_by_key(|b| b.decl.span.lo);
        let mut types: Vec<ObjId> = self
            .generic_types
            .iter()
            .filter(|(_, g)| g.pkg == pkg)
            .map(|(&o, _)| o)
            .collect();
        types.sort_by_key(|o| self.generic_types[o].spec.span.lo);
        for g in types {
            self.check_generic_type(g);
        }
        for b in bodies {
            self.check_generic_body(b);
        }
    }

    /// The generic check of generic type `g`'s declaration: its
    /// constraints and its right-hand side (a method's signature in an
    /// interface, a field's type, an instance's argument count and
    /// constraints) with its type parameters as types of their own, as
    /// Go checks a declaration once whether it has instances or not.
    fn check_generic_type(&mut self, g: ObjId) {
        let gt = self.generic_types[&g].clone();
        let saved = self.save();
        self.pkg = gt.pkg;
        self.file = gt.file;
        let mark = self.diags.len();
        let keys_mark = self.later_map_keys.len();
        let params = tparam_names(&gt.spec.tparams);
        let names: Vec<String> = params.iter().map(|(n, _)| n.name.clone()).collect();
        let fresh: Vec<TypeId> = params
            .iter()
            .map(|(n, _)| self.fresh_tparam(&n.name, n.span))
            .collect();
        let sc = self.plain_bindings(&names, &fresh);
        self.scopes = vec![sc];
        let pairs: Vec<(TypeId, &'a Expr)> = fresh
            .iter()
            .zip(&params)
            .map(|(&t, &(_, c))| (t, c))
            .collect();
        self.constrain_all_fresh(&pairs);
        self.scopes.clear();
        self.instantiate_type(g, fresh, gt.spec.name.span);
        self.check_fresh_map_keys(keys_mark);
        self.restore(saved);
        let found = self.diags.split_off(mark);
        self.report_generic_check(Subject::Type(gt.spec), found, false);
        if self.generic_body_errs.contains(&gt.spec.span.lo) {
            self.drop_instance_rhs_errors(gt.spec, mark);
        }
    }

    /// Whether `decl` is a method of a generic type (checked with its
    /// type's methods).
    fn generic_method_of_type(&self, decl: &ast::FuncDecl) -> bool {
        decl.recv
            .as_ref()
            .and_then(super::generic::generic_recv_base)
            .is_some()
    }

    fn check_generic_body(&mut self, mut b: GenericBody<'a>) {
        // Blank type parameters of the receiver (`(l *List[_])`) get
        // names of their own, as in instances, so the receiver type can
        // name them.
        let blank = b.decl.recv.as_ref().is_some_and(|r| {
            !b.type_params.is_empty() && recv_tparams(r).iter().any(|n| n.name == "_")
        });
        if blank {
            let mut copy = b.decl.clone();
            if let Some(r) = copy.recv.as_mut() {
                super::generic::name_blank_recv_tparams(r);
            }
            b.decl = self.arena.alloc(copy);
        }
        let Some(body) = &b.decl.body else { return };
        let saved = self.save();
        self.file = b.file;
        let mark = self.diags.len();
        let keys_mark = self.later_map_keys.len();
        // The receiver's type parameters (named as the receiver names
        // them), then the declaration's own.
        let rnames: Vec<&ast::Ident> = match (&b.decl.recv, b.type_params.is_empty()) {
            (Some(r), false) => recv_tparams(r),
            _ => Vec::new(),
        };
        if rnames.len() != b.type_params.len() {
            // Reported where generic methods are collected.
            self.restore(saved);
            return;
        }
        let own = tparam_names(&b.decl.tparams);
        let mut body_names: Vec<String> = Vec::new();
        let mut fresh: Vec<TypeId> = Vec::new();
        for n in rnames.iter().copied().chain(own.iter().map(|(n, _)| *n)) {
            fresh.push(self.fresh_tparam(&n.name, n.span));
            body_names.push(n.name.clone());
        }
        // The generic type's constraints see its declared names; the
        // declaration's own see the receiver's and their own.
        let nr = rnames.len();
        let declared: Vec<String> = b.type_params.iter().map(|(n, _)| n.clone()).collect();
        let sc = self.plain_bindings(&declared, &fresh[..nr]);
        self.scopes = vec![sc];
        let pairs: Vec<(TypeId, &'a Expr)> = b
            .type_params
            .iter()
            .enumerate()
            .map(|(i, (_, c))| (fresh[i], *c))
            .collect();
        self.constrain_all_fresh(&pairs);
        let sc = self.plain_bindings(&body_names, &fresh);
        self.scopes = vec![sc];
        let pairs: Vec<(TypeId, &'a Expr)> = own
            .iter()
            .enumerate()
            .map(|(i, (_, c))| (fresh[nr + i], *c))
            .collect();
        self.constrain_all_fresh(&pairs);
        let recv = b.decl.recv.as_ref().map(|r| (r, self.typexpr(&r.ty)));
        let sig = self.func_type(&b.decl.ty);
        if self.tt.signature(sig).is_some() && !recv.is_some_and(|(_, t)| self.tt.is_invalid(t)) {
            self.func_body(sig, &b.decl.ty, recv, body);
        }
        self.check_fresh_map_keys(keys_mark);
        self.scopes.clear();
        self.restore(saved);
        let found = self.diags.split_off(mark);
        let walked = self.generic_body_errs.contains(&b.decl.span.lo);
        self.report_generic_check(Subject::Func(b.decl), found, walked);
    }

    /// Reports what the generic check of `decl` found, as described in
    /// the module doc.
    /// `walked`: the operator walk found the body at fault already; its
    /// messages stand for the type-set rules.
    fn report_generic_check(&mut self, decl: Subject<'a>, found: Vec<Diagnostic>, walked: bool) {
        let mut dropped = false;
        let mut kept = Vec::new();
        let mut nodes: Option<Vec<(Span, ast::NodeId)>> = None;
        for mut d in found {
            let plain = !d.message.contains(MARK);
            // A note or label naming the mark's method (`int does not
            // implement T (missing method ...)`) is about the
            // representation; one that prints a type parameter among
            // computed types (`have (T, int)`) is Go's.
            let dummy = format!("{MARK}{MARK}");
            let texts = || {
                d.notes
                    .iter()
                    .chain(std::iter::once(&d.primary.message))
                    .chain(d.secondary.iter().map(|l| &l.message))
                    .chain(std::iter::once(&d.message))
            };
            if texts().any(|t| t.contains(&dummy)) {
                dropped = true;
                continue;
            }
            for n in d.notes.iter_mut() {
                *n = n.replace(MARK, "");
            }
            for l in std::iter::once(&mut d.primary).chain(d.secondary.iter_mut()) {
                l.message = l.message.replace(MARK, "");
            }
            if !plain && walked && type_set_rule(&d.message) {
                dropped = true;
                continue;
            }
            match faithful(&d.message) {
                Some(_)
                    if plain
                        && !sound_plain(&d.message)
                        && self.about_fresh(decl, &mut nodes, d.primary.span) =>
                {
                    dropped = true
                }
                Some(m) => {
                    d.message = m;
                    kept.push(d);
                }
                None => dropped = true,
            }
        }
        let dspan = decl.span();
        let within = |s: Span| dspan.lo <= s.lo && s.hi <= dspan.hi;
        let mut at_fault = false;
        for d in kept {
            let span = d.primary.span;
            if dropped && within(span) && d.message.starts_with("declared and not used: ") {
                continue;
            }
            let seen = self
                .diags
                .iter()
                .any(|e| e.primary.span.lo == span.lo && e.message == d.message);
            if seen {
                continue;
            }
            at_fault |= within(span);
            self.push_diag(d);
        }
        if at_fault {
            self.generic_body_errs.insert(dspan.lo);
        }
    }

    /// Whether a diagnostic at `span` inside `decl` is about an operand
    /// of a type parameter although its message does not print the type
    /// (`operator < not defined on interface`, `cannot make S`): the
    /// expression at exactly `span` has a type that mentions one, or no
    /// expression there has a type and one inside it does. An expression
    /// of an ordinary type at `span` (`a.String()` returned as an `int`)
    /// is the error's subject, whatever its operands are. `nodes` caches
    /// the declaration's expressions.
    fn about_fresh(
        &self,
        decl: Subject<'_>,
        nodes: &mut Option<Vec<(Span, ast::NodeId)>>,
        span: Span,
    ) -> bool {
        let dspan = decl.span();
        if !(dspan.lo <= span.lo && span.hi <= dspan.hi) {
            return false;
        }
        let nodes = nodes.get_or_insert_with(|| decl.exprs());
        let ty = |id: &ast::NodeId| self.info.type_of(*id);
        let mut exact = nodes
            .iter()
            .filter(|(s, _)| *s == span)
            .filter_map(|(_, id)| ty(id));
        let mut exact_typed = false;
        for t in exact.by_ref() {
            if self.mentions_fresh(t) {
                return true;
            }
            exact_typed = true;
        }
        if exact_typed {
            return false;
        }
        // The operands: the largest expressions inside `span` (an
        // operand's own parts are not what the message is about).
        let inside: Vec<&(Span, ast::NodeId)> = nodes
            .iter()
            .filter(|(s, _)| span.lo <= s.lo && s.hi <= span.hi && *s != span)
            .collect();
        let outer = |s: Span| {
            !inside
                .iter()
                .any(|(o, _)| *o != s && o.lo <= s.lo && s.hi <= o.hi)
        };
        inside
            .iter()
            .filter(|(s, _)| outer(*s))
            .filter_map(|(_, id)| ty(id))
            .any(|t| self.mentions_fresh(t))
    }

    /// Inference errors of a call in a body under the generic check whose
    /// arguments involve a type parameter: dropped (see the module doc).
    /// `mark` is the number of diagnostics before the inference.
    /// `fresh_targs`: the explicit type arguments mention one.
    pub(crate) fn drop_fresh_inference(&mut self, mark: usize, args: &[Expr], fresh_targs: bool) {
        if self.fresh_tparams.is_empty() || self.diags.len() <= mark {
            return;
        }
        let types: Vec<Option<TypeId>> = args.iter().map(|a| self.info.type_of(a.id)).collect();
        // An argument with an error of its own keeps it.
        if types
            .iter()
            .any(|t| t.is_none_or(|t| self.tt.is_invalid(t)))
        {
            return;
        }
        let fresh = fresh_targs || types.iter().flatten().any(|&t| self.mentions_fresh(t));
        if fresh {
            self.diags.truncate(mark);
        }
    }
}

/// The message to report for a diagnostic of the generic check, or
/// `None` for one that only the representation of type parameters caused.
fn faithful(msg: &str) -> Option<String> {
    if !msg.contains(MARK) {
        return Some(msg.to_string());
    }
    if msg.lines().count() != 1 {
        return None;
    }
    if type_set_rule(msg) {
        return Some(msg.replace(MARK, ""));
    }
    // `x.f undefined (type T has no field or method f)`, with T a type
    // parameter (whose selectable names are its constraint's methods) or
    // an instance of a generic type (whose fields and methods are its
    // generic type's); or a pointer to a type parameter.
    let (_, why) = msg.split_once(" undefined (type ")?;
    if let Some((ty, _)) = why.split_once(" is pointer to interface, not interface)") {
        let base = ty.strip_prefix('*')?;
        if !plain_fresh(base) {
            return None;
        }
        let msg = msg.replace(
            " is pointer to interface, not interface)",
            " is pointer to type parameter, not type parameter)",
        );
        return Some(msg.replace(MARK, ""));
    }
    let (ty, _) = why.split_once(" has no field or method ")?;
    let base = ty.strip_prefix('*').unwrap_or(ty);
    // A pointer to a type parameter has its own message (above).
    let fresh_base = plain_fresh(base);
    if fresh_base && base.len() != ty.len() {
        return None;
    }
    if !fresh_base && !instance_of_fresh(base) {
        return None;
    }
    Some(msg.replace(MARK, ""))
}

/// Whether a message that prints a type parameter comes from a rule that
/// judges it by its type set (operators, comparison, assignment,
/// conversion, indexing, slicing, range, `len` and `cap`, map keys,
/// constraint satisfaction), as Go does.
fn type_set_rule(msg: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "cannot use ",
        "cannot convert ",
        "cannot index ",
        "cannot slice ",
        "cannot range over ",
        "invalid map key type ",
        "invalid copy: ",
        "invalid composite literal ",
        "invalid argument: cannot clear ",
        "invalid operation: cannot call ",
        "invalid operation: cannot receive from ",
        "invalid operation: cannot send to ",
        "invalid operation: cannot close ",
        "invalid argument: index ",
    ];
    const PARTS: &[&str] = &[
        " does not satisfy ",
        " (mismatched types ",
        " (incomparable types in type set)",
        " cannot be compared)",
        " cannot use operator ",
        " (non-numeric type ",
        "invalid operation: shifted operand ",
        "invalid operation: shift count ",
        " is not a map",
        " must have identical key types",
        " in struct literal of type ",
        " cannot be ordered",
    ];
    let operator =
        msg.starts_with("invalid operation: operator ") && msg.contains(" not defined on ");
    let builtin = msg.starts_with("invalid argument: ")
        && (msg.ends_with(" for built-in len") || msg.ends_with(" for built-in cap"));
    // `min`/`max`: arguments of different types.
    let min_max = msg.starts_with("invalid argument: mismatched types ")
        && msg.contains(" (previous argument) and ");
    operator
        || builtin
        || min_max
        || PREFIXES.iter().any(|p| msg.starts_with(p))
        || PARTS.iter().any(|p| msg.contains(p))
}

/// Plain messages whose rule holds for a type parameter's operand as Go
/// sees it (reported even at such an operand).
fn sound_plain(msg: &str) -> bool {
    msg == "invalid operation: division by zero"
        || msg.ends_with(" (incomparable types in type set)")
        // `make` judges a type parameter by its type set.
        || msg.starts_with("invalid argument: cannot make ")
        || (msg.starts_with("invalid operation: make(") && msg.contains(" expects "))
        // The count of a generic type's arguments, whatever they are.
        || msg.starts_with("not enough type arguments for type ")
        || msg.starts_with("too many type arguments for type ")
}

/// `T` followed by the mark: a type parameter itself.
fn plain_fresh(s: &str) -> bool {
    s.strip_suffix(MARK)
        .is_some_and(|n| !n.is_empty() && !n.contains(MARK) && !n.contains(['[', '*', ' ']))
}

/// `List[T]`, `pkg.Pair[K, int]`: an instance of a generic type.
fn instance_of_fresh(s: &str) -> bool {
    let Some(open) = s.find('[') else {
        return false;
    };
    let name = &s[..open];
    !name.is_empty() && !name.contains(MARK) && s.ends_with(']')
}

/// A declaration under the generic check: a generic function or method,
/// or a generic type.
#[derive(Clone, Copy)]
enum Subject<'a> {
    Func(&'a ast::FuncDecl),
    Type(&'a ast::TypeSpec),
}

impl Subject<'_> {
    fn span(self) -> Span {
        match self {
            Subject::Func(d) => d.span,
            Subject::Type(s) => s.span,
        }
    }

    /// Every expression of the declaration (a function's receiver,
    /// signature and body; a type's constraints and right-hand side;
    /// type expressions included) with its span.
    fn exprs(self) -> Vec<(Span, ast::NodeId)> {
        struct Exprs(Vec<(Span, ast::NodeId)>);
        impl crate::walk::Visitor for Exprs {
            const TYPES: bool = true;
            fn expr(&mut self, e: &Expr) {
                self.0.push((e.span, e.id));
            }
        }
        let mut v = Exprs(Vec::new());
        match self {
            Subject::Func(decl) => {
                if let Some(r) = &decl.recv {
                    crate::walk::expr(&mut v, &r.ty, 0);
                }
                for p in decl.ty.params.iter().chain(&decl.ty.results) {
                    crate::walk::expr(&mut v, &p.ty, 0);
                }
                if let Some(b) = &decl.body {
                    crate::walk::block(&mut v, b, 0);
                }
            }
            Subject::Type(spec) => {
                for p in &spec.tparams {
                    crate::walk::expr(&mut v, &p.constraint, 0);
                }
                crate::walk::expr(&mut v, &spec.ty, 0);
            }
        }
        v.0
    }
}
