//! Compiling one function body: statements and expressions to register
//! code.
//!
//! Expressions compile with a *destination*: [`FnGen::expr_to`] writes the
//! value's words to the slots given; [`FnGen::operand`] returns a slot that
//! holds the value, which is the variable's own slot for an unboxed local
//! (no copy) and a fresh temporary otherwise. Assignment to a local
//! compiles into a temporary and then *retargets* the last instruction to
//! the local when that is safe (a single instruction that reads its
//! operands before writing), so `x = a + b` is one `AddInt x, a, b` while
//! `a, b = b, a` and `b = a && b` stay correct.
//!
//! Jumps are emitted with a placeholder and patched when the label is
//! bound; `break`/`continue` find their loop on a stack of loop contexts.
//!
//! Arrays held in slots are indexed with `SlotIndex`/`SlotStore`; arrays in
//! the heap (boxed variables, globals, through pointers) through
//! `ElemAddr`. An element or field of an array that lives in slots but is
//! not a plain local (`a[i][j] = v`, `cells[i].f = v`) is updated by
//! copying the enclosing value, changing the copy and storing it back.
//!
//! A value larger than [`MAX_STACK_VAR_BYTES`] (Go's 10 MB rule for
//! stack variables) is kept out of slots wherever memory can hold it: a
//! local of such a type is boxed like an escaped one (declared by a `New`,
//! which is zeroed already), and definitions, assignments, conversions to
//! interfaces, composite literals and range loops move it memory to
//! memory (`CopyValue`, `BoxValue`, [`FnGen::huge_addr`]), nil-checking
//! each source before anything is allocated or copied. What still passes
//! through slots (arguments, results, some temporaries) is bounded by the
//! frame limit, [`MAX_FRAME_BYTES`], a compile error past it.
//!
//! Promoted methods, method values, method expressions and deferred
//! builtins each compile to a small synthetic function (`Body::Promoted`,
//! `Body::MethodValue`, `Body::DeferBuiltin`): method tables, closures and
//! `defer` then see ordinary functions. Tuple assignments follow Go's two
//! phases ([`Dest`]): index and indirection operands first, then the right
//! sides, then the stores.

use super::{Body, Gen};
use crate::ast::{self, BinaryOp, Expr, ExprKind, Span, Stmt, StmtKind, UnaryOp};
use crate::basic::BasicKind;
use crate::bytecode::MAP_ITER_WORDS as ITER_WORDS;
use crate::bytecode::{
    Fault, FuncId, Function, MathFn, Off, Op, Pc, PrintKind, Reg, RtType, TypeKind, Width,
};
use crate::check::{CallKind, Mode, SelectionKind};
use crate::constant::Value;
use crate::types::{ids, Builtin, ObjId, ObjKind, Type, TypeId, VarKind};
use std::collections::HashMap;

/// Where a variable lives.
#[derive(Clone, Copy, Debug)]
struct Var {
    /// Its slot, or the slot holding its box's address.
    reg: Reg,
    boxed: bool,
    ty: TypeId,
}

struct Loop {
    label: Option<String>,
    breaks: Vec<usize>,
    continues: Vec<usize>,
    /// The continue target when already known (`None`: patch later).
    cont: Option<Pc>,
    /// Switches accept `break` but not `continue`.
    is_switch: bool,
}

pub(super) struct FnGen<'g, 'a> {
    g: &'g mut Gen<'a>,
    code: Vec<Op>,
    lines: Vec<u32>,
    line: u32,
    file: u32,
    top: u32,
    max: u32,
    vars: HashMap<ObjId, Var>,
    /// Captured variables of a closure: word offset in the closure object.
    captures: HashMap<ObjId, (u32, TypeId)>,
    loops: Vec<Loop>,
    /// The pc at which a label was last bound (no retargeting across it).
    label_at: usize,
    /// Named results (slots, in order) and all result types.
    named_results: Vec<Var>,
    results: Vec<TypeId>,
    /// The next closure literal number (`main.f.func1`).
    lit_count: u32,
    name: String,
    pending_label: Option<String>,
    /// Whether the body contains a `defer`.
    has_defer: bool,
    /// The next wrapper numbers of deferred and go'd builtins
    /// (`main.f.deferwrap1`, `main.f.gowrap1`), counted apart as Go does.
    wrap_counts: [u32; 2],
    recover_pc: u32,
    /// `fallthrough` jumps of the switch clause being compiled.
    fallthroughs: Vec<usize>,
    /// Go's size in bytes of the parameters and results (Go's limit on
    /// them is checked with Go's sizes).
    go_arg_bytes: u64,
}

const MAX_DEPTH: u32 = 1000;

/// The largest local variable kept in slots: a larger one lives in the
/// heap as an escaped variable does. Go's rule (cmd/compile's
/// `maxStackVarSize`, 10 MB), counted in gol's words since what it
/// protects is gol's goroutine stack: each slot is 8 bytes, whatever the
/// Go size of the value in it. Values above it are never built in slots
/// where a heap location can take them instead (see
/// [`FnGen::huge_addr`]); zeroing one is a fresh object's allocation,
/// which the heap hands out zeroed.
const MAX_STACK_VAR_BYTES: u64 = 10 << 20;

/// Go's limit on a function's stack frame (`stack frame too large
/// (>1GB)`): a frame of more slots than this could never be pushed.
const MAX_FRAME_BYTES: u64 = 1 << 30;

impl<'g, 'a> FnGen<'g, 'a> {
    pub(super) fn compile(g: &'g mut Gen<'a>, id: FuncId, body: Body<'a>) -> Function {
        let name = g.out.funcs[id.0 as usize].name.clone();
        let mut f = FnGen {
            g,
            code: Vec::new(),
            lines: Vec::new(),
            line: 0,
            file: 0,
            top: 0,
            max: 0,
            vars: HashMap::new(),
            captures: HashMap::new(),
            loops: Vec::new(),
            label_at: usize::MAX,
            named_results: Vec::new(),
            results: Vec::new(),
            lit_count: 0,
            name: name.clone(),
            pending_label: None,
            has_defer: false,
            wrap_counts: [0, 0],
            recover_pc: 0,
            fallthroughs: Vec::new(),
            go_arg_bytes: 0,
        };
        // Where a frame too large is reported: the function's name, as Go.
        let at = match body {
            Body::Decl(fd) => fd.name.span,
            Body::Lit(e, ..) => e.span,
            _ => Span::default(),
        };
        let (pw, rw) = match body {
            Body::Entry => {
                let b = f.alloc(0);
                f.emit(Op::Call {
                    f: f.g.static_funcs_init,
                    base: b,
                });
                for &init in &f.g.pkg_inits.clone() {
                    let b = f.alloc(0);
                    f.emit(Op::Call { f: init, base: b });
                }
                let main = f.g.prog.main;
                if let Some(m) = f.g.func_id(main, Span::default()) {
                    let b = f.alloc(0);
                    f.emit(Op::Call { f: m, base: b });
                }
                f.emit(Op::Return { a: Reg(0), n: 0 });
                (0, 0)
            }
            Body::Script(pi) => {
                let pkg = &f.g.prog.packages[pi];
                if let Some(sm) = &pkg.script_main {
                    let file = &pkg.files[sm.file].ast;
                    for &i in &sm.items {
                        match file.items.get(i) {
                            Some(ast::Item::Stmt(s)) => {
                                f.set_pos(s.span.lo);
                                f.stmt(s, 0);
                            }
                            Some(ast::Item::Decl(d @ ast::Decl::Var(g))) => {
                                f.set_pos(g.span.lo);
                                f.local_decl(d);
                            }
                            _ => {}
                        }
                    }
                }
                f.epilogue();
                (0, 0)
            }
            Body::PkgInit(i) => {
                f.pkg_init(i);
                (0, 0)
            }
            Body::Native(n) => {
                let d = f.g.out.natives[n.0 as usize].clone();
                f.top = d.param_words.max(d.result_words);
                f.max = f.top;
                f.emit(Op::CallNative { f: n, base: Reg(0) });
                f.emit(Op::Return {
                    a: Reg(0),
                    n: d.result_words,
                });
                (d.param_words, d.result_words)
            }
            Body::Decl(fd) => {
                f.set_pos(fd.span.lo);
                let recv: Vec<&ast::Param> = fd.recv.iter().collect();
                let (pw, rw) = f.prologue(&recv, &fd.ty);
                if let Some(b) = &fd.body {
                    f.block(b);
                    f.set_pos(b.rbrace().lo);
                }
                f.epilogue();
                (pw, rw)
            }
            Body::DeferBuiltin(i) => {
                let (b, types, pos) = f.g.deferred_builtins[i].clone();
                f.set_pos(pos);
                f.defer_builtin_body(b, &types)
            }
            Body::MethodValue(i) => {
                let (rt, p) = f.g.method_values[i].clone();
                f.method_value_body(rt, &p)
            }
            Body::Promoted(i) => {
                let p = f.g.promoted[i].clone();
                f.promoted_body(&p)
            }
            Body::Lit(e, ty, b) => {
                f.set_pos(e.span.lo);
                // Captures: computed by the enclosing function, stored on the Gen.
                if let Some(caps) = f.g.lit_captures.get(&e.id).cloned() {
                    for (i, o) in caps.iter().enumerate() {
                        let t = f.g.tt.obj(*o).ty;
                        f.captures.insert(*o, (1 + i as u32, t));
                    }
                }
                let (pw, rw) = f.prologue(&[], ty);
                f.block(b);
                f.set_pos(b.rbrace().lo);
                f.epilogue();
                (pw, rw)
            }
        };
        let frame = f.max.max(pw).max(rw);
        if f.go_arg_bytes > MAX_FRAME_BYTES {
            // Go refuses this signature itself: its message, with Go's
            // sizes of the arguments and results.
            f.g.error(
                at,
                format!(
                    "stack frame too large (>1GB): 0 MB locals + {} MB args",
                    f.go_arg_bytes >> 20
                ),
            );
        } else if frame as u64 * 8 > MAX_FRAME_BYTES {
            // Go would run it; gol's slots hold a byte in 8 bytes, and
            // arguments, results and some temporaries of large arrays
            // and structs are still values in slots.
            f.g.error(
                at,
                format!(
                    "gol cannot compile a function whose frame needs {} MB yet \
                     (a frame holds at most 1 GB: pass large arrays and structs by pointer)",
                    (frame as u64 * 8) >> 20
                ),
            );
        }
        Function {
            name,
            code: f.code,
            lines: f.lines,
            file: f.file,
            param_words: pw,
            result_words: rw,
            frame_words: frame,
            recover_pc: f.recover_pc,
        }
    }

    // ----- emission helpers -----

    fn set_pos(&mut self, pos: u32) {
        self.line = self.g.line(pos);
        self.file = self.g.file_index(pos);
    }

    /// `d = p[i]` for `p` a pointer to an array of `len` elements of `ew`
    /// words, with Go's bounds check; `tmp` receives the element's address
    /// (it may be `p`).
    fn load_array_elem(&mut self, d: Reg, tmp: Reg, p: Reg, i: Reg, ew: u32, len: u32) {
        self.emit(Op::ElemAddr {
            d: tmp,
            a: p,
            i,
            ew,
            len,
        });
        self.emit(Op::Load {
            d,
            a: tmp,
            off: Off(0),
            n: ew,
        });
    }

    fn emit(&mut self, op: Op) -> usize {
        let op = match op {
            Op::MoveN { d, a, n: 1 } => Op::Move { d, a },
            op => op,
        };
        if let Op::MoveN { n: 0, .. } | Op::Zero { n: 0, .. } = op {
            return self.code.len().saturating_sub(1);
        }
        if let Op::MoveN { d, a, .. } | Op::Move { d, a } = op {
            if d == a {
                return self.code.len().saturating_sub(1);
            }
        }
        self.code.push(op);
        self.lines.push(self.line);
        self.code.len() - 1
    }

    fn pc(&self) -> Pc {
        Pc(self.code.len() as u32)
    }

    /// Binds a label here and patches the jumps at `sites` to it.
    /// Opens a loop (or a switch, which takes `break` but not `continue`)
    /// for the branch statements of its body.
    fn push_loop(&mut self, label: Option<String>, is_switch: bool) {
        self.loops.push(Loop {
            label,
            breaks: Vec::new(),
            continues: Vec::new(),
            cont: None,
            is_switch,
        });
    }

    fn patch_here(&mut self, sites: &[usize]) {
        let to = self.pc();
        for &s in sites {
            self.patch(s, to);
        }
        self.label_at = self.code.len();
    }

    fn patch(&mut self, site: usize, to: Pc) {
        match &mut self.code[site] {
            Op::Jump { to: t } | Op::JumpIf { to: t, .. } | Op::JumpIfNot { to: t, .. } => *t = to,
            Op::Loop { to: t } => *t = to,
            Op::JumpIfEq { to: t, .. }
            | Op::JumpIfNe { to: t, .. }
            | Op::JumpIfLtInt { to: t, .. }
            | Op::JumpIfLeInt { to: t, .. }
            | Op::JumpIfLtUint { to: t, .. }
            | Op::JumpIfLeUint { to: t, .. }
            | Op::JumpIfEqImm { to: t, .. }
            | Op::JumpIfNeImm { to: t, .. }
            | Op::JumpIfLtIntImm { to: t, .. }
            | Op::JumpIfLeIntImm { to: t, .. }
            | Op::JumpIfGtIntImm { to: t, .. }
            | Op::JumpIfGeIntImm { to: t, .. }
            | Op::IncJumpIfLtInt { to: t, .. }
            | Op::IncJumpIfLeInt { to: t, .. }
            | Op::IncJumpIfLtIntImm { to: t, .. }
            | Op::IncJumpIfLeIntImm { to: t, .. } => *t = to,
            _ => {}
        }
    }

    /// Patches the jumps at `sites` to the earlier pc `to` (a loop's
    /// bottom test): an unconditional `Jump` becomes a `Loop`, so every
    /// backward jump spends budget (conditional ones do when taken).
    fn patch_back(&mut self, sites: &[usize], to: Pc) {
        for &s in sites {
            if let Op::Jump { .. } = self.code[s] {
                self.code[s] = Op::Loop { to };
            }
            self.patch(s, to);
        }
    }

    /// Compiles condition `e` as jumps: returns the sites (to patch) of the
    /// jumps taken when `e` evaluates to `want`; otherwise control falls
    /// through. `&&`, `||` and `!` become control flow, and integer
    /// comparisons fuse with their branch (with an immediate for a small
    /// constant), so no boolean is materialised.
    fn cond_jump(&mut self, e: &'a Expr, want: bool, depth: u32) -> Vec<usize> {
        let mark = self.top;
        // Past MAX_DEPTH the rest of the condition is a value (the general
        // path below), which bounds this function's recursion.
        let shallow = depth <= MAX_DEPTH;
        if let Some(v) = self.const_value(e) {
            if matches!(v, Value::Bool(b) if *b == want) {
                return vec![self.emit(Op::Jump { to: Pc(0) })];
            }
            if matches!(v, Value::Bool(_)) {
                return Vec::new();
            }
        }
        match &e.kind {
            _ if !shallow => {}
            ExprKind::Paren(x) => return self.cond_jump(x, want, depth + 1),
            ExprKind::Unary(UnaryOp::Not, x) => return self.cond_jump(x, !want, depth + 1),
            ExprKind::Binary(op @ (BinaryOp::LAnd | BinaryOp::LOr), a, b) => {
                // `a && b` is true when both are; `a || b` when either is.
                let and = *op == BinaryOp::LAnd;
                if and == want {
                    // Needs both: a short-circuits past b.
                    let skip = self.cond_jump(a, !want, depth + 1);
                    let sites = self.cond_jump(b, want, depth + 1);
                    self.patch_here(&skip);
                    return sites;
                }
                let mut sites = self.cond_jump(a, want, depth + 1);
                sites.extend(self.cond_jump(b, want, depth + 1));
                return sites;
            }
            ExprKind::Binary(op, a, b) if op.is_comparison() => {
                if let Some(site) = self.fused_compare(*op, a, b, want) {
                    self.top = mark;
                    return vec![site];
                }
            }
            _ => {}
        }
        let r = self.operand(e);
        let site = if want {
            self.emit(Op::JumpIf { a: r, to: Pc(0) })
        } else {
            self.emit(Op::JumpIfNot { a: r, to: Pc(0) })
        };
        self.top = mark;
        vec![site]
    }

    /// `if a op b == want { goto ? }` as one instruction when the operands
    /// are integers (or, for `==`/`!=`, one-word values compared as words,
    /// as [`FnGen::equal`] does). Returns the jump's site; `None` (nothing
    /// emitted) for other types.
    fn fused_compare(
        &mut self,
        op: BinaryOp,
        a: &'a Expr,
        b: &'a Expr,
        want: bool,
    ) -> Option<usize> {
        let (at, bt) = (self.ty(a), self.ty(b));
        if self.is_iface(at) || self.is_iface(bt) {
            return None;
        }
        let ct = if self.is_nil(a) { bt } else { at };
        let (ordered, signed) = match self.under(ct) {
            Type::Basic(k, _) if k.is_integer() => (true, !k.is_unsigned()),
            Type::Basic(BasicKind::Bool, _) => (false, false),
            Type::Basic(..) | Type::Struct(_) | Type::Array(..) | Type::Interface(_) => {
                return None
            }
            _ => (false, false),
        };
        if !ordered && !matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            return None;
        }
        // The condition to jump on: `x op y`, negated when jumping on false
        // (exact for integers: their order is total).
        let op = if want {
            op
        } else {
            match op {
                BinaryOp::Eq => BinaryOp::Ne,
                BinaryOp::Ne => BinaryOp::Eq,
                BinaryOp::Lt => BinaryOp::Ge,
                BinaryOp::Le => BinaryOp::Gt,
                BinaryOp::Gt => BinaryOp::Le,
                _ => BinaryOp::Lt,
            }
        };
        let to = Pc(0);
        // `x == nil`: x's first word (pointer, map, channel, function,
        // slice array) against 0, as `equal` compares it.
        if !ordered && (self.is_nil(a) || self.is_nil(b)) {
            let x = if self.is_nil(a) { b } else { a };
            let a = self.operand(x);
            return Some(self.emit(match op {
                BinaryOp::Eq => Op::JumpIfEqImm { a, v: 0, to },
                _ => Op::JumpIfNeImm { a, v: 0, to },
            }));
        }
        // A constant that fits 32 bits becomes an immediate (either side;
        // the operation mirrored when it is on the left).
        if ordered {
            let imm = |g: &Self, e: &Expr| {
                if g.is_nil(e) {
                    return None;
                }
                let v = g.const_value(e)?;
                let bits = v.to_i64().or_else(|| v.to_u64().map(|u| u as i64))?;
                i32::try_from(bits).ok()
            };
            let pick = match (imm(self, b), imm(self, a)) {
                (Some(v), _) if self.const_value(a).is_none() => Some((a, op, v)),
                (None, Some(v)) if self.const_value(b).is_none() => {
                    let mirrored = match op {
                        BinaryOp::Lt => BinaryOp::Gt,
                        BinaryOp::Le => BinaryOp::Ge,
                        BinaryOp::Gt => BinaryOp::Lt,
                        BinaryOp::Ge => BinaryOp::Le,
                        o => o,
                    };
                    Some((b, mirrored, v))
                }
                _ => None,
            };
            if let Some((x, op, v)) = pick {
                let is_eq = matches!(op, BinaryOp::Eq | BinaryOp::Ne);
                if signed || is_eq {
                    let a = self.operand(x);
                    return Some(self.emit(match op {
                        BinaryOp::Eq => Op::JumpIfEqImm { a, v, to },
                        BinaryOp::Ne => Op::JumpIfNeImm { a, v, to },
                        BinaryOp::Lt => Op::JumpIfLtIntImm { a, v, to },
                        BinaryOp::Le => Op::JumpIfLeIntImm { a, v, to },
                        BinaryOp::Gt => Op::JumpIfGtIntImm { a, v, to },
                        _ => Op::JumpIfGeIntImm { a, v, to },
                    }));
                }
            }
        }
        let x = self.operand_as(a, ct);
        let y = self.operand_as(b, ct);
        let (x, y, op) = match op {
            BinaryOp::Gt => (y, x, BinaryOp::Lt),
            BinaryOp::Ge => (y, x, BinaryOp::Le),
            o => (x, y, o),
        };
        Some(self.emit(match op {
            BinaryOp::Eq => Op::JumpIfEq { a: x, b: y, to },
            BinaryOp::Ne => Op::JumpIfNe { a: x, b: y, to },
            BinaryOp::Lt if signed => Op::JumpIfLtInt { a: x, b: y, to },
            BinaryOp::Le if signed => Op::JumpIfLeInt { a: x, b: y, to },
            BinaryOp::Lt => Op::JumpIfLtUint { a: x, b: y, to },
            _ => Op::JumpIfLeUint { a: x, b: y, to },
        }))
    }

    fn jump_back(&mut self, to: Pc) {
        self.emit(Op::Loop { to });
    }

    fn alloc(&mut self, n: u32) -> Reg {
        let r = Reg(self.top);
        // Saturating: a frame past u32 words is refused when the function
        // ends (MAX_FRAME_BYTES).
        self.top = self.top.saturating_add(n);
        self.max = self.max.max(self.top);
        r
    }

    fn err(&mut self, span: Span, what: &str) {
        self.g.error(span, format!("gol cannot compile {what} yet"));
    }

    fn words(&self, t: TypeId) -> u32 {
        self.g.words(t)
    }

    /// Whether a value of `t` is too large for slots (MAX_STACK_VAR_BYTES).
    fn huge(&self, t: TypeId) -> bool {
        self.words(t) as u64 * 8 > MAX_STACK_VAR_BYTES
    }

    fn ty(&self, e: &Expr) -> TypeId {
        let t = self.g.info.type_of(e.id).unwrap_or(ids::INVALID);
        if self.g.tt.is_untyped(t) {
            self.g.tt.default_type(t)
        } else {
            t
        }
    }

    fn under(&self, t: TypeId) -> &Type {
        self.g.tt.get(self.g.tt.under(t))
    }

    fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            Type::Basic(k, _) => Some(*k),
            _ => None,
        }
    }

    fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    // ----- function frame -----

    fn prologue(&mut self, recv: &[&ast::Param], ty: &ast::FuncType) -> (u32, u32) {
        let mut boxes = Vec::new();
        let mut go_bytes = 0u64;
        let mut add_bytes = |fg: &Self, t: TypeId, k: usize| {
            let b = fg.g.tt.size_of(t).unwrap_or(u64::MAX);
            go_bytes = go_bytes.saturating_add(b.saturating_mul(k.max(1) as u64));
        };
        for p in recv.iter().copied().chain(ty.params.iter()) {
            let pt = self.param_type(p);
            add_bytes(self, pt, p.names.len());
            let w = self.words(pt);
            if p.names.is_empty() {
                self.alloc(w);
            }
            for n in &p.names {
                let r = self.alloc(w);
                if let Some(o) = self.g.info.defs.get(&n.id).copied() {
                    boxes.push((o, r, pt));
                }
            }
        }
        let pw = self.top;
        let mut rw = 0;
        for p in &ty.results {
            let pt = self.param_type(p);
            add_bytes(self, pt, p.names.len());
            let w = self.words(pt);
            let k = p.names.len().max(1) as u32;
            rw += w * k;
            for _ in 0..k {
                self.results.push(pt);
            }
            for n in &p.names {
                let r = self.alloc(w);
                self.emit(Op::Zero { d: r, n: w });
                let o = self.g.info.defs.get(&n.id).copied();
                let v = Var {
                    reg: r,
                    boxed: false,
                    ty: pt,
                };
                self.named_results.push(v);
                if let Some(o) = o {
                    boxes.push((o, r, pt));
                }
            }
        }
        self.go_arg_bytes = go_bytes;
        for (o, r, t) in boxes {
            self.declare_at(o, r, t);
        }
        (pw, rw)
    }

    fn param_type(&self, p: &ast::Param) -> TypeId {
        if let Some(n) = p.names.first() {
            if let Some(&o) = self.g.info.defs.get(&n.id) {
                return self.g.tt.obj(o).ty;
            }
        }
        let t = self.g.info.type_of(p.ty.id).unwrap_or(ids::INVALID);
        if p.variadic {
            // `...T` is a `[]T` parameter.
            self.slice_of(t)
        } else {
            t
        }
    }

    fn slice_of(&self, t: TypeId) -> TypeId {
        // The checker interned `[]T` when it typed the parameter; find it.
        for i in 0..self.g.tt.len() as u32 {
            if let Type::Slice(e) = self.g.tt.get(TypeId(i)) {
                if *e == t {
                    return TypeId(i);
                }
            }
        }
        ids::INVALID
    }

    /// Makes `o` live in slot `r`, boxing it (moving its current value into
    /// a new heap box whose address then occupies `r`) when it is captured
    /// or addressed.
    fn declare_at(&mut self, o: ObjId, r: Reg, t: TypeId) {
        let obj = self.g.tt.obj(o);
        let boxed = obj.captured || obj.addressed;
        if boxed {
            let w = self.words(t);
            let rt = self.g.rt_type(t);
            let b = self.alloc(1);
            self.emit(Op::New { d: b, t: rt });
            self.emit(Op::Store {
                d: b,
                off: Off(0),
                a: r,
                n: w,
                t: rt,
            });
            self.vars.insert(
                o,
                Var {
                    reg: b,
                    boxed: true,
                    ty: t,
                },
            );
            // Named results keep their slots for a bare return: reload them
            // from the box then (see `ret`).
            for v in self.named_results.iter_mut() {
                if v.reg == r {
                    v.boxed = true;
                    v.reg = b;
                }
            }
        } else {
            self.vars.insert(
                o,
                Var {
                    reg: r,
                    boxed: false,
                    ty: t,
                },
            );
        }
    }

    fn epilogue(&mut self) {
        // Falling off the end: a function without results returns.
        self.ret_named();
        // The landing pad for a recovered panic: return the named results.
        self.recover_pc = self.code.len() as u32;
        self.ret_named();
    }

    fn ret_named(&mut self) {
        let rw: u32 = self.results.iter().map(|&t| self.g.words(t)).sum();
        if self.named_results.is_empty() {
            if rw == 0 {
                self.emit(Op::Return { a: Reg(0), n: 0 });
            } else {
                // Unreachable in a checked program (missing return is an
                // error); keep the frame well-formed.
                let d = self.alloc(rw);
                self.emit(Op::Zero { d, n: rw });
                self.emit(Op::Return { a: d, n: rw });
            }
            return;
        }
        // Deferred calls may change named results: run them first.
        self.emit(Op::RunDefers);
        let d = self.alloc(rw);
        let mut off = 0;
        for v in self.named_results.clone() {
            let w = self.words(v.ty);
            self.read_var(v, Reg(d.0 + off));
            off += w;
        }
        self.emit(Op::Return { a: d, n: rw });
    }

    fn pkg_init(&mut self, i: usize) {
        let p = &self.g.prog.packages[i];
        let is_main = i + 1 == self.g.prog.packages.len();
        if let Some(f) = p.files.first() {
            self.set_pos(f.ast.span.lo);
        }
        for init in &p.init_order {
            if !is_main && !init.lhs.iter().any(|o| self.g.used_globals.contains(o)) {
                continue;
            }
            let Some(e) = self.find_expr(i, init.rhs) else {
                continue;
            };
            self.set_pos(e.span.lo);
            let mark = self.top;
            if init.lhs.len() == 1 {
                let o = init.lhs[0];
                let t = self.g.tt.obj(o).ty;
                let d = self.alloc(self.words(t));
                self.convert_to(e, t, d);
                if let Some(&gw) = self.g.globals.get(&o) {
                    let n = self.words(t);
                    self.emit(Op::StoreGlobal { g: gw, a: d, n });
                }
            } else {
                let t = self.ty(e);
                let d = self.alloc(self.words(t));
                self.expr_to(e, d);
                let elems = self
                    .g
                    .tt
                    .tuple_elems(t)
                    .map(|x| x.to_vec())
                    .unwrap_or_default();
                let mut off = 0;
                for (k, o) in init.lhs.iter().enumerate() {
                    let w = elems.get(k).map_or(0, |&t| self.words(t));
                    if let Some(&gw) = self.g.globals.get(o) {
                        self.emit(Op::StoreGlobal {
                            g: gw,
                            a: Reg(d.0 + off),
                            n: w,
                        });
                    }
                    off += w;
                }
            }
            self.top = mark;
        }
        for &o in &p.inits {
            if let Some(f) = self.g.func_id(o, Span::default()) {
                let b = self.alloc(0);
                self.emit(Op::Call { f, base: b });
            }
        }
        self.emit(Op::Return { a: Reg(0), n: 0 });
    }

    /// The initializer expression with this id in package `i`.
    fn find_expr(&self, i: usize, id: ast::NodeId) -> Option<&'a Expr> {
        let p: &'a crate::check::Package = &self.g.prog.packages[i];
        for f in &p.files {
            for item in &f.ast.items {
                let specs: &'a [ast::VarSpec] = match item {
                    ast::Item::Decl(ast::Decl::Var(gd)) => &gd.specs,
                    _ => continue,
                };
                for s in specs {
                    for v in &s.values {
                        if v.id == id {
                            return Some(v);
                        }
                    }
                }
            }
        }
        None
    }

    // ----- statements -----

    fn block(&mut self, b: &'a ast::Block) {
        self.stmts(&b.stmts);
    }

    fn stmts(&mut self, ss: &'a [Stmt]) {
        let mark = self.top;
        for s in ss {
            self.stmt(s, 0);
        }
        self.top = mark;
    }

    fn stmt(&mut self, s: &'a Stmt, depth: u32) {
        if depth > MAX_DEPTH {
            self.err(s.span, "a statement nested this deeply");
            return;
        }
        self.set_pos(s.span.lo);
        let mark = self.top;
        match &s.kind {
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Expr(e) => {
                let t = self.g.info.type_of(e.id).unwrap_or(ids::VOID);
                let w = self.words(t);
                let d = self.alloc(w);
                self.expr_to(e, d);
            }
            StmtKind::IncDec { x, inc } => {
                let op = if *inc { BinaryOp::Add } else { BinaryOp::Sub };
                self.op_assign(x, op, None);
            }
            StmtKind::Assign { lhs, op, rhs } => {
                if let Some(op) = op {
                    self.op_assign(&lhs[0], *op, Some(&rhs[0]));
                } else {
                    self.assign(lhs, rhs);
                }
            }
            StmtKind::Define { names, values } => self.define(names, values),
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Return(es) => self.ret(es),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i, depth + 1);
                }
                let j = self.cond_jump(cond, false, 0);
                self.block(then);
                if let Some(e) = els {
                    let j2 = self.emit(Op::Jump { to: Pc(0) });
                    self.patch_here(&j);
                    self.stmt(e, depth + 1);
                    self.patch_here(&[j2]);
                } else {
                    self.patch_here(&j);
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(s, init.as_deref(), cond.as_ref(), post.as_deref(), body),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(s, key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::Switch {
                init, tag, cases, ..
            } => self.switch(init.as_deref(), tag.as_ref(), cases),
            StmtKind::Break(label) => self.branch(s.span, label.as_ref(), true),
            StmtKind::Continue(label) => self.branch(s.span, label.as_ref(), false),
            StmtKind::Labeled { label, stmt } => {
                self.pending_label = Some(label.name.clone());
                self.stmt(stmt, depth + 1);
                self.pending_label = None;
            }
            StmtKind::Defer(e) => self.defer(e),
            StmtKind::Go(e) => self.go_stmt(e),
            StmtKind::Send { ch, value } => self.send_stmt(ch, value),
            StmtKind::Select { cases, .. } => self.select_stmt(cases),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                cases,
                ..
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, cases),
            StmtKind::Goto(_) => self.err(s.span, "goto"),
            StmtKind::Fallthrough => {
                let j = self.emit(Op::Jump { to: Pc(0) });
                self.fallthroughs.push(j);
            }
        }
        // Declarations keep their variables' slots until the block ends.
        if !matches!(s.kind, StmtKind::Define { .. } | StmtKind::Decl(_)) {
            self.top = mark;
        }
    }

    fn take_label(&mut self) -> Option<String> {
        self.pending_label.take()
    }

    fn for_loop(
        &mut self,
        s: &'a Stmt,
        init: Option<&'a Stmt>,
        cond: Option<&'a Expr>,
        post: Option<&'a Stmt>,
        body: &'a ast::Block,
    ) {
        let label = self.take_label();
        let mark = self.top;
        if let Some(i) = init {
            self.stmt_keep(i);
        }
        // Per-iteration loop variables (Go 1.22): a boxed variable gets a
        // fresh box at the start of each iteration's post statement.
        let per_iter: Vec<ObjId> = self
            .g
            .info
            .loop_vars
            .get(&s.id)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|o| self.vars.get(o).is_some_and(|v| v.boxed))
            .collect();
        // The condition is tested at the bottom (one conditional backward
        // jump per iteration instead of a test, an exit jump and a `Loop`).
        // The first test is a copy of it at the top when it is a plain
        // comparison of locals and constants (cheap to compile twice, no
        // side effects), else a jump to the bottom test.
        let cond = cond.filter(|c| !matches!(self.const_value(c), Some(Value::Bool(true))));
        let guarded = cond.is_some_and(|c| self.simple_comparison(c));
        let mut exits = Vec::new();
        let mut enter = None;
        if let Some(c) = cond {
            if guarded {
                exits = self.cond_jump(c, false, 0);
            } else {
                enter = Some(self.emit(Op::Jump { to: Pc(0) }));
            }
        }
        let start = self.pc();
        self.patch_here(&[]);
        self.push_loop(label, false);
        self.block(body);
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&l.continues);
        for o in per_iter {
            self.rebox(o);
        }
        if let Some(p) = post {
            self.stmt(p, 0);
        }
        match cond {
            Some(c) => {
                if let Some(enter) = enter {
                    self.patch_here(&[enter]);
                }
                let back = self.cond_jump(c, true, 0);
                self.patch_back(&back, start);
                if guarded {
                    self.fuse_step_and_test();
                }
            }
            None => self.jump_back(start),
        }
        self.patch_here(&exits);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    /// Whether `e` is a comparison of unboxed locals and constants.
    fn simple_comparison(&self, e: &'a Expr) -> bool {
        let e = strip_parens(e);
        let ExprKind::Binary(op, a, b) = &e.kind else {
            return false;
        };
        let leaf = |x: &'a Expr| {
            !self.is_nil(x) && (self.const_value(x).is_some() || self.local_reg(x).is_some())
        };
        op.is_comparison() && leaf(a) && leaf(b)
    }

    /// A loop's bottom `i += v` followed by its test `i < x` (or `<=`)
    /// becomes one `IncJumpIf...` (Lua's FORLOOP): the step and test of a
    /// counted loop in one dispatch. Only when nothing jumps to the test
    /// itself (the guarded layout: `continue` targets the step).
    fn fuse_step_and_test(&mut self) {
        let n = self.code.len();
        if n < 2 || self.label_at == n - 1 {
            return;
        }
        let Op::AddIntImm { d, a: src, v } = self.code[n - 2] else {
            return;
        };
        if d != src {
            return;
        }
        let fused = match self.code[n - 1] {
            Op::JumpIfLtInt { a, b, to } if a == d => Op::IncJumpIfLtInt { a, v, b, to },
            Op::JumpIfLeInt { a, b, to } if a == d => Op::IncJumpIfLeInt { a, v, b, to },
            Op::JumpIfLtIntImm { a, v: lim, to } if a == d => {
                Op::IncJumpIfLtIntImm { a, v, lim, to }
            }
            Op::JumpIfLeIntImm { a, v: lim, to } if a == d => {
                Op::IncJumpIfLeIntImm { a, v, lim, to }
            }
            _ => return,
        };
        self.code.truncate(n - 1);
        self.lines.truncate(n - 1);
        self.code[n - 2] = fused;
    }

    /// Gives a boxed variable a fresh box holding its current value.
    fn rebox(&mut self, o: ObjId) {
        let Some(v) = self.vars.get(&o).copied() else {
            return;
        };
        let w = self.words(v.ty);
        let rt = self.g.rt_type(v.ty);
        let mark = self.top;
        let tmp = self.alloc(w);
        self.emit(Op::Load {
            d: tmp,
            a: v.reg,
            off: Off(0),
            n: w,
        });
        self.emit(Op::New { d: v.reg, t: rt });
        self.emit(Op::Store {
            d: v.reg,
            off: Off(0),
            a: tmp,
            n: w,
            t: rt,
        });
        self.top = mark;
    }

    /// Compiles a statement whose variables must outlive it (a loop's init).
    fn stmt_keep(&mut self, s: &'a Stmt) {
        self.set_pos(s.span.lo);
        match &s.kind {
            StmtKind::Define { names, values } => self.define(names, values),
            _ => self.stmt(s, 0),
        }
    }

    fn range(
        &mut self,
        _s: &'a Stmt,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
    ) {
        let xt = self.ty(x);
        if let Type::Map(kt, vt) = self.under(xt).clone() {
            return self.range_map(key, value, define, x, body, kt, vt);
        }
        if let Type::Chan(_, et) = self.under(xt).clone() {
            return self.range_chan(key, define, x, body, et);
        }
        let label = self.take_label();
        let mark = self.top;
        enum Kind {
            Int,
            Str,
            Slice(TypeId, bool),
        }
        let kind = match self.under(xt) {
            Type::Basic(k, _) if k.is_integer() || *k == BasicKind::UntypedInt => Kind::Int,
            Type::Basic(BasicKind::String, _) => Kind::Str,
            Type::Slice(e) => Kind::Slice(*e, false),
            Type::Array(_, e) => Kind::Slice(*e, true),
            Type::Pointer(p) => match self.under(*p) {
                Type::Array(_, e) => Kind::Slice(*e, true),
                _ => {
                    self.err(x.span, "range over this type");
                    return;
                }
            },
            _ => {
                self.err(x.span, "range over this type");
                return;
            }
        };
        // Two iteration variables, even `i, _`, evaluate the expression.
        let two_vars = value.is_some();
        let value = value.filter(|v| !is_blank(v));
        // An array too large for slots is ranged over through its address,
        // as an array pointer: the array itself when only the index is
        // wanted, else a copy in a new object (Go ranges over a copy).
        let huge_array = matches!(kind, Kind::Slice(_, true))
            && !matches!(self.under(xt), Type::Pointer(_))
            && self.huge(xt);
        let is_ptr_array = matches!(self.under(xt), Type::Pointer(_)) || huge_array;
        // Evaluate the range expression once, and not at all for an
        // array or array pointer whose length is a constant and whose
        // elements are not wanted (Go's rule: `for i := range *p` with a
        // nil p runs).
        let skip = matches!(kind, Kind::Slice(_, true))
            && !two_vars
            && !crate::check::has_call_or_recv(x, 0);
        let xw = if huge_array { 1 } else { self.words(xt) };
        let xr = self.alloc(xw.max(1));
        if skip {
        } else if huge_array {
            self.huge_addr(x, xr);
            if value.is_some() {
                let s = self.alloc(1);
                self.emit(Op::Move { d: s, a: xr });
                let t = self.g.rt_type(xt);
                self.emit(Op::New { d: xr, t });
                self.emit(Op::CopyValue { d: xr, a: s, t });
            }
        } else {
            self.expr_to(x, xr);
        }
        let (len_r, _elem_t) = match kind {
            Kind::Int => (xr, None),
            Kind::Str => {
                let l = self.alloc(1);
                self.emit(Op::StrLen { d: l, a: xr });
                (l, None)
            }
            Kind::Slice(e, is_array) => {
                if is_array {
                    let n = match self.under(if is_ptr_array {
                        self.g.tt.pointer_elem(xt).unwrap_or(xt)
                    } else {
                        xt
                    }) {
                        Type::Array(n, _) => *n as i64,
                        _ => 0,
                    };
                    let l = self.alloc(1);
                    self.emit(Op::LoadInt { d: l, v: n });
                    (l, Some(e))
                } else {
                    (Reg(xr.0 + 1), Some(e))
                }
            }
        };
        let idx = self.alloc(1);
        self.emit(Op::LoadInt { d: idx, v: 0 });
        let start = self.pc();
        // Leave when len <= idx: one fused compare-and-branch (unsigned
        // for `range n` of an unsigned n).
        let exit = if matches!(kind, Kind::Int) && self.g.tt.is_unsigned(xt) {
            self.emit(Op::JumpIfLeUint {
                a: len_r,
                b: idx,
                to: Pc(0),
            })
        } else {
            self.emit(Op::JumpIfLeInt {
                a: len_r,
                b: idx,
                to: Pc(0),
            })
        };
        let body_mark = self.top;
        // Key and value for this iteration.
        let width = self.alloc(1);
        let mut vals: Vec<(Option<&'a Expr>, Reg, TypeId)> = Vec::new();
        let kt = if matches!(kind, Kind::Int) {
            xt
        } else {
            ids::INT
        };
        vals.push((key, idx, kt));
        // A blank value loads no element: `for i, _ := range p` with p a
        // nil *[N]T must not dereference p (as `for i := range p`).
        if let Some(v) = value {
            match kind {
                Kind::Str => {
                    let r = self.alloc(2);
                    self.emit(Op::StrDecodeRune {
                        d: r,
                        a: xr,
                        i: idx,
                    });
                    self.emit(Op::Move {
                        d: width,
                        a: Reg(r.0 + 1),
                    });
                    vals.push((Some(v), r, ids::INT32));
                }
                Kind::Slice(e, is_array) => {
                    let ew = self.words(e);
                    let r = self.alloc(ew);
                    let rt = self.g.rt_type(e);
                    if is_array && !is_ptr_array {
                        // The array was copied into xr.. (Go ranges over a copy).
                        let n = self.words(xt) / ew.max(1);
                        self.emit(Op::SlotIndex {
                            d: r,
                            a: xr,
                            i: idx,
                            ew,
                            len: n,
                        });
                    } else if is_array {
                        // *[N]T: element i at pointer + i*ew.
                        let n = match self.under(self.g.tt.pointer_elem(xt).unwrap_or(xt)) {
                            Type::Array(n, _) => *n as u32,
                            _ => 0,
                        };
                        let a = self.alloc(1);
                        self.load_array_elem(r, a, xr, idx, ew, n);
                    } else {
                        self.emit(Op::SliceGet {
                            d: r,
                            a: xr,
                            i: idx,
                            t: rt,
                        });
                    }
                    vals.push((Some(v), r, e));
                }
                Kind::Int => {}
            }
        } else if matches!(kind, Kind::Str) {
            let r = self.alloc(2);
            self.emit(Op::StrDecodeRune {
                d: r,
                a: xr,
                i: idx,
            });
            self.emit(Op::Move {
                d: width,
                a: Reg(r.0 + 1),
            });
        }
        self.bind_range_vars(vals, define);
        self.push_loop(label, false);
        self.block(body);
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&l.continues);
        if matches!(kind, Kind::Str) {
            self.emit(Op::AddInt {
                d: idx,
                a: idx,
                b: width,
            });
        } else {
            self.emit(Op::AddIntImm {
                d: idx,
                a: idx,
                v: 1,
            });
        }
        self.top = body_mark;
        self.jump_back(start);
        self.patch_here(&[exit]);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    /// Assigns or defines a range loop's key and value variables.
    fn bind_range_vars(&mut self, vals: Vec<(Option<&'a Expr>, Reg, TypeId)>, define: bool) {
        // Assigned (not defined) iteration variables are one tuple
        // assignment in Go's two phases: `for i, x[i] = range y` indexes x
        // with the old i.
        let mut dests = Vec::new();
        if !define {
            for &(e, _, _) in &vals {
                dests.push(e.filter(|e| !is_blank(e)).map(|e| self.lhs_dest(e)));
            }
        }
        let mut dests = dests.into_iter();
        for (e, r, t) in vals {
            let dest = dests.next().flatten();
            let Some(e) = e else { continue };
            if define {
                if let ExprKind::Ident(id) = &e.kind {
                    if id.is_blank() {
                        continue;
                    }
                    if let Some(o) = self.g.info.defs.get(&id.id).copied() {
                        let var = self.new_home(o);
                        if var.boxed {
                            self.init_boxed(var, r);
                        } else {
                            let w = self.words(t);
                            self.emit(Op::MoveN {
                                d: var.reg,
                                a: r,
                                n: w,
                            });
                        }
                        self.vars.insert(o, var);
                    }
                }
            } else {
                let et = self.ty(e);
                let r = if self.is_iface(et) && !self.is_iface(t) {
                    let b = self.alloc(1);
                    let rt = self.g.rt_type(t);
                    let n = self.words(t);
                    self.emit(Op::ToIface {
                        d: b,
                        a: r,
                        n,
                        t: rt,
                    });
                    b
                } else {
                    r
                };
                if let Some(dest) = dest {
                    self.store_dest(dest, r);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn range_map(
        &mut self,
        key: Option<&'a Expr>,
        value: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
        kt: TypeId,
        vt: TypeId,
    ) {
        let label = self.take_label();
        let mark = self.top;
        let m = self.operand(x);
        let it = self.alloc(ITER_WORDS);
        self.emit(Op::MapIter { d: it, a: m });
        let (kw, vw) = (self.words(kt), self.words(vt));
        let start = self.pc();
        let r = self.alloc(1 + kw + vw);
        self.emit(Op::MapNext { d: r, it });
        let exit = self.emit(Op::JumpIfNot { a: r, to: Pc(0) });
        let body_mark = self.top;
        let vals = vec![(key, Reg(r.0 + 1), kt), (value, Reg(r.0 + 1 + kw), vt)];
        self.bind_range_vars(vals, define);
        self.fetching_loop_body(label, body, start, exit, body_mark, mark);
    }

    fn switch(
        &mut self,
        init: Option<&'a Stmt>,
        tag: Option<&'a Expr>,
        cases: &'a [ast::CaseClause],
    ) {
        let label = self.take_label();
        let mark = self.top;
        if let Some(i) = init {
            self.stmt_keep(i);
        }
        let tag_r = tag.map(|t| {
            let ty = self.ty(t);
            let r = self.alloc(self.words(ty));
            self.expr_to(t, r);
            (r, ty)
        });
        self.push_loop(label, true);
        // Tests in order; each matching test jumps to its body.
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        for c in cases {
            let mut js = Vec::new();
            for e in &c.exprs {
                let m = self.top;
                let r = match tag_r {
                    Some((tr, tt)) => self.compare_with(tr, tt, e),
                    None => self.operand(e),
                };
                js.push(self.emit(Op::JumpIf { a: r, to: Pc(0) }));
                self.top = m;
            }
            body_jumps.push(js);
        }
        let default_jump = self.emit(Op::Jump { to: Pc(0) });
        let mut ends = Vec::new();
        let mut default_pc = None;
        let outer_falls = std::mem::take(&mut self.fallthroughs);
        for (i, c) in cases.iter().enumerate() {
            self.patch_here(&body_jumps[i]);
            // A `fallthrough` of the previous clause lands here.
            let falls = std::mem::take(&mut self.fallthroughs);
            self.patch_here(&falls);
            if c.is_default {
                default_pc = Some(self.pc());
            }
            self.stmts(&c.body);
            ends.push(self.emit(Op::Jump { to: Pc(0) }));
        }
        let falls = std::mem::replace(&mut self.fallthroughs, outer_falls);
        ends.extend(falls);
        match default_pc {
            Some(p) => self.patch(default_jump, p),
            None => ends.push(default_jump),
        }
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&ends);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    fn type_switch(
        &mut self,
        init: Option<&'a Stmt>,
        bind: Option<&'a ast::Ident>,
        x: &'a Expr,
        cases: &'a [ast::TypeCaseClause],
    ) {
        let label = self.take_label();
        let mark = self.top;
        if let Some(i) = init {
            self.stmt_keep(i);
        }
        let xr = self.alloc(1);
        self.expr_to(x, xr);
        self.push_loop(label, true);
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        for c in cases {
            let mut js = Vec::new();
            for te in &c.types {
                let m = self.top;
                let r = self.alloc(1);
                let tt = self.g.info.type_of(te.id).unwrap_or(ids::INVALID);
                if self.is_nil(te) || tt == ids::UNTYPED_NIL {
                    let z = self.alloc(1);
                    self.emit(Op::LoadInt { d: z, v: 0 });
                    self.emit(Op::EqInt { d: r, a: xr, b: z });
                } else {
                    let rt = self.g.rt_type(tt);
                    if self.is_iface(tt) {
                        self.emit(Op::IfaceImplements { d: r, a: xr, t: rt });
                    } else {
                        self.emit(Op::IfaceIs { d: r, a: xr, t: rt });
                    }
                }
                js.push(self.emit(Op::JumpIf { a: r, to: Pc(0) }));
                self.top = m;
            }
            body_jumps.push(js);
        }
        let default_jump = self.emit(Op::Jump { to: Pc(0) });
        let mut ends = Vec::new();
        let mut default_pc = None;
        for (i, c) in cases.iter().enumerate() {
            self.patch_here(&body_jumps[i]);
            if c.is_default {
                default_pc = Some(self.pc());
            }
            let m = self.top;
            let bound = bind
                .filter(|b| !b.is_blank())
                .and_then(|_| self.g.info.implicits.get(&c.implicit).copied());
            if let Some(o) = bound {
                // The clause's variable: the unboxed value for a single
                // concrete type, else the interface itself.
                let vt = self.g.tt.obj(o).ty;
                let var = self.new_home(o);
                let w = self.words(vt);
                let src = if self.is_iface(vt) {
                    xr
                } else {
                    let tmp = self.alloc(w);
                    self.emit(Op::IfaceUnbox {
                        d: tmp,
                        a: xr,
                        n: w,
                    });
                    tmp
                };
                if var.boxed {
                    self.init_boxed(var, src);
                } else {
                    self.emit(Op::MoveN {
                        d: var.reg,
                        a: src,
                        n: w,
                    });
                }
                self.vars.insert(o, var);
            }
            self.stmts(&c.body);
            self.top = m;
            ends.push(self.emit(Op::Jump { to: Pc(0) }));
        }
        match default_pc {
            Some(p) => self.patch(default_jump, p),
            None => ends.push(default_jump),
        }
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&ends);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    /// Compares the switch tag in `tr` with case expression `e`.
    fn compare_with(&mut self, tr: Reg, tt: TypeId, e: &'a Expr) -> Reg {
        let et = self.ty(e);
        let d = self.alloc(1);
        if self.is_iface(tt) && !self.is_iface(et) {
            let v = self.alloc(1);
            self.convert_to(e, tt, v);
            self.emit(Op::EqIface { d, a: tr, b: v });
            return d;
        }
        let b = self.alloc(self.words(tt));
        self.convert_to(e, tt, b);
        self.equal(d, tr, b, tt, false, e.span);
        d
    }

    fn branch(&mut self, span: Span, label: Option<&ast::Ident>, is_break: bool) {
        let j = self.emit(Op::Jump { to: Pc(0) });
        let idx = self.loops.iter().rposition(|l| match label {
            Some(n) => l.label.as_deref() == Some(n.name.as_str()),
            None => is_break || !l.is_switch,
        });
        match idx {
            Some(i) => {
                let l = &mut self.loops[i];
                if is_break {
                    l.breaks.push(j);
                } else if let Some(c) = l.cont {
                    self.patch(j, c);
                } else {
                    l.continues.push(j);
                }
            }
            None => self.err(span, "this branch statement"),
        }
    }

    fn define(&mut self, names: &'a [ast::Ident], values: &'a [Expr]) {
        // New variables get their home slots first, below any temporary,
        // so they outlive the statement; values of new unboxed variables
        // are computed straight into their homes (the new variables are
        // not in scope on the right side). Redeclared variables are
        // assigned after every value is computed (`a, b := b, a`).
        let mut homes: Vec<Option<(ObjId, Var)>> = Vec::new();
        for n in names {
            let home = match self.g.info.defs.get(&n.id).copied() {
                Some(o) if !n.is_blank() => Some((o, self.new_home(o))),
                _ => None,
            };
            homes.push(home);
        }
        let keep = self.top;
        let mut later: Vec<(ObjId, Reg, Span)> = Vec::new();
        if values.len() == names.len() {
            for (k, (n, v)) in names.iter().zip(values).enumerate() {
                match homes[k] {
                    Some((_, var)) if !var.boxed => {
                        self.convert_to(v, var.ty, var.reg);
                    }
                    Some((_, var)) if self.huge(var.ty) => self.init_huge(var, v),
                    Some((_, var)) => {
                        let r = self.alloc(self.words(var.ty));
                        self.convert_to(v, var.ty, r);
                        self.init_boxed(var, r);
                    }
                    None => {
                        let t = match self.g.info.uses.get(&n.id) {
                            Some(&o) => self.g.tt.obj(o).ty,
                            None => self.ty(v),
                        };
                        let r = self.alloc(self.words(t));
                        self.convert_to(v, t, r);
                        if let Some(&o) = self.g.info.uses.get(&n.id) {
                            later.push((o, r, n.span));
                        }
                    }
                }
            }
        } else if let Some(v) = values.first() {
            let t = self.ty(v);
            let r = self.alloc(self.words(t));
            self.expr_to(v, r);
            let elems = self
                .g
                .tt
                .tuple_elems(t)
                .map(|x| x.to_vec())
                .unwrap_or_default();
            let mut off = 0;
            for (k, (n, &et)) in names.iter().zip(&elems).enumerate() {
                let mut src = Reg(r.0 + off);
                off += self.words(et);
                // `var x, y any = f()`: convert to the variable's type.
                let vt = match (homes[k], self.g.info.uses.get(&n.id)) {
                    (Some((_, var)), _) => var.ty,
                    (None, Some(&o)) => self.g.tt.obj(o).ty,
                    _ => et,
                };
                if self.is_iface(vt) && !self.is_iface(et) {
                    let b = self.alloc(1);
                    let rt = self.g.rt_type(et);
                    let w = self.words(et);
                    self.emit(Op::ToIface {
                        d: b,
                        a: src,
                        n: w,
                        t: rt,
                    });
                    src = b;
                }
                match homes[k] {
                    Some((_, var)) if !var.boxed => {
                        let w = self.words(var.ty);
                        self.emit(Op::MoveN {
                            d: var.reg,
                            a: src,
                            n: w,
                        });
                    }
                    Some((_, var)) => self.init_boxed(var, src),
                    None => {
                        if let Some(&o) = self.g.info.uses.get(&n.id) {
                            later.push((o, src, n.span));
                        }
                    }
                }
            }
        }
        for (o, r, span) in later {
            self.store_var(o, r, span);
        }
        for (o, var) in homes.into_iter().flatten() {
            self.vars.insert(o, var);
        }
        self.top = keep;
    }

    /// Allocates the home of a new local: its value's slots, or one slot
    /// for the address of its heap box (captured or addressed variables,
    /// and those too large for slots).
    fn new_home(&mut self, o: ObjId) -> Var {
        let obj = self.g.tt.obj(o);
        let t = obj.ty;
        let boxed = obj.captured || obj.addressed || self.huge(t);
        let n = if boxed { 1 } else { self.words(t) };
        Var {
            reg: self.alloc(n),
            boxed,
            ty: t,
        }
    }

    /// Makes a new box for `var` holding the value in `value`.
    fn init_boxed(&mut self, var: Var, value: Reg) {
        let w = self.words(var.ty);
        let rt = self.g.rt_type(var.ty);
        self.emit(Op::New { d: var.reg, t: rt });
        self.emit(Op::Store {
            d: var.reg,
            off: Off(0),
            a: value,
            n: w,
            t: rt,
        });
    }

    /// Makes a new box for `var`, of a type too large for slots, holding
    /// the value of `e`: a composite literal is built in the box itself,
    /// anything else copied from memory after its nil checks (`q := *p`
    /// with a nil p panics before anything is allocated or copied).
    fn init_huge(&mut self, var: Var, e: &'a Expr) {
        let rt = self.g.rt_type(var.ty);
        if let ExprKind::Composite { elems, .. } = &strip_parens(e).kind {
            self.emit(Op::New { d: var.reg, t: rt });
            self.composite_heap(var.ty, elems, var.reg);
            return;
        }
        let keep = self.top;
        let s = self.alloc(1);
        self.huge_addr(e, s);
        self.emit(Op::New { d: var.reg, t: rt });
        self.emit(Op::CopyValue {
            d: var.reg,
            a: s,
            t: rt,
        });
        self.top = keep;
    }

    /// Puts in `d` the address of memory holding the value of `e`, of a
    /// type too large for slots: its own location when it has one
    /// (nil-checked: `*p`, `p.big`), a new object for a composite
    /// literal. Other expressions (calls, conversions) go through slots,
    /// within the frame limit.
    fn huge_addr(&mut self, e: &'a Expr, d: Reg) {
        let x = strip_parens(e);
        let t = self.ty(x);
        let rt = self.g.rt_type(t);
        if let ExprKind::Composite { elems, .. } = &x.kind {
            self.emit(Op::New { d, t: rt });
            self.composite_heap(t, elems, d);
            return;
        }
        if self.heap_addressable(x) {
            self.addr_of(x, d);
            return;
        }
        let w = self.words(t);
        let keep = self.top;
        let r = self.alloc(w);
        self.expr_to(x, r);
        self.emit(Op::New { d, t: rt });
        self.emit(Op::Store {
            d,
            off: Off(0),
            a: r,
            n: w,
            t: rt,
        });
        self.top = keep;
    }

    /// Fills the zeroed object of type `t` (an array or struct too large
    /// for slots) at pointer `p` with the elements of a composite literal,
    /// one element at a time.
    fn composite_heap(&mut self, t: TypeId, elems: &'a [ast::Element], p: Reg) {
        match self.under(t).clone() {
            Type::Struct(fs) => {
                let mut offs = Vec::with_capacity(fs.len());
                let mut o = 0u32;
                for f in &fs {
                    offs.push(o);
                    o += self.words(f.ty);
                }
                for (k, el) in elems.iter().enumerate() {
                    let fi = match &el.key {
                        Some(key) => match &key.kind {
                            ExprKind::Ident(id) => fs.iter().position(|f| f.name == id.name),
                            _ => None,
                        },
                        None => Some(k),
                    };
                    let Some(fi) = fi else {
                        self.err(el.value.span, "this composite literal element");
                        continue;
                    };
                    self.store_part(&el.value, fs[fi].ty, p, offs[fi]);
                }
            }
            Type::Array(_, et) => {
                let ew = self.words(et);
                let Some((_, idx)) = self.literal_indices(elems) else {
                    return;
                };
                for (el, &k) in elems.iter().zip(&idx) {
                    self.store_part(&el.value, et, p, k as u32 * ew);
                }
            }
            _ => self.err(
                elems.first().map_or(Span::default(), |e| e.value.span),
                "a composite literal of this type and size",
            ),
        }
    }

    /// Stores `e` converted to `t` at word `off` of the object at `p`.
    fn store_part(&mut self, e: &'a Expr, t: TypeId, p: Reg, off: u32) {
        let keep = self.top;
        let rt = self.g.rt_type(t);
        if self.huge(t) {
            let q = self.alloc(1);
            let o = self.alloc(1);
            self.emit(Op::LoadInt {
                d: o,
                v: off as i64 * 8,
            });
            self.emit(Op::AddInt { d: q, a: p, b: o });
            if let ExprKind::Composite { elems, .. } = &strip_parens(e).kind {
                self.composite_heap(t, elems, q);
            } else {
                let s = self.alloc(1);
                self.huge_addr(e, s);
                self.emit(Op::CopyValue { d: q, a: s, t: rt });
            }
        } else {
            let w = self.words(t);
            let r = self.alloc(w);
            self.convert_to(e, t, r);
            self.emit(Op::Store {
                d: p,
                off: Off(off),
                a: r,
                n: w,
                t: rt,
            });
        }
        self.top = keep;
    }

    fn local_decl(&mut self, d: &'a ast::Decl) {
        let ast::Decl::Var(gd) = d else {
            return; // const and type declarations generate no code
        };
        for spec in &gd.specs {
            if spec.values.is_empty() {
                for n in &spec.names {
                    if n.is_blank() {
                        continue;
                    }
                    if let Some(&o) = self.g.info.defs.get(&n.id) {
                        let var = self.new_home(o);
                        let w = self.words(var.ty);
                        if var.boxed {
                            // A new object is zeroed already.
                            let rt = self.g.rt_type(var.ty);
                            self.emit(Op::New { d: var.reg, t: rt });
                        } else {
                            self.emit(Op::Zero { d: var.reg, n: w });
                        }
                        self.vars.insert(o, var);
                    }
                }
            } else {
                self.define(&spec.names, &spec.values);
            }
        }
    }

    fn assign(&mut self, lhs: &'a [Expr], rhs: &'a [Expr]) {
        if lhs.len() == 1 && rhs.len() == 1 {
            let l = &lhs[0];
            let huge_dest = if is_blank(l) {
                self.huge(self.ty(&rhs[0]))
            } else {
                // Not to an interface variable: that boxes (`convert_to`).
                self.huge(self.ty(l)) && self.heap_addressable(l)
            };
            if huge_dest {
                // Memory to memory, never through slots.
                let p = self.alloc(1);
                if !is_blank(l) && !self.addr_of(l, p) {
                    return;
                }
                let s = self.alloc(1);
                self.huge_addr(&rhs[0], s);
                if !is_blank(l) {
                    let t = self.g.rt_type(self.ty(l));
                    self.emit(Op::CopyValue { d: p, a: s, t });
                }
                return;
            }
            if let ExprKind::Ident(id) = &l.kind {
                if id.is_blank() {
                    let t = self.ty(&rhs[0]);
                    let r = self.alloc(self.words(t));
                    self.expr_to(&rhs[0], r);
                    return;
                }
                // Straight into an unboxed local when safe.
                if let Some(o) = self.g.info.uses.get(&id.id).copied() {
                    if let Some(v) = self.vars.get(&o).copied() {
                        if !v.boxed && self.words(v.ty) == 1 {
                            let r = self.alloc(1);
                            self.convert_to(&rhs[0], v.ty, r);
                            if !self.retarget(r, v.reg) {
                                self.emit(Op::Move { d: v.reg, a: r });
                            }
                            return;
                        }
                    }
                }
            }
            let t = self.ty(l);
            let r = self.alloc(self.words(t));
            self.convert_to(&rhs[0], t, r);
            self.store_to(l, r);
            return;
        }
        // Tuple assignment, in Go's two phases: first the operands of index
        // expressions and pointer indirections on the left, then the right
        // sides, all in order; then the assignments, left to right.
        let dests: Vec<Dest<'a>> = lhs.iter().map(|l| self.lhs_dest(l)).collect();
        let mut vals = Vec::new();
        if rhs.len() == lhs.len() {
            for (l, r) in lhs.iter().zip(rhs) {
                let t = if is_blank(l) { self.ty(r) } else { self.ty(l) };
                let d = self.alloc(self.words(t));
                self.convert_to(r, t, d);
                vals.push((d, t));
            }
        } else if let Some(r) = rhs.first() {
            let t = self.ty(r);
            let d = self.alloc(self.words(t));
            self.expr_to(r, d);
            let elems = self
                .g
                .tt
                .tuple_elems(t)
                .map(|x| x.to_vec())
                .unwrap_or_default();
            let mut off = 0;
            for &et in &elems {
                vals.push((Reg(d.0 + off), et));
                off += self.words(et);
            }
        }
        for ((l, dest), (r, vt)) in lhs.iter().zip(dests).zip(vals) {
            if is_blank(l) {
                continue;
            }
            // A value of a multi-value right side converted to the left
            // side's type (to an interface).
            let lt = self.ty(l);
            let r = if self.is_iface(lt) && !self.is_iface(vt) {
                let b = self.alloc(1);
                let rt = self.g.rt_type(vt);
                let n = self.words(vt);
                self.emit(Op::ToIface {
                    d: b,
                    a: r,
                    n,
                    t: rt,
                });
                b
            } else {
                r
            };
            self.store_dest(dest, r);
        }
    }

    /// Phase two of an assignment: stores the value in `r` where phase one
    /// ([`FnGen::lhs_dest`]) pointed.
    fn store_dest(&mut self, dest: Dest<'a>, r: Reg) {
        match dest {
            Dest::Plain(l) => self.store_to(l, r),
            Dest::Map { m, k, t } => {
                self.emit(Op::MapSet { m, k, v: r, t });
            }
            Dest::Slice { s, i, t } => {
                self.emit(Op::SliceSet { d: s, i, a: r, t });
            }
            Dest::Ptr { p, off, t, n } => {
                self.emit(Op::Store {
                    d: p,
                    off: Off(off),
                    a: r,
                    n,
                    t,
                });
            }
            Dest::HeapElem { p, i, t, ew, len } => {
                let a = self.alloc(1);
                self.emit(Op::ElemAddr {
                    d: a,
                    a: p,
                    i,
                    ew,
                    len,
                });
                self.emit(Op::Store {
                    d: a,
                    off: Off(0),
                    a: r,
                    n: ew,
                    t,
                });
            }
            Dest::SlotElem { x, i, ew, len } => {
                if let Some(base) = self.local_slots(x) {
                    self.emit(Op::SlotStore {
                        d: base,
                        i,
                        a: r,
                        ew,
                        len,
                    });
                } else {
                    // An array inside a value held in slots: store into a
                    // copy and write it back.
                    let tmp = self.alloc(self.words(self.ty(x)));
                    self.expr_to(x, tmp);
                    self.emit(Op::SlotStore {
                        d: tmp,
                        i,
                        a: r,
                        ew,
                        len,
                    });
                    self.store_to(x, tmp);
                }
            }
        }
    }

    /// Phase one of an assignment to `l`: evaluates the operands of its
    /// index expression or pointer indirection into fresh slots.
    fn lhs_dest(&mut self, l: &'a Expr) -> Dest<'a> {
        let ls = strip_parens(l);
        let lt = self.ty(ls);
        match &ls.kind {
            ExprKind::Index(x, i) => {
                let xt = self.ty(x);
                match self.under(xt).clone() {
                    Type::Map(kt, _) => {
                        let m = self.alloc(1);
                        self.expr_to(x, m);
                        let k = self.alloc(self.words(kt));
                        self.convert_to(i, kt, k);
                        let t = self.g.rt_type(xt);
                        Dest::Map { m, k, t }
                    }
                    Type::Slice(et) => {
                        let s = self.alloc(3);
                        self.expr_to(x, s);
                        let ir = self.alloc(1);
                        self.convert_to(i, ids::INT, ir);
                        let t = self.g.rt_type(et);
                        Dest::Slice { s, i: ir, t }
                    }
                    Type::Array(n, et) if self.heap_addressable(x) => {
                        // The array's address and the index now; the
                        // bounds check at the store, as for a slice.
                        let p = self.alloc(1);
                        if !self.addr_of(x, p) {
                            return Dest::Plain(l);
                        }
                        let ir = self.alloc(1);
                        self.convert_to(i, ids::INT, ir);
                        Dest::HeapElem {
                            p,
                            i: ir,
                            t: self.g.rt_type(et),
                            ew: self.words(et),
                            len: n as u32,
                        }
                    }
                    Type::Array(n, et) => {
                        // An array held in slots: the index now (`i, a[i]
                        // = 1, 2` stores into the old a[i]).
                        let ir = self.alloc(1);
                        self.convert_to(i, ids::INT, ir);
                        Dest::SlotElem {
                            x,
                            i: ir,
                            ew: self.words(et),
                            len: n as u32,
                        }
                    }
                    _ => Dest::Plain(l),
                }
            }
            ExprKind::Star(p) => {
                let pr = self.alloc(1);
                self.expr_to(p, pr);
                let t = self.g.rt_type(lt);
                let n = self.words(lt);
                Dest::Ptr {
                    p: pr,
                    off: 0,
                    t,
                    n,
                }
            }
            ExprKind::Selector(..) if self.ptr_field_shape(ls) => {
                // p.f, p.a.b, (*p).f: the pointer now, the nil check at
                // the store (`m[k], p.f = 1, 2` with a nil p sets m[k]).
                let (base, off) = self.ptr_field(ls);
                let p = self.alloc(1);
                self.emit(Op::Move { d: p, a: base });
                let t = self.g.rt_type(lt);
                let n = self.words(lt);
                Dest::Ptr { p, off, t, n }
            }
            ExprKind::Selector(x, _)
                if self.g.tt.pointer_elem(self.ty(x)).is_some() && self.heap_addressable(ls) =>
            {
                let p = self.alloc(1);
                if !self.addr_of(ls, p) {
                    return Dest::Plain(l);
                }
                let t = self.g.rt_type(lt);
                let n = self.words(lt);
                Dest::Ptr { p, off: 0, t, n }
            }
            _ => Dest::Plain(l),
        }
    }

    /// Rewrites the destination of the last instruction from `from` to `to`
    /// when it is a single-destination instruction that wrote `from` and no
    /// label sits after it.
    fn retarget(&mut self, from: Reg, to: Reg) -> bool {
        if self.label_at == self.code.len() {
            return false;
        }
        let Some(last) = self.code.last_mut() else {
            return false;
        };
        // Which instructions qualify is the opcode table's `[retarget]`.
        last.retarget(from, to)
    }

    fn op_assign(&mut self, l: &'a Expr, op: BinaryOp, rhs: Option<&'a Expr>) {
        let t = self.ty(l);
        let incdec = rhs.is_none();
        let r = rhs.unwrap_or(l);
        // x op= y on a local: one instruction into the local.
        if let ExprKind::Ident(id) = &l.kind {
            if let Some(o) = self.g.info.uses.get(&id.id).copied() {
                if let Some(v) = self.vars.get(&o).copied() {
                    if !v.boxed && self.words(t) == 1 {
                        if incdec
                            && self.basic(t).is_some_and(|k| {
                                k == BasicKind::Int
                                    || k == BasicKind::Int64
                                    || k == BasicKind::Uint
                                    || k == BasicKind::Uint64
                            })
                        {
                            let delta = if op == BinaryOp::Add { 1 } else { -1 };
                            self.emit(Op::AddIntImm {
                                d: v.reg,
                                a: v.reg,
                                v: delta,
                            });
                            return;
                        }
                        let cv = if incdec {
                            Some(Value::int(1))
                        } else {
                            self.const_value(r).cloned()
                        };
                        if let Some(o) = cv.and_then(|c| self.imm_op(op, t, v.reg, v.reg, &c)) {
                            self.emit(o);
                            self.wrap_int_result(op, t, v.reg);
                            return;
                        }
                        let y = if incdec {
                            let y = self.alloc(1);
                            self.const_to(&Value::int(1), t, y);
                            y
                        } else {
                            let y = self.alloc(1);
                            let yt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
                                self.ty(r)
                            } else {
                                t
                            };
                            self.convert_to(r, yt, y);
                            y
                        };
                        let yt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) && !incdec {
                            self.ty(r)
                        } else {
                            t
                        };
                        self.binary_regs(op, t, yt, v.reg, v.reg, y, l.span);
                        return;
                    }
                }
            }
        }
        // General case: read, compute, store, with the location (map and
        // key, or address) evaluated once, as Go evaluates `x` in `x op= y`.
        let w = self.words(t);
        let cur = self.alloc(w);
        let mut map_dest = None;
        let mut addr_dest = None;
        let ls = strip_parens(l);
        let map_index = match &ls.kind {
            ExprKind::Index(x, i) => match self.under(self.ty(x)) {
                Type::Map(kt, _) => Some((x, i, *kt)),
                _ => None,
            },
            _ => None,
        };
        if let Some((x, i, kt)) = map_index {
            let mr = self.operand(x);
            let kr = self.alloc(self.words(kt));
            self.convert_to(i, kt, kr);
            let mt = self.g.rt_type(self.ty(x));
            self.emit(Op::MapGet {
                d: cur,
                m: mr,
                k: kr,
                t: mt,
                ok: false,
            });
            map_dest = Some((mr, kr, mt));
        } else if self.ptr_field_shape(ls) {
            let (p, off) = self.ptr_field(ls);
            self.emit(Op::Load {
                d: cur,
                a: p,
                off: Off(off),
                n: w,
            });
            addr_dest = Some((p, off));
        } else if self.heap_addressable(ls) && !matches!(ls.kind, ExprKind::Ident(_)) {
            let p = self.alloc(1);
            if !self.addr_of(ls, p) {
                return;
            }
            self.emit(Op::Load {
                d: cur,
                a: p,
                off: Off(0),
                n: w,
            });
            addr_dest = Some((p, 0));
        } else {
            self.expr_to(l, cur);
        }
        let yt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) && !incdec {
            self.ty(r)
        } else {
            t
        };
        let y = self.alloc(self.words(yt));
        if incdec {
            self.const_to(&Value::int(1), t, y);
        } else {
            self.convert_to(r, yt, y);
        }
        let d = self.alloc(w);
        self.binary_regs(op, t, yt, d, cur, y, l.span);
        if let Some((m, k, mt)) = map_dest {
            self.emit(Op::MapSet { m, k, v: d, t: mt });
        } else if let Some((p, off)) = addr_dest {
            let rt = self.g.rt_type(t);
            self.emit(Op::Store {
                d: p,
                off: Off(off),
                a: d,
                n: w,
                t: rt,
            });
        } else {
            self.store_to(l, d);
        }
    }

    fn ret(&mut self, es: &'a [Expr]) {
        if es.is_empty() {
            self.ret_named();
            return;
        }
        let rts = self.results.clone();
        // (Not with named results: deferred calls must see them set.)
        if es.len() == 1 && rts.len() == 1 && self.named_results.is_empty() {
            // A local returned as is needs no copy.
            if let Some(r) = self.local_reg(&es[0]) {
                if self.g.tt.identical(self.ty(&es[0]), rts[0]) || !self.is_iface(rts[0]) {
                    let n = self.words(rts[0]);
                    self.emit(Op::Return { a: r, n });
                    return;
                }
            }
        }
        let rw: u32 = rts.iter().map(|&t| self.words(t)).sum();
        let d = self.alloc(rw);
        if es.len() == rts.len() {
            let mut off = 0;
            for (e, &t) in es.iter().zip(&rts) {
                self.convert_to(e, t, Reg(d.0 + off));
                off += self.words(t);
            }
        } else {
            // `return f()`: each value converted to its result's type.
            let t = self.ty(&es[0]);
            let elems = self
                .g
                .tt
                .tuple_elems(t)
                .map(|x| x.to_vec())
                .unwrap_or_default();
            let tmp = self.alloc(self.words(t));
            self.expr_to(&es[0], tmp);
            let (mut src, mut dst) = (0, 0);
            for (&et, &rt) in elems.iter().zip(&rts) {
                self.arg_to(ArgSrc::Val(Reg(tmp.0 + src), et), rt, Reg(d.0 + dst));
                src += self.words(et);
                dst += self.words(rt);
            }
        }
        // Named results are observable by deferred functions: store them.
        if !self.named_results.is_empty() {
            let mut off = 0;
            for v in self.named_results.clone() {
                let w = self.words(v.ty);
                self.write_var(v, Reg(d.0 + off));
                off += w;
            }
            self.ret_named();
            return;
        }
        self.emit(Op::Return { a: d, n: rw });
    }

    fn defer(&mut self, e: &'a Expr) {
        self.has_defer = true;
        // The function value and the argument words are evaluated now;
        // the VM keeps them with the deferred record.
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            self.err(e.span, "this defer statement");
            return;
        };
        match self.g.info.calls.get(&e.id) {
            Some(CallKind::Call) => {}
            Some(CallKind::Builtin(b)) => return self.defer_builtin(e, *b, args, false),
            Some(CallKind::Conversion(_)) | None => {
                self.err(e.span, "this deferred call");
                return;
            }
        }
        let ft = self.ty(func);
        let Some(sig) = self.g.tt.signature(ft).cloned() else {
            self.err(e.span, "this deferred call");
            return;
        };
        let func_s = strip_parens(func);
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        // A method call: the function is the method, the receiver its first argument.
        if let Some(sel) = self.g.info.selections.get(&func_s.id).cloned() {
            if sel.kind == SelectionKind::MethodVal {
                let ExprKind::Selector(x, _) = &func_s.kind else {
                    return;
                };
                let xt = self.ty(x);
                let et = self.embedded_type(xt, &sel.index);
                if self.is_iface(xt) || self.is_iface(et) {
                    // Through a method value: the interface is evaluated now.
                    let c = self.alloc(1);
                    self.method_value(func_s, x, &sel, c);
                    let a = self.alloc(pw);
                    self.args(args, &sig, ellipsis.is_some(), a);
                    self.emit(Op::Defer { c, a, n: pw });
                    return;
                }
                let m = sel.obj.unwrap_or(ObjId(0));
                let rt = match self.g.tt.obj(m).kind {
                    ObjKind::Func { recv: Some(r), .. } => r,
                    _ => ids::INVALID,
                };
                let rw = self.words(rt);
                let c = self.alloc(1);
                self.func_value(m, c, e.span);
                let a = self.alloc(rw + pw);
                self.receiver(x, &sel, a);
                self.args(args, &sig, ellipsis.is_some(), Reg(a.0 + rw));
                self.emit(Op::Defer { c, a, n: rw + pw });
                return;
            }
        }
        let c = self.operand(func);
        let a = self.alloc(pw);
        self.args(args, &sig, ellipsis.is_some(), a);
        self.emit(Op::Defer { c, a, n: pw });
    }

    /// `defer` or `go` of a builtin: the arguments are evaluated now and
    /// passed to a small function that runs the builtin on them.
    fn defer_builtin(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr], go: bool) {
        let mark = self.top;
        // f() with several results as all of the builtin's arguments.
        let tuple = match args {
            [a] => self.g.tt.tuple_elems(self.ty(a)).map(|x| x.to_vec()),
            _ => None,
        };
        let types: Vec<TypeId> = match b {
            Builtin::Delete if tuple.is_some() => {
                let mt = tuple
                    .as_ref()
                    .and_then(|t| t.first().copied())
                    .unwrap_or(ids::INVALID);
                let kt = match self.under(mt) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                vec![mt, kt]
            }
            _ if tuple.is_some() => tuple.clone().unwrap_or_default(),
            Builtin::Print | Builtin::Println | Builtin::Copy | Builtin::Close => args
                .iter()
                .map(|a| self.g.tt.default_type(self.ty(a)))
                .collect(),
            Builtin::Clear => vec![self.ty(&args[0])],
            Builtin::Panic => vec![ids::ANY],
            Builtin::Delete => {
                let mt = self.ty(&args[0]);
                let kt = match self.under(mt) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                vec![mt, kt]
            }
            Builtin::Recover => Vec::new(),
            _ => {
                self.err(e.span, "a deferred builtin call");
                return;
            }
        };
        let n: u32 = types.iter().map(|&t| self.words(t)).sum();
        let a = self.alloc(n.max(1));
        if let Some(elems) = tuple {
            let tmp = self.alloc(self.words(self.ty(&args[0])).max(1));
            self.expr_to(&args[0], tmp);
            let (mut from, mut to) = (0, 0);
            for (&et, &t) in elems.iter().zip(&types) {
                self.arg_to(ArgSrc::Val(Reg(tmp.0 + from), et), t, Reg(a.0 + to));
                from += self.words(et);
                to += self.words(t);
            }
        } else {
            let mut off = 0;
            for (x, &t) in args.iter().zip(&types) {
                let m = self.top;
                self.convert_to(x, t, Reg(a.0 + off));
                self.top = m;
                off += self.words(t);
            }
        }
        let i = self.g.deferred_builtins.len();
        self.g.deferred_builtins.push((b, types, e.span.lo));
        let nth = &mut self.wrap_counts[usize::from(go)];
        *nth += 1;
        let f = self.g.new_func(
            format!(
                "{}.{}{}",
                self.name,
                if go { "gowrap" } else { "deferwrap" },
                *nth
            ),
            Body::DeferBuiltin(i),
        );
        let c = self.alloc(1);
        self.emit(Op::MakeClosure {
            d: c,
            f,
            a: Reg(0),
            n: 0,
        });
        self.set_pos(e.span.lo);
        if go {
            self.emit(Op::Go { c, a, n });
        } else {
            self.emit(Op::Defer { c, a, n });
        }
        self.top = mark;
    }

    /// The function a deferred builtin runs: its parameters are the
    /// builtin's evaluated arguments.
    fn defer_builtin_body(&mut self, b: Builtin, types: &[TypeId]) -> (u32, u32) {
        let n: u32 = types.iter().map(|&t| self.words(t)).sum();
        self.alloc(n);
        match b {
            Builtin::Print | Builtin::Println => {
                let mut off = 0;
                let mut vals = Vec::with_capacity(types.len());
                for &t in types {
                    vals.push((Reg(off), t));
                    off += self.words(t);
                }
                self.emit_prints(b, &vals);
            }
            Builtin::Panic => {
                self.emit(Op::Panic { a: Reg(0) });
            }
            Builtin::Close => {
                self.emit(Op::ChanClose { c: Reg(0) });
            }
            Builtin::Copy => {
                let dt = types.first().copied().unwrap_or(ids::INVALID);
                let st = types.get(1).copied().unwrap_or(ids::INVALID);
                let et = match self.under(dt) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let src = if self.basic(st) == Some(BasicKind::String) {
                    let o = self.alloc(3);
                    self.emit(Op::StrToBytes { d: o, a: Reg(3) });
                    o
                } else {
                    Reg(3)
                };
                let d = self.alloc(1);
                self.emit(Op::CopySlice {
                    d,
                    a: Reg(0),
                    b: src,
                    t: rt,
                });
            }
            Builtin::Clear => {
                let xt = types.first().copied().unwrap_or(ids::INVALID);
                match self.under(xt).clone() {
                    Type::Map(..) => {
                        self.emit(Op::MapClear { a: Reg(0) });
                    }
                    Type::Slice(et) => {
                        let t = self.g.rt_type(et);
                        self.emit(Op::ClearSlice { a: Reg(0), t });
                    }
                    _ => {}
                }
            }
            Builtin::Delete => {
                let mt = types.first().copied().unwrap_or(ids::INVALID);
                let t = self.g.rt_type(mt);
                self.emit(Op::MapDelete {
                    m: Reg(0),
                    k: Reg(1),
                    t,
                });
            }
            Builtin::Recover => {
                // The VM treats a `recover` in a `deferwrap` function as
                // called by the function that deferred it (Go's rule).
                let d = self.alloc(1);
                self.emit(Op::Recover { d });
            }
            _ => {}
        }
        self.emit(Op::Return { a: Reg(0), n: 0 });
        (n, 0)
    }

    // ----- variables -----

    fn local_reg(&self, e: &Expr) -> Option<Reg> {
        if let ExprKind::Ident(id) = &e.kind {
            let o = self.g.info.uses.get(&id.id)?;
            let v = self.vars.get(o)?;
            if !v.boxed {
                return Some(v.reg);
            }
        }
        if let ExprKind::Paren(x) = &e.kind {
            return self.local_reg(x);
        }
        None
    }

    fn read_var(&mut self, v: Var, d: Reg) {
        let w = self.words(v.ty);
        if v.boxed {
            self.emit(Op::Load {
                d,
                a: v.reg,
                off: Off(0),
                n: w,
            });
        } else if w == 1 {
            self.emit(Op::Move { d, a: v.reg });
        } else if w > 0 {
            self.emit(Op::MoveN { d, a: v.reg, n: w });
        }
    }

    fn write_var(&mut self, v: Var, a: Reg) {
        let w = self.words(v.ty);
        if v.boxed {
            let rt = self.g.rt_type(v.ty);
            self.emit(Op::Store {
                d: v.reg,
                off: Off(0),
                a,
                n: w,
                t: rt,
            });
        } else if w == 1 {
            self.emit(Op::Move { d: v.reg, a });
        } else if w > 0 {
            self.emit(Op::MoveN { d: v.reg, a, n: w });
        }
    }

    /// The value of variable `o` into `d`.
    fn load_var(&mut self, o: ObjId, d: Reg, span: Span) {
        if let Some(v) = self.vars.get(&o).copied() {
            self.read_var(v, d);
            return;
        }
        if let Some(&(off, t)) = self.captures.get(&o) {
            let w = self.words(t);
            let b = self.alloc(1);
            self.emit(Op::LoadCapture {
                d: b,
                off: Off(off),
                n: 1,
            });
            self.emit(Op::Load {
                d,
                a: b,
                off: Off(0),
                n: w,
            });
            return;
        }
        if let Some(&gw) = self.g.globals.get(&o) {
            self.g.used_globals.insert(o);
            let n = self.words(self.g.tt.obj(o).ty);
            self.emit(Op::LoadGlobal { d, g: gw, n });
            return;
        }
        self.err(span, "a reference to this variable");
    }

    fn store_var(&mut self, o: ObjId, a: Reg, span: Span) {
        if let Some(v) = self.vars.get(&o).copied() {
            self.write_var(v, a);
            return;
        }
        if let Some(&(off, t)) = self.captures.get(&o) {
            let w = self.words(t);
            let rt = self.g.rt_type(t);
            let b = self.alloc(1);
            self.emit(Op::LoadCapture {
                d: b,
                off: Off(off),
                n: 1,
            });
            self.emit(Op::Store {
                d: b,
                off: Off(0),
                a,
                n: w,
                t: rt,
            });
            return;
        }
        if let Some(&gw) = self.g.globals.get(&o) {
            self.g.used_globals.insert(o);
            let n = self.words(self.g.tt.obj(o).ty);
            self.emit(Op::StoreGlobal { g: gw, a, n });
            return;
        }
        self.err(span, "an assignment to this variable");
    }

    /// The slots of `e` when it is an unboxed local or a field path inside
    /// one (no pointer on the way).
    fn local_slots(&self, e: &Expr) -> Option<Reg> {
        match &e.kind {
            ExprKind::Paren(x) => self.local_slots(x),
            ExprKind::Ident(_) => self.local_reg(e),
            ExprKind::Selector(x, _) => {
                let sel = self.g.info.selections.get(&e.id)?;
                if sel.kind != SelectionKind::Field || sel.indirect {
                    return None;
                }
                let base = self.local_slots(x)?;
                let mut st = self.ty(x);
                let mut off = 0;
                for &fi in &sel.index {
                    let fs = self.g.tt.struct_fields(st)?;
                    off += fs.iter().take(fi).map(|f| self.words(f.ty)).sum::<u32>();
                    st = fs.get(fi)?.ty;
                }
                Some(Reg(base.0 + off))
            }
            _ => None,
        }
    }

    /// The variable a qualified identifier (`os.Args`) denotes.
    fn qualified_var(&self, e: &Expr) -> Option<ObjId> {
        let ExprKind::Selector(_, name) = &e.kind else {
            return None;
        };
        if self.g.info.selections.contains_key(&e.id) {
            return None;
        }
        let o = self.g.info.uses.get(&name.id).copied()?;
        matches!(self.g.tt.obj(o).kind, ObjKind::Var(_)).then_some(o)
    }

    /// Stores the value in `a` to the location `l` denotes.
    fn store_to(&mut self, l: &'a Expr, a: Reg) {
        if matches!(l.kind, ExprKind::Selector(..)) {
            if let Some(r) = self.local_slots(l) {
                let w = self.words(self.ty(l));
                self.emit(Op::MoveN { d: r, a, n: w });
                return;
            }
        }
        if let Some(o) = self.qualified_var(l) {
            self.store_var(o, a, l.span);
            return;
        }
        match &l.kind {
            ExprKind::Paren(x) => self.store_to(x, a),
            ExprKind::Ident(id) => {
                if id.is_blank() {
                    return;
                }
                if let Some(o) = self.g.info.object_of(id.id) {
                    self.store_var(o, a, l.span);
                }
            }
            _ => {
                let t = self.ty(l);
                let w = self.words(t);
                let rt = self.g.rt_type(t);
                if let ExprKind::Index(x, i) = &l.kind {
                    let xt = self.ty(x);
                    if let Type::Slice(_) = self.under(xt) {
                        let s = self.operand(x);
                        let ir = self.operand(i);
                        self.emit(Op::SliceSet {
                            d: s,
                            i: ir,
                            a,
                            t: rt,
                        });
                        return;
                    }
                    if let Type::Map(kt, _) = self.under(xt).clone() {
                        let mr = self.operand(x);
                        let kr = self.alloc(self.words(kt));
                        self.convert_to(i, kt, kr);
                        let mt = self.g.rt_type(xt);
                        self.emit(Op::MapSet {
                            m: mr,
                            k: kr,
                            v: a,
                            t: mt,
                        });
                        return;
                    }
                    if let Type::Array(n, et) = self.under(xt).clone() {
                        if !self.heap_addressable(x) {
                            // An array held in slots: store the element
                            // into them, or into a copy written back.
                            let ew = self.words(et);
                            let ir = self.operand(i);
                            if let Some(base) = self.local_slots(x) {
                                self.emit(Op::SlotStore {
                                    d: base,
                                    i: ir,
                                    a,
                                    ew,
                                    len: n as u32,
                                });
                            } else {
                                let tmp = self.alloc(self.words(xt));
                                self.expr_to(x, tmp);
                                self.emit(Op::SlotStore {
                                    d: tmp,
                                    i: ir,
                                    a,
                                    ew,
                                    len: n as u32,
                                });
                                self.store_to(x, tmp);
                            }
                            return;
                        }
                    }
                }
                if let ExprKind::Selector(x, _) = &l.kind {
                    let field = self
                        .g
                        .info
                        .selections
                        .get(&l.id)
                        .is_some_and(|s| s.kind == SelectionKind::Field && !s.indirect);
                    if field
                        && self.g.tt.pointer_elem(self.ty(x)).is_none()
                        && !self.heap_addressable(x)
                    {
                        // A field of a struct held in slots (an array
                        // element, say): update a copy and write it back.
                        let xt = self.ty(x);
                        let tmp = self.alloc(self.words(xt));
                        self.expr_to(x, tmp);
                        let off = self.field_off(xt, l);
                        self.emit(Op::MoveN {
                            d: Reg(tmp.0 + off),
                            a,
                            n: w,
                        });
                        self.store_to(x, tmp);
                        return;
                    }
                }
                if self.ptr_field_shape(l) {
                    let (p, off) = self.ptr_field(l);
                    self.emit(Op::Store {
                        d: p,
                        off: Off(off),
                        a,
                        n: w,
                        t: rt,
                    });
                    return;
                }
                // Through an address.
                let p = self.alloc(1);
                if self.addr_of(l, p) {
                    self.emit(Op::Store {
                        d: p,
                        off: Off(0),
                        a,
                        n: w,
                        t: rt,
                    });
                }
            }
        }
    }

    /// Computes the address of an addressable expression into `d`.
    fn addr_of(&mut self, e: &'a Expr, d: Reg) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.addr_of(x, d),
            ExprKind::Ident(id) => {
                let Some(o) = self.g.info.uses.get(&id.id).copied() else {
                    self.err(e.span, "this address");
                    return false;
                };
                if let Some(v) = self.vars.get(&o).copied() {
                    if v.boxed {
                        self.emit(Op::Move { d, a: v.reg });
                        return true;
                    }
                }
                if let Some(&(off, _)) = self.captures.get(&o) {
                    self.emit(Op::LoadCapture {
                        d,
                        off: Off(off),
                        n: 1,
                    });
                    return true;
                }
                if let Some(&gw) = self.g.globals.get(&o) {
                    self.g.used_globals.insert(o);
                    self.emit(Op::GlobalAddr { d, g: gw });
                    return true;
                }
                self.err(e.span, "the address of this variable");
                false
            }
            ExprKind::Star(p) => {
                self.expr_to(p, d);
                // `&*p` panics on a nil p, as Go does.
                self.emit(Op::Load {
                    d,
                    a: d,
                    off: Off(0),
                    n: 0,
                });
                true
            }
            ExprKind::Index(x, i) => {
                let xt = self.ty(x);
                match self.under(xt).clone() {
                    Type::Slice(et) => {
                        let s = self.operand(x);
                        let ir = self.operand(i);
                        let rt = self.g.rt_type(et);
                        self.emit(Op::SliceAddr {
                            d,
                            a: s,
                            i: ir,
                            t: rt,
                        });
                        true
                    }
                    Type::Array(n, et) => {
                        if !self.addr_of(x, d) {
                            return false;
                        }
                        let ir = self.operand(i);
                        let ew = self.words(et);
                        self.emit(Op::ElemAddr {
                            d,
                            a: d,
                            i: ir,
                            ew,
                            len: n as u32,
                        });
                        true
                    }
                    Type::Pointer(pt) => {
                        let Type::Array(n, et) = self.under(pt).clone() else {
                            self.err(e.span, "the address of this element");
                            return false;
                        };
                        self.expr_to(x, d);
                        let ir = self.operand(i);
                        let ew = self.words(et);
                        self.emit(Op::ElemAddr {
                            d,
                            a: d,
                            i: ir,
                            ew,
                            len: n as u32,
                        });
                        true
                    }
                    _ => {
                        self.err(e.span, "the address of this element");
                        false
                    }
                }
            }
            ExprKind::Selector(x, _) => {
                let Some(sel) = self.g.info.selections.get(&e.id).cloned() else {
                    if let Some(o) = self.qualified_var(e) {
                        if let Some(&gw) = self.g.globals.get(&o) {
                            self.g.used_globals.insert(o);
                            self.emit(Op::GlobalAddr { d, g: gw });
                            return true;
                        }
                    }
                    self.err(e.span, "this selector");
                    return false;
                };
                if sel.kind != SelectionKind::Field {
                    self.err(e.span, "the address of a method");
                    return false;
                }
                // Base address: x is a pointer, or addressable.
                let xt = self.ty(x);
                // Whether the address comes from a pointer that may be nil
                // (so `&p.f` must panic on a nil `p` even at offset 0).
                let mut via_ptr = self.g.tt.pointer_elem(xt).is_some();
                if via_ptr {
                    self.expr_to(x, d);
                } else if !self.addr_of(x, d) {
                    return false;
                }
                let mut t = self.g.tt.pointer_elem(xt).unwrap_or(xt);
                let mut off = 0;
                for (k, &fi) in sel.index.iter().enumerate() {
                    let fs = self
                        .g
                        .tt
                        .struct_fields(t)
                        .map(|f| f.to_vec())
                        .unwrap_or_default();
                    let before: u32 = fs.iter().take(fi).map(|f| self.words(f.ty)).sum();
                    off += before;
                    let ft = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
                    if k + 1 < sel.index.len() && self.g.tt.pointer_elem(ft).is_some() {
                        // Through an embedded pointer.
                        self.emit(Op::Load {
                            d,
                            a: d,
                            off: Off(off),
                            n: 1,
                        });
                        off = 0;
                        via_ptr = true;
                        t = self.g.tt.pointer_elem(ft).unwrap_or(ft);
                    } else {
                        t = ft;
                    }
                }
                if off > 0 || via_ptr {
                    // Nil check first: an offset nil pointer is no longer nil.
                    self.emit(Op::Load {
                        d,
                        a: d,
                        off: Off(0),
                        n: 0,
                    });
                    if off > 0 {
                        self.emit(Op::AddIntImm {
                            d,
                            a: d,
                            v: (off * 8) as i32,
                        });
                    }
                }
                true
            }
            _ => {
                self.err(e.span, "the address of this expression");
                false
            }
        }
    }

    // ----- expressions -----

    /// A slot holding the value of `e`: a local's own slot, or a temporary.
    fn operand(&mut self, e: &'a Expr) -> Reg {
        if self.const_value(e).is_none() {
            if let Some(r) = self.local_reg(e) {
                return r;
            }
        }
        let t = self.ty(e);
        let r = self.alloc(self.words(t).max(1));
        self.expr_to(e, r);
        r
    }

    fn const_value(&self, e: &Expr) -> Option<&'a Value> {
        let tv: &'a crate::check::TypeAndValue = self.g.info.types.get(&e.id)?;
        if tv.mode == Mode::Constant {
            tv.value.as_ref()
        } else {
            None
        }
    }

    /// `e` converted to type `t` (assignability: to interface, nil) into `d`.
    fn convert_to(&mut self, e: &'a Expr, t: TypeId, d: Reg) {
        let et = self.ty(e);
        if self.is_iface(t) && !self.is_iface(et) {
            if self.is_nil(e) {
                self.emit(Op::Zero { d, n: 1 });
                return;
            }
            if let Some(v) = self.const_value(e) {
                let w = self.words(et);
                let tmp = self.alloc(w);
                self.const_to(v, et, tmp);
                let rt = self.g.rt_type(et);
                self.emit(Op::ToIface {
                    d,
                    a: tmp,
                    n: w,
                    t: rt,
                });
                return;
            }
            if self.huge(et) {
                let s = self.alloc(1);
                self.huge_addr(e, s);
                let t = self.g.rt_type(et);
                self.emit(Op::BoxValue { d, a: s, t });
                return;
            }
            let w = self.words(et);
            let tmp = self.operand(e);
            let rt = self.g.rt_type(et);
            self.emit(Op::ToIface {
                d,
                a: tmp,
                n: w,
                t: rt,
            });
            return;
        }
        if let Some(v) = self.const_value(e) {
            self.const_to(v, t, d);
            return;
        }
        self.expr_to(e, d);
    }

    fn is_nil(&self, e: &Expr) -> bool {
        if let ExprKind::Ident(id) = &strip_parens(e).kind {
            if let Some(&o) = self.g.info.uses.get(&id.id) {
                return matches!(self.g.tt.obj(o).kind, ObjKind::Nil);
            }
        }
        false
    }

    fn const_to(&mut self, v: &Value, t: TypeId, d: Reg) {
        let t = if self.g.tt.is_untyped(t) {
            self.g.tt.default_type(t)
        } else {
            t
        };
        match self.basic(t) {
            Some(BasicKind::Bool) => {
                let b = matches!(v, Value::Bool(true));
                self.emit(Op::LoadInt { d, v: b as i64 });
            }
            Some(BasicKind::String) => {
                let bytes = match v {
                    Value::String(s) => s.clone(),
                    _ => Vec::new(),
                };
                let s = self.g.string(&bytes);
                self.emit(Op::LoadStr { d, s });
            }
            Some(BasicKind::Float32) => {
                let f = v.to_f32().unwrap_or(0.0) as f64;
                self.emit(Op::LoadInt {
                    d,
                    v: f.to_bits() as i64,
                });
            }
            Some(BasicKind::Float64) => {
                let f = v.to_f64().unwrap_or(0.0);
                self.emit(Op::LoadInt {
                    d,
                    v: f.to_bits() as i64,
                });
            }
            Some(k) if k.is_integer() => {
                let bits = v
                    .to_i64()
                    .or_else(|| v.to_u64().map(|u| u as i64))
                    .unwrap_or(0);
                self.emit(Op::LoadInt { d, v: bits });
            }
            _ => {
                // nil of a pointer-like or interface type.
                let w = self.words(t);
                self.emit(Op::Zero { d, n: w });
            }
        }
    }

    /// Compiles `e`, writing its words to `d..`.
    fn expr_to(&mut self, e: &'a Expr, d: Reg) {
        if let Some(v) = self.const_value(e) {
            let t = self.ty(e);
            self.const_to(v, t, d);
            return;
        }
        if self.is_nil(e) {
            let t = self.ty(e);
            let w = self.words(t).max(1);
            self.emit(Op::Zero { d, n: w });
            return;
        }
        let mark = self.top;
        match &e.kind {
            ExprKind::Paren(x) => self.expr_to(x, d),
            ExprKind::Ident(id) => {
                let Some(o) = self.g.info.uses.get(&id.id).copied() else {
                    self.err(e.span, "this identifier");
                    return;
                };
                match &self.g.tt.obj(o).kind {
                    ObjKind::Nil => {
                        let t = self.ty(e);
                        let w = self.words(t).max(1);
                        self.emit(Op::Zero { d, n: w });
                    }
                    ObjKind::Var(_) => self.load_var(o, d, e.span),
                    ObjKind::Func { .. } => self.func_value(o, d, e.span),
                    _ => self.err(e.span, "this identifier"),
                }
            }
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, d, e),
            ExprKind::Unary(op, x) => self.unary(*op, x, d, e),
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(e, func, args, ellipsis.is_some(), d),
            ExprKind::Index(x, i) => self.index(e, x, i, d),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref(), d)
            }
            ExprKind::Selector(x, _) => self.selector(e, x, d),
            ExprKind::Star(p) => {
                let pr = self.operand(p);
                let t = self.ty(e);
                let n = self.words(t);
                self.emit(Op::Load {
                    d,
                    a: pr,
                    off: Off(0),
                    n,
                });
            }
            ExprKind::Composite { elems, .. } => self.composite(e, elems, d),
            ExprKind::FuncLit { ty, body } => self.func_lit(e, ty, body, d),
            ExprKind::TypeAssert { x, .. } => {
                let t = self.ty(e);
                let xt = self.ty(x);
                let from = self.g.rt_type(xt);
                let xr = self.operand(x);
                if let Some(elems) = self.g.tt.tuple_elems(t).map(|x| x.to_vec()) {
                    // v, ok := x.(T)
                    let vt = elems.first().copied().unwrap_or(ids::INVALID);
                    let n = self.words(vt);
                    let rt = self.g.rt_type(vt);
                    let ok = Reg(d.0 + n);
                    if self.is_iface(vt) {
                        self.emit(Op::IfaceImplements {
                            d: ok,
                            a: xr,
                            t: rt,
                        });
                    } else {
                        self.emit(Op::IfaceIs {
                            d: ok,
                            a: xr,
                            t: rt,
                        });
                    }
                    self.emit(Op::Zero { d, n });
                    let j = self.emit(Op::JumpIfNot { a: ok, to: Pc(0) });
                    if self.is_iface(vt) {
                        self.emit(Op::Move { d, a: xr });
                    } else {
                        self.emit(Op::IfaceUnbox { d, a: xr, n });
                    }
                    self.patch_here(&[j]);
                    return;
                }
                let rt = self.g.rt_type(t);
                self.emit(Op::TypeAssert {
                    d,
                    a: xr,
                    t: rt,
                    from,
                });
            }
            _ => self.err(e.span, "this expression"),
        }
        self.top = mark;
    }

    fn func_value(&mut self, o: ObjId, d: Reg, span: Span) {
        if let Some(f) = self.g.func_id(o, span) {
            self.static_func(f, d);
        }
    }

    /// `d` = the function value of `f`, which captures nothing: made once
    /// before package initialization and kept in a hidden package-level
    /// word (see [`Gen::static_func_slot`]), so evaluating it allocates
    /// nothing, as in Go, where such values are static.
    fn static_func(&mut self, f: FuncId, d: Reg) {
        let slot = self.g.static_func_slot(f);
        self.emit(Op::LoadGlobal { d, g: slot, n: 1 });
    }

    fn func_lit(&mut self, e: &'a Expr, ty: &'a ast::FuncType, body: &'a ast::Block, d: Reg) {
        // Captured variables: every identifier in the body that denotes a
        // variable of this function (or one this function captured).
        let mut caps = Vec::new();
        self.collect_captures_block(body, &mut caps, 0);
        self.lit_count += 1;
        let name = format!("{}.func{}", self.name, self.lit_count);
        self.g.lit_captures.insert(e.id, caps.clone());
        let f = self.g.new_func(name, Body::Lit(e, ty, body));
        if caps.is_empty() {
            self.static_func(f, d);
            return;
        }
        let a = self.alloc(caps.len() as u32);
        for (i, o) in caps.iter().enumerate() {
            let r = Reg(a.0 + i as u32);
            if !self.addr_of_var(*o, r) {
                self.err(e.span, "this closure");
            }
        }
        self.emit(Op::MakeClosure {
            d,
            f,
            a,
            n: caps.len() as u32,
        });
    }

    fn addr_of_var(&mut self, o: ObjId, d: Reg) -> bool {
        if let Some(v) = self.vars.get(&o).copied() {
            if v.boxed {
                self.emit(Op::Move { d, a: v.reg });
                return true;
            }
            return false;
        }
        if let Some(&(off, _)) = self.captures.get(&o) {
            self.emit(Op::LoadCapture {
                d,
                off: Off(off),
                n: 1,
            });
            return true;
        }
        false
    }

    fn note_capture(&self, id: &ast::Ident, caps: &mut Vec<ObjId>) {
        if let Some(o) = self.g.info.uses.get(&id.id) {
            if (self.vars.contains_key(o) || self.captures.contains_key(o)) && !caps.contains(o) {
                if let ObjKind::Var(k) = self.g.tt.obj(*o).kind {
                    if k != VarKind::Global {
                        caps.push(*o);
                    }
                }
            }
        }
    }

    fn collect_captures_block(&self, b: &ast::Block, caps: &mut Vec<ObjId>, depth: u32) {
        for s in &b.stmts {
            self.collect_captures_stmt(s, caps, depth + 1);
        }
    }

    fn collect_captures_stmt(&self, s: &ast::Stmt, caps: &mut Vec<ObjId>, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        let d = depth + 1;
        let e = |x: &Expr, caps: &mut Vec<ObjId>| self.collect_captures_expr(x, caps, d);
        let st = |x: &ast::Stmt, caps: &mut Vec<ObjId>| self.collect_captures_stmt(x, caps, d);
        match &s.kind {
            StmtKind::Expr(x) | StmtKind::Go(x) | StmtKind::Defer(x) => e(x, caps),
            StmtKind::Send { ch, value } => {
                e(ch, caps);
                e(value, caps);
            }
            StmtKind::IncDec { x, .. } => e(x, caps),
            StmtKind::Assign { lhs, rhs, .. } => {
                for x in lhs.iter().chain(rhs) {
                    e(x, caps);
                }
            }
            StmtKind::Define { values, names } => {
                for x in values {
                    e(x, caps);
                }
                for n in names {
                    self.note_capture(n, caps);
                }
            }
            StmtKind::Decl(ast::Decl::Var(gd)) => {
                for sp in &gd.specs {
                    for x in &sp.values {
                        e(x, caps);
                    }
                }
            }
            StmtKind::Return(xs) => {
                for x in xs {
                    e(x, caps);
                }
            }
            StmtKind::Block(b) => self.collect_captures_block(b, caps, d),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                e(cond, caps);
                self.collect_captures_block(then, caps, d);
                if let Some(x) = els {
                    st(x, caps);
                }
            }
            StmtKind::Switch {
                init, tag, cases, ..
            } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                if let Some(t) = tag {
                    e(t, caps);
                }
                for c in cases {
                    for x in &c.exprs {
                        e(x, caps);
                    }
                    for x in &c.body {
                        st(x, caps);
                    }
                }
            }
            StmtKind::TypeSwitch { init, x, cases, .. } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                e(x, caps);
                for c in cases {
                    for x in &c.body {
                        st(x, caps);
                    }
                }
            }
            StmtKind::Select { cases, .. } => {
                for c in cases {
                    if let Some(x) = &c.comm {
                        st(x, caps);
                    }
                    for x in &c.body {
                        st(x, caps);
                    }
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    st(i, caps);
                }
                if let Some(c) = cond {
                    e(c, caps);
                }
                if let Some(p) = post {
                    st(p, caps);
                }
                self.collect_captures_block(body, caps, d);
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                for k in key.iter().chain(value.iter()) {
                    e(k, caps);
                }
                e(x, caps);
                self.collect_captures_block(body, caps, d);
            }
            StmtKind::Labeled { stmt, .. } => st(stmt, caps),
            _ => {}
        }
    }

    fn collect_captures_expr(&self, x: &Expr, caps: &mut Vec<ObjId>, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        let d = depth + 1;
        let e = |y: &Expr, caps: &mut Vec<ObjId>| self.collect_captures_expr(y, caps, d);
        match &x.kind {
            ExprKind::Ident(id) => self.note_capture(id, caps),
            ExprKind::Composite { elems, .. } => {
                for el in elems {
                    if let Some(k) = &el.key {
                        e(k, caps);
                    }
                    e(&el.value, caps);
                }
            }
            ExprKind::FuncLit { body, .. } => self.collect_captures_block(body, caps, d),
            ExprKind::Paren(y) | ExprKind::Star(y) | ExprKind::Unary(_, y) => e(y, caps),
            ExprKind::Selector(y, _) => e(y, caps),
            ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) => {
                e(a, caps);
                e(b, caps);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                e(x, caps);
                for y in [lo, hi, max].into_iter().flatten() {
                    e(y, caps);
                }
            }
            ExprKind::TypeAssert { x, .. } => e(x, caps),
            ExprKind::Call { func, args, .. } => {
                e(func, caps);
                for a in args {
                    e(a, caps);
                }
            }
            _ => {}
        }
    }

    fn unary(&mut self, op: UnaryOp, x: &'a Expr, d: Reg, e: &'a Expr) {
        let t = self.ty(e);
        match op {
            UnaryOp::Pos => self.expr_to(x, d),
            UnaryOp::Neg => {
                let a = self.operand(x);
                if self.g.tt.is_float(t) {
                    self.emit(Op::NegF64 { d, a });
                } else {
                    self.emit(Op::NegInt { d, a });
                    self.wrap(d, t);
                }
            }
            UnaryOp::Not => {
                let a = self.operand(x);
                self.emit(Op::Not { d, a });
            }
            UnaryOp::BitNot => {
                let a = self.operand(x);
                self.emit(Op::BitNot { d, a });
                self.wrap(d, t);
            }
            UnaryOp::Addr => {
                // &T{...}: a new object initialized from the literal.
                let inner = strip_parens(x);
                if let ExprKind::Composite { elems, .. } = &inner.kind {
                    let xt = self.ty(inner);
                    if self.huge(xt) {
                        let rt = self.g.rt_type(xt);
                        self.emit(Op::New { d, t: rt });
                        self.composite_heap(xt, elems, d);
                        return;
                    }
                    let w = self.words(xt);
                    let rt = self.g.rt_type(xt);
                    let v = self.alloc(w);
                    self.expr_to(inner, v);
                    self.emit(Op::New { d, t: rt });
                    self.emit(Op::Store {
                        d,
                        off: Off(0),
                        a: v,
                        n: w,
                        t: rt,
                    });
                } else {
                    self.addr_of(x, d);
                }
            }
            UnaryOp::Recv => self.recv_expr(e, x, d),
        }
    }

    /// Truncates `d` to the width of integer type `t`.
    fn wrap(&mut self, d: Reg, t: TypeId) {
        let (w, signed) = match self.basic(t) {
            Some(BasicKind::Int8) => (Width::W8, true),
            Some(BasicKind::Int16) => (Width::W16, true),
            Some(BasicKind::Int32) => (Width::W32, true),
            Some(BasicKind::Uint8) => (Width::W8, false),
            Some(BasicKind::Uint16) => (Width::W16, false),
            Some(BasicKind::Uint32) => (Width::W32, false),
            Some(BasicKind::Float32) => {
                self.emit(Op::RoundF32 { d, a: d });
                return;
            }
            _ => return,
        };
        if signed {
            self.emit(Op::Sext { d, a: d, w });
        } else {
            self.emit(Op::Zext { d, a: d, w });
        }
    }

    fn binary(&mut self, op: BinaryOp, a: &'a Expr, b: &'a Expr, d: Reg, e: &'a Expr) {
        match op {
            BinaryOp::LAnd | BinaryOp::LOr => {
                self.expr_to(a, d);
                let j = if op == BinaryOp::LAnd {
                    self.emit(Op::JumpIfNot { a: d, to: Pc(0) })
                } else {
                    self.emit(Op::JumpIf { a: d, to: Pc(0) })
                };
                self.expr_to(b, d);
                self.patch_here(&[j]);
                return;
            }
            _ => {}
        }
        let at = self.ty(a);
        let bt = self.ty(b);
        if op.is_comparison() {
            // Mixed interface/concrete comparisons convert the concrete side.
            let (ct, ar, br) = if self.is_iface(at) != self.is_iface(bt) {
                let it = if self.is_iface(at) { at } else { bt };
                let ar = self.alloc(1);
                self.convert_to(a, it, ar);
                let br = self.alloc(1);
                self.convert_to(b, it, br);
                (it, ar, br)
            } else {
                let ct = if self.is_nil(a) { bt } else { at };
                let ar = self.operand_as(a, ct);
                let br = self.operand_as(b, ct);
                (ct, ar, br)
            };
            self.compare(op, d, ar, br, ct, e.span);
            return;
        }
        let t = self.ty(e);
        // A constant operand becomes an immediate (either side when the
        // operation commutes): no temporary, one instruction.
        let commutes = matches!(
            op,
            BinaryOp::Add | BinaryOp::Mul | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor
        );
        for (x, c, ok) in [(a, b, true), (b, a, commutes)] {
            if !ok || self.const_value(x).is_some() {
                continue;
            }
            if let Some(v) = self.const_value(c) {
                if self.imm_op(op, t, d, Reg(0), v).is_some() {
                    let xr = self.operand(x);
                    if let Some(o) = self.imm_op(op, t, d, xr, v) {
                        self.emit(o);
                        self.wrap_int_result(op, t, d);
                        return;
                    }
                }
            }
        }
        // A constant shift count is never negative (the checker rejects
        // one) and may need all 64 bits: `x << math.MaxUint` shifts by
        // 2^64-1, not by -1.
        let bt = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) && self.const_value(b).is_some() {
            crate::types::ids::UINT
        } else {
            bt
        };
        let ar = self.operand(a);
        let br = self.operand(b);
        self.binary_regs(op, t, bt, d, ar, br, e.span);
    }

    /// `d = a op v` as one immediate-operand instruction, when integer type
    /// `t` and constant `v` allow one (`v` fits 32 bits sign-extended; a
    /// shift count is below 64). Division keeps its register form.
    fn imm_op(&self, op: BinaryOp, t: TypeId, d: Reg, a: Reg, v: &Value) -> Option<Op> {
        if !self.basic(t).is_some_and(|k| k.is_integer()) {
            return None;
        }
        let unsigned = self.g.tt.is_unsigned(t);
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            let s = v.to_u64().filter(|&s| s < 64)? as u32;
            return Some(match op {
                BinaryOp::Shl => Op::ShlImm { d, a, s },
                _ if unsigned => Op::ShrUintImm { d, a, s },
                _ => Op::ShrIntImm { d, a, s },
            });
        }
        let bits = v.to_i64().or_else(|| v.to_u64().map(|u| u as i64))?;
        let v = i32::try_from(bits).ok()?;
        Some(match op {
            BinaryOp::Add => Op::AddIntImm { d, a, v },
            BinaryOp::Sub => Op::AddIntImm {
                d,
                a,
                v: v.checked_neg()?,
            },
            BinaryOp::Mul => Op::MulIntImm { d, a, v },
            BinaryOp::And => Op::AndImm { d, a, v },
            BinaryOp::AndNot => Op::AndImm { d, a, v: !v },
            BinaryOp::Or => Op::OrImm { d, a, v },
            BinaryOp::Xor => Op::XorImm { d, a, v },
            _ => return None,
        })
    }

    /// Truncates the result of integer operation `op` to the width of `t`
    /// where the operation can leave the width.
    fn wrap_int_result(&mut self, op: BinaryOp, t: TypeId, d: Reg) {
        let unsigned = self.g.tt.is_unsigned(t);
        // Division of a narrow signed MIN by -1 overflows too.
        if !matches!(
            op,
            BinaryOp::And | BinaryOp::Or | BinaryOp::AndNot | BinaryOp::Rem
        ) || unsigned && op == BinaryOp::Rem
        {
            self.wrap(d, t);
        }
    }

    fn operand_as(&mut self, e: &'a Expr, t: TypeId) -> Reg {
        if self.is_nil(e) || self.const_value(e).is_some() {
            let r = self.alloc(self.words(t).max(1));
            self.convert_to(e, t, r);
            return r;
        }
        self.operand(e)
    }

    #[allow(clippy::too_many_arguments)]
    fn binary_regs(
        &mut self,
        op: BinaryOp,
        t: TypeId,
        bt: TypeId,
        d: Reg,
        a: Reg,
        b: Reg,
        span: Span,
    ) {
        let k = self.basic(t);
        if k == Some(BasicKind::String) {
            if op == BinaryOp::Add {
                self.emit(Op::ConcatStr { d, a, b });
            } else {
                self.err(span, "this string operation");
            }
            return;
        }
        if self.g.tt.is_float(t) {
            let o = match op {
                BinaryOp::Add => Op::AddF64 { d, a, b },
                BinaryOp::Sub => Op::SubF64 { d, a, b },
                BinaryOp::Mul => Op::MulF64 { d, a, b },
                BinaryOp::Div => Op::DivF64 { d, a, b },
                _ => {
                    self.err(span, "this float operation");
                    return;
                }
            };
            self.emit(o);
            self.wrap(d, t);
            return;
        }
        let unsigned = self.g.tt.is_unsigned(t);
        let signed_count = !self.g.tt.is_unsigned(bt);
        let o = match op {
            BinaryOp::Add => Op::AddInt { d, a, b },
            BinaryOp::Sub => Op::SubInt { d, a, b },
            BinaryOp::Mul => Op::MulInt { d, a, b },
            BinaryOp::Div if unsigned => Op::DivUint { d, a, b },
            BinaryOp::Div => Op::DivInt { d, a, b },
            BinaryOp::Rem if unsigned => Op::RemUint { d, a, b },
            BinaryOp::Rem => Op::RemInt { d, a, b },
            BinaryOp::And => Op::And { d, a, b },
            BinaryOp::Or => Op::Or { d, a, b },
            BinaryOp::Xor => Op::Xor { d, a, b },
            BinaryOp::AndNot => Op::AndNot { d, a, b },
            BinaryOp::Shl => Op::Shl {
                d,
                a,
                b,
                signed_count,
            },
            BinaryOp::Shr if unsigned => Op::ShrUint {
                d,
                a,
                b,
                signed_count,
            },
            BinaryOp::Shr => Op::ShrInt {
                d,
                a,
                b,
                signed_count,
            },
            _ => {
                self.err(span, "this operation");
                return;
            }
        };
        self.emit(o);
        self.wrap_int_result(op, t, d);
    }

    fn compare(&mut self, op: BinaryOp, d: Reg, a: Reg, b: Reg, t: TypeId, span: Span) {
        match op {
            BinaryOp::Eq => self.equal(d, a, b, t, false, span),
            BinaryOp::Ne => self.equal(d, a, b, t, true, span),
            _ => {
                let (x, y, le) = match op {
                    BinaryOp::Lt => (a, b, false),
                    BinaryOp::Le => (a, b, true),
                    BinaryOp::Gt => (b, a, false),
                    _ => (b, a, true),
                };
                let o = if self.basic(t) == Some(BasicKind::String) {
                    if le {
                        Op::LeStr { d, a: x, b: y }
                    } else {
                        Op::LtStr { d, a: x, b: y }
                    }
                } else if self.g.tt.is_float(t) {
                    if le {
                        Op::LeF64 { d, a: x, b: y }
                    } else {
                        Op::LtF64 { d, a: x, b: y }
                    }
                } else if self.g.tt.is_unsigned(t) {
                    if le {
                        Op::LeUint { d, a: x, b: y }
                    } else {
                        Op::LtUint { d, a: x, b: y }
                    }
                } else if le {
                    Op::LeInt { d, a: x, b: y }
                } else {
                    Op::LtInt { d, a: x, b: y }
                };
                self.emit(o);
            }
        }
    }

    fn equal(&mut self, d: Reg, a: Reg, b: Reg, t: TypeId, negate: bool, _span: Span) {
        match self.under(t).clone() {
            Type::Basic(BasicKind::String, _) => {
                self.emit(Op::EqStr { d, a, b });
                if negate {
                    self.emit(Op::Not { d, a: d });
                }
            }
            Type::Basic(BasicKind::Float32 | BasicKind::Float64, _) => {
                if negate {
                    self.emit(Op::NeF64 { d, a, b });
                } else {
                    self.emit(Op::EqF64 { d, a, b });
                }
            }
            Type::Interface(_) => {
                self.emit(Op::EqIface { d, a, b });
                if negate {
                    self.emit(Op::Not { d, a: d });
                }
            }
            Type::Struct(_) | Type::Array(..) => {
                let rt = self.g.rt_type(t);
                self.emit(Op::EqValue { d, a, b, t: rt });
                if negate {
                    self.emit(Op::Not { d, a: d });
                }
            }
            _ => {
                if negate {
                    self.emit(Op::NeInt { d, a, b });
                } else {
                    self.emit(Op::EqInt { d, a, b });
                }
            }
        }
    }

    fn index(&mut self, e: &'a Expr, x: &'a Expr, i: &'a Expr, d: Reg) {
        let xt = self.ty(x);
        match self.under(xt).clone() {
            Type::Basic(..) => {
                let s = self.operand(x);
                let ir = self.operand(i);
                self.emit(Op::StrIndex { d, a: s, i: ir });
            }
            Type::Slice(et) => {
                let s = self.operand(x);
                let ir = self.operand(i);
                let rt = self.g.rt_type(et);
                self.emit(Op::SliceGet {
                    d,
                    a: s,
                    i: ir,
                    t: rt,
                });
            }
            Type::Map(kt, _) => {
                let mr = self.operand(x);
                let kr = self.alloc(self.words(kt));
                self.convert_to(i, kt, kr);
                let t = self.g.rt_type(xt);
                let ok = self.g.tt.tuple_elems(self.ty(e)).is_some();
                self.emit(Op::MapGet {
                    d,
                    m: mr,
                    k: kr,
                    t,
                    ok,
                });
            }
            Type::Array(n, et) => {
                let ew = self.words(et);
                if let Some(base) = self.local_slots(x) {
                    let ir = self.operand(i);
                    self.emit(Op::SlotIndex {
                        d,
                        a: base,
                        i: ir,
                        ew,
                        len: n as u32,
                    });
                } else if self.heap_addressable(x) {
                    let p = self.alloc(1);
                    self.addr_of(x, p);
                    let ir = self.operand(i);
                    self.load_array_elem(d, p, p, ir, ew, n as u32);
                } else {
                    let xr = self.operand(x);
                    let ir = self.operand(i);
                    self.emit(Op::SlotIndex {
                        d,
                        a: xr,
                        i: ir,
                        ew,
                        len: n as u32,
                    });
                }
            }
            Type::Pointer(pt) => {
                let (n, et) = match self.under(pt) {
                    Type::Array(n, et) => (*n, *et),
                    _ => {
                        self.err(e.span, "this index expression");
                        return;
                    }
                };
                let ew = self.words(et);
                let p = self.alloc(1);
                self.expr_to(x, p);
                let ir = self.operand(i);
                self.load_array_elem(d, p, p, ir, ew, n as u32);
            }
            _ => self.err(e.span, "this index expression"),
        }
    }

    /// The word offset of the field selected by `sel_e` in a value of
    /// struct type `st` (through embedded structs held by value).
    fn field_off(&self, st: TypeId, sel_e: &Expr) -> u32 {
        let Some(sel) = self.g.info.selections.get(&sel_e.id) else {
            return 0;
        };
        let mut st = st;
        let mut off = 0;
        for &fi in &sel.index {
            let Some(fs) = self.g.tt.struct_fields(st) else {
                return off;
            };
            off += fs.iter().take(fi).map(|f| self.words(f.ty)).sum::<u32>();
            st = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
        }
        off
    }

    /// Whether `e` is a field selector reached through a pointer with no
    /// embedded pointer on its path (`p.f`, `p.a.b`, `(*p).f`), so that
    /// [`FnGen::ptr_field`] can name it as one pointer register and a
    /// word offset. Pure: callers test the shape before emitting code.
    fn ptr_field_shape(&self, e: &Expr) -> bool {
        let ExprKind::Selector(x, _) = &e.kind else {
            return false;
        };
        let Some(sel) = self.g.info.selections.get(&e.id) else {
            return false;
        };
        if sel.kind != SelectionKind::Field {
            return false;
        }
        let xt = self.ty(x);
        let mut t = match self.g.tt.pointer_elem(xt) {
            Some(pt) => pt,
            None => {
                let mut x = &**x;
                while let ExprKind::Paren(y) = &x.kind {
                    x = y;
                }
                if !matches!(x.kind, ExprKind::Star(_)) && !self.ptr_field_shape(x) {
                    return false;
                }
                xt
            }
        };
        for (k, &fi) in sel.index.iter().enumerate() {
            let Some(fs) = self.g.tt.struct_fields(t) else {
                return false;
            };
            let Some(f) = fs.get(fi) else {
                return false;
            };
            if k + 1 < sel.index.len() && self.g.tt.pointer_elem(f.ty).is_some() {
                return false;
            }
            t = f.ty;
        }
        true
    }

    /// A field of [`FnGen::ptr_field_shape`]'s shape as (pointer
    /// register, word offset): one `Load`/`Store` with that offset reads
    /// or writes it, and its nil check is the dereference's. The pointer
    /// is used in place when it is a local variable (no copy).
    fn ptr_field(&mut self, e: &'a Expr) -> (Reg, u32) {
        let ExprKind::Selector(x, _) = &e.kind else {
            return (Reg(0), 0);
        };
        let xt = self.ty(x);
        let (base, off) = if self.g.tt.pointer_elem(xt).is_some() {
            (self.operand(x), 0)
        } else {
            let mut x = &**x;
            while let ExprKind::Paren(y) = &x.kind {
                x = y;
            }
            match &x.kind {
                ExprKind::Star(p) => (self.operand(p), 0),
                _ => self.ptr_field(x),
            }
        };
        let st = self.g.tt.pointer_elem(xt).unwrap_or(xt);
        (base, off + self.field_off(st, e))
    }

    /// Whether `e` denotes a location in the heap whose address
    /// [`FnGen::addr_of`] can compute (not a value held in slots).
    fn heap_addressable(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.heap_addressable(x),
            ExprKind::Ident(id) => match self.g.info.uses.get(&id.id) {
                Some(o) => {
                    self.vars.get(o).is_some_and(|v| v.boxed)
                        || self.captures.contains_key(o)
                        || (!self.vars.contains_key(o) && self.g.globals.contains_key(o))
                }
                None => false,
            },
            ExprKind::Star(_) => true,
            ExprKind::Index(x, _) => match self.under(self.ty(x)) {
                Type::Slice(_) | Type::Pointer(_) => true,
                Type::Array(..) => self.heap_addressable(x),
                _ => false,
            },
            ExprKind::Selector(x, _) => match self.g.info.selections.get(&e.id) {
                Some(sel) if sel.kind == SelectionKind::Field => {
                    self.g.tt.pointer_elem(self.ty(x)).is_some()
                        || sel.indirect
                        || self.heap_addressable(x)
                }
                _ => false,
            },
            _ => false,
        }
    }

    fn slice_expr(
        &mut self,
        e: &'a Expr,
        x: &'a Expr,
        lo: Option<&'a Expr>,
        hi: Option<&'a Expr>,
        max: Option<&'a Expr>,
        d: Reg,
    ) {
        let xt = self.ty(x);
        // An array (addressable) or a pointer to one: slice its storage.
        let arr = match self.under(xt).clone() {
            Type::Array(n, _) => Some((n, false)),
            Type::Pointer(p) => match self.under(p) {
                Type::Array(n, _) => Some((*n, true)),
                _ => None,
            },
            _ => None,
        };
        let (xr, xt) = match arr {
            Some((n, is_ptr)) => {
                let s = self.alloc(3);
                let ok = if is_ptr {
                    self.expr_to(x, s);
                    true
                } else {
                    self.addr_of(x, s)
                };
                if !ok {
                    return;
                }
                // Nil check: slicing a nil array pointer panics.
                self.emit(Op::Load {
                    d: s,
                    a: s,
                    off: Off(0),
                    n: 0,
                });
                self.emit(Op::LoadInt {
                    d: Reg(s.0 + 1),
                    v: n as i64,
                });
                self.emit(Op::LoadInt {
                    d: Reg(s.0 + 2),
                    v: n as i64,
                });
                (s, self.ty(e))
            }
            None => (self.operand(x), xt),
        };
        let three = max.is_some();
        let b = self.alloc(3);
        match lo {
            Some(l) => self.convert_to(l, ids::INT, b),
            None => {
                self.emit(Op::LoadInt { d: b, v: 0 });
            }
        }
        let hb = Reg(b.0 + 1);
        match hi {
            Some(h) => self.convert_to(h, ids::INT, hb),
            None => {
                self.emit(Op::Move {
                    d: hb,
                    a: Reg(xr.0 + 1),
                });
            }
        }
        match self.under(xt).clone() {
            Type::Basic(..) => {
                self.emit(Op::StrSlice { d, a: xr, b });
            }
            Type::Slice(et) => {
                let mb = Reg(b.0 + 2);
                match max {
                    Some(m) => self.convert_to(m, ids::INT, mb),
                    None => {
                        self.emit(Op::Move {
                            d: mb,
                            a: Reg(xr.0 + 2),
                        });
                    }
                }
                let t = self.g.rt_type(et);
                self.emit(Op::SliceSlice {
                    d,
                    a: xr,
                    b,
                    t,
                    three,
                    array: arr.is_some(),
                });
            }
            _ => self.err(e.span, "slicing this type"),
        }
    }

    fn selector(&mut self, e: &'a Expr, x: &'a Expr, d: Reg) {
        let Some(sel) = self.g.info.selections.get(&e.id).cloned() else {
            // A qualified identifier: pkg.Name.
            if let ExprKind::Selector(_, name) = &e.kind {
                if let Some(o) = self.g.info.uses.get(&name.id).copied() {
                    match self.g.tt.obj(o).kind {
                        ObjKind::Var(_) => return self.load_var(o, d, e.span),
                        ObjKind::Func { .. } => return self.func_value(o, d, e.span),
                        _ => {}
                    }
                }
            }
            self.err(e.span, "this selector");
            return;
        };
        if sel.kind == SelectionKind::MethodVal {
            return self.method_value(e, x, &sel, d);
        }
        if sel.kind != SelectionKind::Field {
            // A method expression `T.M` whose receiver is passed as is.
            if let Some(m) = sel.obj {
                let recv = match self.g.tt.obj(m).kind {
                    ObjKind::Func { recv: Some(r), .. } => r,
                    _ => ids::INVALID,
                };
                // (Never an interface's method, which has no body to call:
                // `interface{ m() }.m` dispatches on its receiver.)
                if sel.index.is_empty()
                    && self.g.tt.identical(recv, sel.recv)
                    && !self.g.tt.is_interface(recv)
                {
                    return self.func_value(m, d, e.span);
                }
                // Otherwise a function that walks the receiver (a
                // pointer, embedded fields, an interface) to the method.
                let name = self.g.tt.obj(m).name.clone();
                let is_decl = matches!(self.g.tt.obj(m).kind, ObjKind::Func { recv: Some(r), .. } if !self.g.tt.is_interface(r));
                let p = super::Promoted {
                    recv: sel.recv,
                    path: sel.index.clone(),
                    name: name.clone(),
                    sig: self.g.tt.obj(m).ty,
                    method: is_decl.then_some(m),
                };
                let i = self.g.promoted.len();
                self.g.promoted.push(p);
                let fname = format!("{}.{name}-fm", self.name);
                let f = self.g.new_func(fname, Body::Promoted(i));
                self.emit(Op::MakeClosure {
                    d,
                    f,
                    a: Reg(0),
                    n: 0,
                });
                return;
            }
            self.err(e.span, "this method expression");
            return;
        }
        let xt = self.ty(x);
        let t = self.ty(e);
        let w = self.words(t);
        let in_heap = self.huge(xt) && self.heap_addressable(x);
        if self.g.tt.pointer_elem(xt).is_none() && !sel.indirect && !in_heap {
            // A field of a struct value: its words within the value.
            let xr = self.operand(x);
            let mut st = xt;
            let mut off = 0;
            for &fi in &sel.index {
                let fs = self
                    .g
                    .tt
                    .struct_fields(st)
                    .map(|f| f.to_vec())
                    .unwrap_or_default();
                off += fs.iter().take(fi).map(|f| self.words(f.ty)).sum::<u32>();
                st = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
            }
            self.emit(Op::MoveN {
                d,
                a: Reg(xr.0 + off),
                n: w,
            });
            return;
        }
        if self.ptr_field_shape(e) {
            let (a, off) = self.ptr_field(e);
            self.emit(Op::Load {
                d,
                a,
                off: Off(off),
                n: w,
            });
            return;
        }
        let p = self.alloc(1);
        if self.addr_of(e, p) {
            self.emit(Op::Load {
                d,
                a: p,
                off: Off(0),
                n: w,
            });
        }
    }

    /// `x.M` as a value: a closure over a box holding the receiver
    /// (evaluated now, as Go does) whose function calls the method.
    fn method_value(&mut self, e: &'a Expr, x: &'a Expr, sel: &crate::check::Selection, d: Reg) {
        let Some(m) = sel.obj else {
            self.err(e.span, "this method value");
            return;
        };
        let xt = self.ty(x);
        let et = self.embedded_type(xt, &sel.index);
        let name = self.g.tt.obj(m).name.clone();
        let sig_t = self.g.tt.obj(m).ty;
        let (recv_t, method) = if self.is_iface(xt) || (!sel.index.is_empty() && self.is_iface(et))
        {
            let it = if self.is_iface(xt) { xt } else { et };
            (it, None)
        } else {
            let r = match self.g.tt.obj(m).kind {
                ObjKind::Func { recv: Some(r), .. } => r,
                _ => ids::INVALID,
            };
            (r, Some(m))
        };
        let w = self.words(recv_t);
        let v = self.alloc(w.max(1));
        if method.is_none() {
            if self.is_iface(xt) {
                self.expr_to(x, v);
            } else {
                let start = Place::Slots(self.operand(x));
                let (place, et) = self.walk_embedded(start, xt, &sel.index);
                self.recv_from_place(place, et, et, v);
            }
            // Go evaluates the interface now: a nil one panics here.
            self.emit(Op::Load {
                d: v,
                a: v,
                off: Off(0),
                n: 0,
            });
        } else {
            self.receiver(x, sel, v);
        }
        let rt = self.g.rt_type(recv_t);
        let b = self.alloc(1);
        self.emit(Op::New { d: b, t: rt });
        self.emit(Op::Store {
            d: b,
            off: Off(0),
            a: v,
            n: w,
            t: rt,
        });
        let i = self.g.method_values.len();
        self.g.method_values.push((
            recv_t,
            super::Promoted {
                recv: recv_t,
                path: Vec::new(),
                name: name.clone(),
                sig: sig_t,
                method,
            },
        ));
        let f = self
            .g
            .new_func(format!("{}.{name}-fm", self.name), Body::MethodValue(i));
        self.emit(Op::MakeClosure { d, f, a: b, n: 1 });
    }

    /// The function of a method value: loads the receiver from the
    /// closure's box and calls the method with the parameters.
    fn method_value_body(&mut self, recv_t: TypeId, p: &super::Promoted) -> (u32, u32) {
        let sig = self
            .g
            .tt
            .signature(p.sig)
            .cloned()
            .unwrap_or_else(super::empty_sig);
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        let res: u32 = sig.results.iter().map(|&t| self.words(t)).sum();
        self.alloc(pw);
        let rw = self.words(recv_t);
        let bx = self.alloc(1);
        self.emit(Op::LoadCapture {
            d: bx,
            off: Off(1),
            n: 1,
        });
        let base = self.alloc((rw + pw).max(res));
        self.emit(Op::Load {
            d: base,
            a: bx,
            off: Off(0),
            n: rw,
        });
        self.emit(Op::MoveN {
            d: Reg(base.0 + rw),
            a: Reg(0),
            n: pw,
        });
        match p.method {
            Some(m) => {
                if let Some(f) = self.g.func_id(m, Span::default()) {
                    self.emit(Op::Call { f, base });
                }
            }
            None => {
                let s = self.g.string(p.name.as_bytes());
                self.emit(Op::CallMethod { base, m: s });
            }
        }
        self.emit(Op::Return { a: base, n: res });
        (pw, res)
    }

    fn composite(&mut self, e: &'a Expr, elems: &'a [ast::Element], d: Reg) {
        let t = self.ty(e);
        self.composite_as(e, t, elems, d);
    }

    /// The element index of each element of an array or slice literal
    /// (keys are constant indices) and the literal's length.
    fn literal_indices(&mut self, elems: &'a [ast::Element]) -> Option<(u64, Vec<u64>)> {
        let mut idx = Vec::with_capacity(elems.len());
        let mut next = 0u64;
        let mut n = 0u64;
        for el in elems {
            if let Some(k) = &el.key {
                match self.const_value(k).and_then(|v| v.to_u64()) {
                    Some(i) => next = i,
                    None => {
                        self.err(k.span, "this literal index");
                        return None;
                    }
                }
            }
            idx.push(next);
            next += 1;
            n = n.max(next);
        }
        if n > 1 << 24 {
            self.err(
                elems.first().map_or(Span::default(), |e| e.value.span),
                "a literal this long",
            );
            return None;
        }
        Some((n, idx))
    }

    fn composite_as(&mut self, e: &'a Expr, t: TypeId, elems: &'a [ast::Element], d: Reg) {
        match self.under(t).clone() {
            Type::Struct(fs) => {
                let w = self.words(t);
                self.emit(Op::Zero { d, n: w });
                let offs: Vec<u32> = fs
                    .iter()
                    .scan(0, |o, f| {
                        let r = *o;
                        *o += self.words(f.ty);
                        Some(r)
                    })
                    .collect();
                for (k, el) in elems.iter().enumerate() {
                    let fi = match &el.key {
                        Some(key) => match &key.kind {
                            ExprKind::Ident(id) => fs.iter().position(|f| f.name == id.name),
                            _ => None,
                        },
                        None => Some(k),
                    };
                    let Some(fi) = fi else {
                        self.err(el.value.span, "this composite literal element");
                        continue;
                    };
                    let m = self.top;
                    self.convert_to(&el.value, fs[fi].ty, Reg(d.0 + offs[fi]));
                    self.top = m;
                }
            }
            Type::Slice(et) => {
                let ew = self.words(et);
                let Some((n, idx)) = self.literal_indices(elems) else {
                    return;
                };
                let n = n as u32;
                let a = self.alloc(n * ew);
                if idx.iter().enumerate().any(|(k, &i)| i != k as u64) {
                    self.emit(Op::Zero { d: a, n: n * ew });
                }
                for (el, &k) in elems.iter().zip(&idx) {
                    let m = self.top;
                    self.convert_to(&el.value, et, Reg(a.0 + k as u32 * ew));
                    self.top = m;
                }
                let rt = self.g.rt_type(et);
                self.emit(Op::PackSlice { d, a, n, t: rt });
            }
            Type::Array(len, et) => {
                let ew = self.words(et);
                let Some((_, idx)) = self.literal_indices(elems) else {
                    return;
                };
                if (idx.len() as u64) < len {
                    self.emit(Op::Zero {
                        d,
                        n: (len as u32) * ew,
                    });
                }
                for (el, &k) in elems.iter().zip(&idx) {
                    let m = self.top;
                    self.convert_to(&el.value, et, Reg(d.0 + k as u32 * ew));
                    self.top = m;
                }
            }
            Type::Map(kt, vt) => {
                let mt = self.g.rt_type(t);
                let hint = self.alloc(1);
                self.emit(Op::LoadInt {
                    d: hint,
                    v: elems.len() as i64,
                });
                let m = self.alloc(1);
                self.emit(Op::MakeMap { d: m, t: mt, hint });
                for el in elems {
                    let mark = self.top;
                    let k = self.alloc(self.words(kt));
                    if let Some(key) = &el.key {
                        self.convert_to(key, kt, k);
                    }
                    let v = self.alloc(self.words(vt));
                    self.convert_to(&el.value, vt, v);
                    self.emit(Op::MapSet { m, k, v, t: mt });
                    self.top = mark;
                }
                self.emit(Op::Move { d, a: m });
            }
            Type::Pointer(pt) => {
                // An elided `&T{...}` inside a literal of pointers.
                let w = self.words(pt);
                let rt = self.g.rt_type(pt);
                let v = self.alloc(w);
                self.composite_as(e, pt, elems, v);
                self.emit(Op::New { d, t: rt });
                self.emit(Op::Store {
                    d,
                    off: Off(0),
                    a: v,
                    n: w,
                    t: rt,
                });
            }
            _ => self.err(e.span, "this composite literal"),
        }
    }

    // ----- calls -----

    /// The inline form of `o` when it is one of package math's float64
    /// functions that are a single machine operation.
    fn math_intrinsic(&self, o: ObjId) -> Option<MathFn> {
        let obj = self.g.tt.obj(o);
        let pkg = obj.pkg?;
        if self.g.tt.pkg_paths.get(pkg.0 as usize).map(String::as_str) != Some("math") {
            return None;
        }
        Some(match obj.name.as_str() {
            "Sqrt" => MathFn::Sqrt,
            "Abs" => MathFn::Abs,
            "Floor" => MathFn::Floor,
            "Ceil" => MathFn::Ceil,
            "Trunc" => MathFn::Trunc,
            _ => return None,
        })
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], spread: bool, d: Reg) {
        match self.g.info.calls.get(&e.id).cloned() {
            Some(CallKind::Conversion(t)) => return self.conversion(e, &args[0], t, d),
            Some(CallKind::Builtin(b)) => return self.builtin(e, b, args, spread, d),
            _ => {}
        }
        let ft = self.ty(func);
        let Some(sig) = self.g.tt.signature(ft).cloned() else {
            self.err(e.span, "this call");
            return;
        };
        let rw: u32 = sig.results.iter().map(|&t| self.words(t)).sum();
        // What is called: a declared function, a method, or a value.
        enum Callee {
            Static(FuncId),
            Value(Reg),
            Iface(Reg, String),
        }
        let mut recv: Option<(&'a Expr, crate::check::Selection)> = None;
        let func_s = strip_parens(func);
        let callee_obj = match &func_s.kind {
            ExprKind::Ident(id) => self.g.info.uses.get(&id.id).copied(),
            ExprKind::Selector(x, name) => match self.g.info.selections.get(&func_s.id).cloned() {
                None => self.g.info.uses.get(&name.id).copied(),
                Some(sel) if sel.kind == SelectionKind::MethodVal => {
                    let o = sel.obj;
                    recv = Some((x, sel));
                    o
                }
                _ => None,
            },
            _ => None,
        };
        let static_fn =
            callee_obj.filter(|&o| matches!(self.g.tt.obj(o).kind, ObjKind::Func { .. }));
        if let (Some(o), None, [arg], false) = (static_fn, &recv, args, spread) {
            if let (Some(f), [pt]) = (self.math_intrinsic(o), &sig.params[..]) {
                // The argument's own slot when it is a local: no copy.
                let a = self.operand_as(arg, *pt);
                self.emit(Op::MathF64 { d, a, f });
                return;
            }
        }
        let mark = self.top;
        // Argument area: receiver, parameters; big enough for the results.
        let mut base_words = 0;
        let mut callee = None;
        if let Some((x, sel)) = &recv {
            let xt = self.ty(x);
            let et = self.embedded_type(xt, &sel.index);
            if !sel.index.is_empty() && self.is_iface(et) {
                // A method of an embedded interface.
                let name = self.g.tt.obj(sel.obj.unwrap_or(ObjId(0))).name.clone();
                let start = Place::Slots(self.operand(x));
                let (place, et) = self.walk_embedded(start, xt, &sel.index);
                let r = self.alloc(1);
                self.recv_from_place(place, et, et, r);
                callee = Some(Callee::Iface(r, name));
                base_words = 1;
            } else if self.is_iface(xt) {
                // Interface method call: the receiver word is the box.
                let name = self.g.tt.obj(sel.obj.unwrap_or(ObjId(0))).name.clone();
                let r = self.operand(x);
                callee = Some(Callee::Iface(r, name));
                base_words = 1;
            } else {
                base_words = 0;
            }
        }
        if callee.is_none() {
            if let Some(o) = static_fn {
                match self.g.func_id(o, e.span) {
                    Some(f) => callee = Some(Callee::Static(f)),
                    None => return,
                }
                if let Some((_, sel)) = &recv {
                    // Receiver words: the method's receiver type.
                    let rt = match self.g.tt.obj(sel.obj.unwrap_or(ObjId(0))).kind {
                        ObjKind::Func { recv: Some(r), .. } => r,
                        _ => ids::INVALID,
                    };
                    base_words = self.words(rt);
                }
            } else {
                let r = self.operand(func);
                callee = Some(Callee::Value(r));
            }
        }
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        let area = (base_words + pw).max(rw);
        // When the destination is the topmost allocation, the call's
        // window starts there: the results land in place, no move. Sound
        // because slots from `top` up are free and the destination's old
        // words are never read (it is a temporary or a variable being
        // defined, never a live variable: assignments go through a
        // temporary).
        let base = if rw > 0 && d.0 + rw == self.top {
            self.top = d.0 + area;
            self.max = self.max.max(self.top);
            d
        } else {
            self.alloc(area)
        };
        // The receiver.
        if let Some((x, sel)) = &recv {
            match &callee {
                Some(Callee::Iface(r, _)) => {
                    self.emit(Op::Move { d: base, a: *r });
                }
                _ => self.receiver(x, sel, base),
            }
        }
        // The arguments.
        self.args(args, &sig, spread, Reg(base.0 + base_words));
        self.set_pos(e.span.lo);
        match callee {
            Some(Callee::Static(f)) => {
                self.emit(Op::Call { f, base });
            }
            Some(Callee::Value(c)) => {
                self.emit(Op::CallClosure { c, base });
            }
            Some(Callee::Iface(_, name)) => {
                let s = self.g.string(name.as_bytes());
                self.emit(Op::CallMethod { base, m: s });
            }
            None => {}
        }
        if rw > 0 && base != d {
            self.emit(Op::MoveN { d, a: base, n: rw });
        }
        self.top = mark.max(self.top.min(mark));
    }

    /// The receiver of a static method call into `d`.
    fn receiver(&mut self, x: &'a Expr, sel: &crate::check::Selection, d: Reg) {
        let m = sel.obj.unwrap_or(ObjId(0));
        let rt = match self.g.tt.obj(m).kind {
            ObjKind::Func { recv: Some(r), .. } => r,
            _ => ids::INVALID,
        };
        let want_ptr = self.g.tt.pointer_elem(rt).is_some();
        let xt = self.ty(x);
        let x_ptr = self.g.tt.pointer_elem(xt).is_some();
        if !sel.index.is_empty() {
            // A promoted method: walk the embedded fields to its receiver.
            let start = if x_ptr {
                Place::Slots(self.operand(x))
            } else if self.heap_addressable(x) {
                let p = self.alloc(1);
                self.addr_of(x, p);
                Place::Ptr(p)
            } else {
                Place::Slots(self.operand(x))
            };
            let (place, et) = self.walk_embedded(start, xt, &sel.index);
            self.recv_from_place(place, et, rt, d);
            return;
        }
        match (want_ptr, x_ptr) {
            (true, true) | (false, false) => self.expr_to(x, d),
            (true, false) => {
                self.addr_of(x, d);
            }
            (false, true) => {
                let p = self.operand(x);
                let n = self.words(rt);
                self.emit(Op::Load {
                    d,
                    a: p,
                    off: Off(0),
                    n,
                });
            }
        }
    }

    /// Walks the embedded fields `path` from a value of type `t` at
    /// `place`; returns where the embedded value is and its type.
    fn walk_embedded(&mut self, place: Place, t: TypeId, path: &[usize]) -> (Place, TypeId) {
        let (mut place, mut t) = (place, t);
        for &fi in path {
            if let Some(e) = self.g.tt.pointer_elem(t) {
                place = match place {
                    Place::Slots(r) => Place::Ptr(r),
                    Place::Ptr(p) => {
                        let q = self.alloc(1);
                        self.emit(Op::Load {
                            d: q,
                            a: p,
                            off: Off(0),
                            n: 1,
                        });
                        Place::Ptr(q)
                    }
                };
                t = e;
            }
            let fs = self
                .g
                .tt
                .struct_fields(t)
                .map(|f| f.to_vec())
                .unwrap_or_default();
            let off: u32 = fs.iter().take(fi).map(|f| self.words(f.ty)).sum();
            let ft = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
            place = match place {
                Place::Slots(r) => Place::Slots(Reg(r.0 + off)),
                Place::Ptr(p) => {
                    let q = self.alloc(1);
                    // Nil check before offsetting the pointer.
                    self.emit(Op::Load {
                        d: q,
                        a: p,
                        off: Off(0),
                        n: 0,
                    });
                    self.emit(Op::AddIntImm {
                        d: q,
                        a: p,
                        v: (off * 8) as i32,
                    });
                    Place::Ptr(q)
                }
            };
            t = ft;
        }
        (place, t)
    }

    /// The receiver of type `rt` (a method's receiver type, or an
    /// interface) from the embedded value of type `et` at `place`, into `d`.
    fn recv_from_place(&mut self, place: Place, et: TypeId, rt: TypeId, d: Reg) {
        let want_ptr = self.g.tt.pointer_elem(rt).is_some() && !self.is_iface(rt);
        // The address of (or pointer to) the receiver's value, if any.
        let ptr = if self.g.tt.pointer_elem(et).is_some() {
            let q = self.alloc(1);
            match place {
                Place::Slots(r) => {
                    self.emit(Op::Move { d: q, a: r });
                }
                Place::Ptr(p) => {
                    self.emit(Op::Load {
                        d: q,
                        a: p,
                        off: Off(0),
                        n: 1,
                    });
                }
            }
            Some(q)
        } else {
            match place {
                Place::Ptr(p) => Some(p),
                Place::Slots(_) => None,
            }
        };
        if want_ptr {
            if let Some(p) = ptr {
                self.emit(Op::Move { d, a: p });
            }
            return;
        }
        let n = self.words(rt);
        match (ptr, place) {
            (Some(p), _) => {
                self.emit(Op::Load {
                    d,
                    a: p,
                    off: Off(0),
                    n,
                });
            }
            (None, Place::Slots(r)) => {
                self.emit(Op::MoveN { d, a: r, n });
            }
            (None, Place::Ptr(_)) => {}
        }
    }

    /// The type reached from `t` through the embedded fields `path`.
    fn embedded_type(&self, t: TypeId, path: &[usize]) -> TypeId {
        let mut t = t;
        for &fi in path {
            if let Some(e) = self.g.tt.pointer_elem(t) {
                t = e;
            }
            t = self
                .g
                .tt
                .struct_fields(t)
                .and_then(|fs| fs.get(fi))
                .map_or(ids::INVALID, |f| f.ty);
        }
        t
    }

    /// The body of a promoted method in a method table: the receiver
    /// (of type `recv_t`) is walked to the embedded value and the method
    /// called on it.
    fn promoted_body(&mut self, p: &super::Promoted) -> (u32, u32) {
        let (recv_t, path) = (p.recv, &p.path[..]);
        let sig = self
            .g
            .tt
            .signature(p.sig)
            .cloned()
            .unwrap_or_else(super::empty_sig);
        let rw = self.words(recv_t);
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        let res: u32 = sig.results.iter().map(|&t| self.words(t)).sum();
        self.alloc(rw + pw);
        let (place, et) = self.walk_embedded(Place::Slots(Reg(0)), recv_t, path);
        let name = p.name.clone();
        if self.is_iface(et) {
            let base = self.alloc((1 + pw).max(res));
            self.recv_from_place(place, et, et, base);
            self.emit(Op::MoveN {
                d: Reg(base.0 + 1),
                a: Reg(rw),
                n: pw,
            });
            let s = self.g.string(name.as_bytes());
            self.emit(Op::CallMethod { base, m: s });
            self.emit(Op::Return { a: base, n: res });
        } else if let Some(m) = p.method {
            let mrt = match self.g.tt.obj(m).kind {
                ObjKind::Func { recv: Some(r), .. } => r,
                _ => ids::INVALID,
            };
            let mw = self.words(mrt);
            let base = self.alloc((mw + pw).max(res));
            self.recv_from_place(place, et, mrt, base);
            self.emit(Op::MoveN {
                d: Reg(base.0 + mw),
                a: Reg(rw),
                n: pw,
            });
            if let Some(f) = self.g.func_id(m, Span::default()) {
                self.emit(Op::Call { f, base });
            }
            self.emit(Op::Return { a: base, n: res });
        }
        (rw + pw, res)
    }

    fn args(&mut self, args: &'a [Expr], sig: &crate::types::Signature, spread: bool, base: Reg) {
        // f(g()) with g returning several values: the values are evaluated
        // into a temporary and passed one by one.
        let mut vals: Vec<ArgSrc<'a>> = args.iter().map(ArgSrc::Expr).collect();
        if args.len() == 1 {
            let t = self.ty(&args[0]);
            if let Some(elems) = self.g.tt.tuple_elems(t).map(|x| x.to_vec()) {
                let tmp = self.alloc(self.words(t));
                self.expr_to(&args[0], tmp);
                vals.clear();
                let mut off = 0;
                for et in elems {
                    vals.push(ArgSrc::Val(Reg(tmp.0 + off), et));
                    off += self.words(et);
                }
            }
        }
        let np = sig.params.len();
        let mut off = 0;
        for (k, &pt) in sig.params.iter().enumerate() {
            let m = self.top;
            if sig.variadic && k + 1 == np && !spread {
                // Pack the rest into a new slice.
                let et = match self.under(pt) {
                    Type::Slice(e) => *e,
                    _ => ids::INVALID,
                };
                let rest = vals.get(k..).unwrap_or(&[]).to_vec();
                if rest.is_empty() {
                    self.emit(Op::Zero {
                        d: Reg(base.0 + off),
                        n: 3,
                    });
                } else {
                    let ew = self.words(et);
                    let a = self.alloc(ew * rest.len() as u32);
                    for (j, x) in rest.iter().enumerate() {
                        let mm = self.top;
                        self.arg_to(*x, et, Reg(a.0 + j as u32 * ew));
                        self.top = mm;
                    }
                    let rt = self.g.rt_type(et);
                    self.emit(Op::PackSlice {
                        d: Reg(base.0 + off),
                        a,
                        n: rest.len() as u32,
                        t: rt,
                    });
                }
            } else if let Some(x) = vals.get(k) {
                self.arg_to(*x, pt, Reg(base.0 + off));
            }
            self.top = m;
            off += self.words(pt);
        }
    }

    /// One argument converted to the parameter type `pt` into `d`.
    fn arg_to(&mut self, x: ArgSrc<'a>, pt: TypeId, d: Reg) {
        match x {
            ArgSrc::Expr(e) => self.convert_to(e, pt, d),
            ArgSrc::Val(r, t) => {
                let w = self.words(t);
                if self.is_iface(pt) && !self.is_iface(t) {
                    let rt = self.g.rt_type(t);
                    self.emit(Op::ToIface {
                        d,
                        a: r,
                        n: w,
                        t: rt,
                    });
                } else {
                    self.emit(Op::MoveN { d, a: r, n: w });
                }
            }
        }
    }

    fn conversion(&mut self, e: &'a Expr, x: &'a Expr, t: TypeId, d: Reg) {
        let xt = self.ty(x);
        let tk = self.basic(t);
        let xk = self.basic(xt);
        if self.is_iface(t) {
            return self.convert_to(x, t, d);
        }
        match (xk, tk) {
            (Some(a), Some(b)) if a.is_integer() && b.is_integer() => {
                self.expr_to(x, d);
                self.wrap(d, t);
            }
            (Some(a), Some(b))
                if a.is_integer() && matches!(b, BasicKind::Float32 | BasicKind::Float64) =>
            {
                let r = self.operand(x);
                if self.g.tt.is_unsigned(xt) {
                    self.emit(Op::UintToF64 { d, a: r });
                } else {
                    self.emit(Op::IntToF64 { d, a: r });
                }
                self.wrap(d, t);
            }
            (Some(a), Some(b))
                if matches!(a, BasicKind::Float32 | BasicKind::Float64) && b.is_integer() =>
            {
                let r = self.operand(x);
                if self.g.tt.is_unsigned(t) {
                    self.emit(Op::F64ToUint { d, a: r });
                } else {
                    self.emit(Op::F64ToInt { d, a: r });
                }
                self.wrap(d, t);
            }
            (Some(a), Some(b))
                if matches!(a, BasicKind::Float32 | BasicKind::Float64)
                    && matches!(b, BasicKind::Float32 | BasicKind::Float64) =>
            {
                self.expr_to(x, d);
                self.wrap(d, t);
            }
            (Some(a), Some(BasicKind::String)) if a.is_integer() => {
                let r = self.operand(x);
                self.emit(Op::RuneToStr { d, a: r });
            }
            (Some(BasicKind::String), Some(BasicKind::String)) => self.expr_to(x, d),
            (Some(BasicKind::String), None) => {
                let r = self.operand(x);
                match self.under(t) {
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Uint8)) => {
                        self.emit(Op::StrToBytes { d, a: r });
                    }
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Int32)) => {
                        self.emit(Op::StrToRunes { d, a: r });
                    }
                    _ => self.err(e.span, "this conversion"),
                }
            }
            (None, Some(BasicKind::String)) => {
                let r = self.operand(x);
                match self.under(xt) {
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Uint8)) => {
                        self.emit(Op::BytesToStr { d, a: r });
                    }
                    Type::Slice(el) if matches!(self.basic(*el), Some(BasicKind::Int32)) => {
                        self.emit(Op::RunesToStr { d, a: r });
                    }
                    _ => self.err(e.span, "this conversion"),
                }
            }
            _ if matches!(self.under(xt), Type::Slice(_))
                && !matches!(self.under(t), Type::Slice(_)) =>
            {
                // []T to [N]T or *[N]T (Go 1.20).
                let (n, is_ptr) = match self.under(t) {
                    Type::Array(n, _) => (*n, false),
                    Type::Pointer(p) => match self.under(*p) {
                        Type::Array(n, _) => (*n, true),
                        _ => (0, true),
                    },
                    _ => (0, true),
                };
                let r = self.operand(x);
                if is_ptr {
                    self.emit(Op::SliceToArrayPtr {
                        d,
                        a: r,
                        n: n as u32,
                    });
                } else {
                    let p = self.alloc(1);
                    self.emit(Op::SliceToArrayPtr {
                        d: p,
                        a: r,
                        n: n as u32,
                    });
                    let w = self.words(t);
                    if w > 0 {
                        self.emit(Op::Load {
                            d,
                            a: p,
                            off: Off(0),
                            n: w,
                        });
                    }
                }
            }
            _ => {
                if self.g.tt.identical(self.g.tt.under(xt), self.g.tt.under(t))
                    || self.words(xt) == self.words(t)
                {
                    self.expr_to(x, d);
                } else {
                    self.err(e.span, "this conversion");
                }
            }
        }
    }

    /// `print`/`println` of values already evaluated into slots: each
    /// value, separated by spaces and ended by a newline for `println`.
    fn emit_prints(&mut self, b: Builtin, vals: &[(Reg, TypeId)]) {
        for (k, &(r, t)) in vals.iter().enumerate() {
            if k > 0 && b == Builtin::Println {
                self.emit(Op::Print {
                    a: Reg(0),
                    k: PrintKind::Space,
                });
            }
            let k = self.print_kind(t);
            self.emit(Op::Print { a: r, k });
        }
        if b == Builtin::Println {
            self.emit(Op::Print {
                a: Reg(0),
                k: PrintKind::Newline,
            });
        }
    }

    fn builtin(&mut self, e: &'a Expr, b: Builtin, args: &'a [Expr], spread: bool, d: Reg) {
        match b {
            Builtin::Print | Builtin::Println => {
                // As Go: every argument is evaluated before anything is
                // printed (a call among them prints first); println(f())
                // with f returning several values prints each.
                let m = self.top;
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    let t = self.ty(a);
                    match self.g.tt.tuple_elems(t).map(|x| x.to_vec()) {
                        Some(elems) => {
                            let tmp = self.alloc(self.words(t).max(1));
                            self.expr_to(a, tmp);
                            let mut off = 0;
                            for et in elems {
                                vals.push((Reg(tmp.0 + off), et));
                                off += self.words(et);
                            }
                        }
                        None => {
                            let r = self.operand_as(a, t);
                            vals.push((r, t));
                        }
                    }
                }
                self.emit_prints(b, &vals);
                self.top = m;
            }
            Builtin::Len | Builtin::Cap => {
                let x = &args[0];
                let xt = self.ty(x);
                match self.under(xt).clone() {
                    Type::Basic(..) => {
                        let r = self.operand(x);
                        self.emit(Op::StrLen { d, a: r });
                    }
                    Type::Slice(_) => {
                        let r = self.operand(x);
                        let w = if b == Builtin::Len { 1 } else { 2 };
                        self.emit(Op::Move { d, a: Reg(r.0 + w) });
                    }
                    Type::Array(..) | Type::Pointer(_) => {
                        let n = match self.under(xt).clone() {
                            Type::Array(n, _) => n,
                            Type::Pointer(p) => match self.under(p) {
                                Type::Array(n, _) => *n,
                                _ => {
                                    self.err(e.span, "len or cap of this type");
                                    return;
                                }
                            },
                            _ => 0,
                        };
                        // Not a constant: the operand holds a call or a
                        // receive, which runs (the length is the type's).
                        let constant = self
                            .g
                            .info
                            .types
                            .get(&e.id)
                            .is_some_and(|tv| tv.mode == Mode::Constant);
                        if !constant {
                            let m = self.top;
                            let _ = self.operand(x);
                            self.top = m;
                        }
                        self.emit(Op::LoadInt { d, v: n as i64 });
                    }
                    Type::Map(..) => {
                        let r = self.operand(x);
                        self.emit(Op::MapLen { d, a: r });
                    }
                    Type::Chan(..) => {
                        let r = self.operand(x);
                        let cap = b == Builtin::Cap;
                        self.emit(Op::ChanLen { d, c: r, cap });
                    }
                    _ => self.err(e.span, "len or cap of this type"),
                }
            }
            Builtin::Panic => {
                let r = self.alloc(1);
                self.convert_to(&args[0], ids::ANY, r);
                self.set_pos(e.span.lo);
                self.emit(Op::Panic { a: r });
            }
            Builtin::Recover => {
                self.emit(Op::Recover { d });
            }
            Builtin::New => {
                let t = self.ty(e);
                let et = self.g.tt.pointer_elem(t).unwrap_or(ids::INVALID);
                let rt = self.g.rt_type(et);
                let of_type = self
                    .g
                    .info
                    .types
                    .get(&args[0].id)
                    .is_some_and(|tv| tv.mode == Mode::TypeExpr);
                if of_type {
                    self.emit(Op::New { d, t: rt });
                } else {
                    // Go 1.26's `new(expr)`: a fresh variable holding the
                    // value, evaluated before the allocation.
                    let w = self.words(et);
                    let v = self.alloc(w);
                    self.convert_to(&args[0], et, v);
                    self.emit(Op::New { d, t: rt });
                    self.emit(Op::Store {
                        d,
                        off: Off(0),
                        a: v,
                        n: w,
                        t: rt,
                    });
                }
            }
            Builtin::Append | Builtin::Copy | Builtin::Delete
                if args.len() == 1 && self.g.tt.tuple_elems(self.ty(&args[0])).is_some() =>
            {
                self.builtin_of_tuple(e, b, &args[0], d);
            }
            Builtin::Append => {
                let st = self.ty(e);
                let et = match self.under(st) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let s = self.alloc(3);
                self.convert_to(&args[0], st, s);
                if spread {
                    let xt = self.ty(&args[1]);
                    let o = self.alloc(3);
                    if self.basic(xt) == Some(BasicKind::String) {
                        let sr = self.operand(&args[1]);
                        self.emit(Op::StrToBytes { d: o, a: sr });
                    } else {
                        self.expr_to(&args[1], o);
                    }
                    self.emit(Op::AppendSlice {
                        d,
                        a: s,
                        b: o,
                        t: rt,
                    });
                } else {
                    let ew = self.words(et);
                    let n = args.len() as u32 - 1;
                    let a = self.alloc(ew * n.max(1));
                    for (k, x) in args[1..].iter().enumerate() {
                        let m = self.top;
                        self.convert_to(x, et, Reg(a.0 + k as u32 * ew));
                        self.top = m;
                    }
                    self.emit(Op::Append {
                        d,
                        a: s,
                        b: a,
                        n,
                        t: rt,
                    });
                }
            }
            Builtin::Copy => {
                let dt = self.ty(&args[0]);
                let et = match self.under(dt) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let a = self.operand(&args[0]);
                let st = self.ty(&args[1]);
                let b = if self.basic(st) == Some(BasicKind::String) {
                    let sr = self.operand(&args[1]);
                    let o = self.alloc(3);
                    self.emit(Op::StrToBytes { d: o, a: sr });
                    o
                } else {
                    self.operand(&args[1])
                };
                self.emit(Op::CopySlice { d, a, b, t: rt });
            }
            Builtin::Make => {
                let t = self.ty(e);
                match self.under(t).clone() {
                    Type::Slice(et) => {
                        let rt = self.g.rt_type(et);
                        let len = self.alloc(1);
                        self.convert_to(&args[1], ids::INT, len);
                        let cap = if let Some(c) = args.get(2) {
                            let r = self.alloc(1);
                            self.convert_to(c, ids::INT, r);
                            r
                        } else {
                            len
                        };
                        self.emit(Op::MakeSlice { d, t: rt, len, cap });
                    }
                    Type::Map(..) => {
                        let rt = self.g.rt_type(t);
                        let hint = self.alloc(1);
                        match args.get(1) {
                            Some(h) => self.convert_to(h, ids::INT, hint),
                            None => {
                                self.emit(Op::LoadInt { d: hint, v: 0 });
                            }
                        }
                        self.emit(Op::MakeMap { d, t: rt, hint });
                    }
                    Type::Chan(_, et) => {
                        let cap = self.alloc(1);
                        match args.get(1) {
                            Some(h) => self.convert_to(h, ids::INT, cap),
                            None => {
                                self.emit(Op::LoadInt { d: cap, v: 0 });
                            }
                        }
                        let ew = self.words(et);
                        self.set_pos(e.span.lo);
                        self.emit(Op::MakeChan { d, cap, ew });
                    }
                    _ => self.err(e.span, "make of this type"),
                }
            }
            Builtin::Min | Builtin::Max if self.g.tt.is_float(self.ty(e)) => {
                let t = self.ty(e);
                self.convert_to(&args[0], t, d);
                for a in &args[1..] {
                    let m = self.top;
                    let r = self.alloc(1);
                    self.convert_to(a, t, r);
                    if b == Builtin::Min {
                        self.emit(Op::MinF64 { d, a: d, b: r });
                    } else {
                        self.emit(Op::MaxF64 { d, a: d, b: r });
                    }
                    self.top = m;
                }
            }
            Builtin::Min | Builtin::Max => {
                let t = self.ty(e);
                self.convert_to(&args[0], t, d);
                for a in &args[1..] {
                    let m = self.top;
                    let r = self.alloc(self.words(t));
                    self.convert_to(a, t, r);
                    let c = self.alloc(1);
                    // min: take r if r < d; max: if d < r.
                    let (x, y) = if b == Builtin::Min { (r, d) } else { (d, r) };
                    self.compare(BinaryOp::Lt, c, x, y, t, e.span);
                    let j = self.emit(Op::JumpIfNot { a: c, to: Pc(0) });
                    let w = self.words(t);
                    self.emit(Op::MoveN { d, a: r, n: w });
                    self.patch_here(&[j]);
                    self.top = m;
                }
            }
            Builtin::Delete => {
                let mt = self.ty(&args[0]);
                let kt = match self.under(mt) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                let m = self.operand(&args[0]);
                let k = self.alloc(self.words(kt));
                self.convert_to(&args[1], kt, k);
                let t = self.g.rt_type(mt);
                self.emit(Op::MapDelete { m, k, t });
            }
            Builtin::Clear => {
                let xt = self.ty(&args[0]);
                let r = self.operand(&args[0]);
                match self.under(xt).clone() {
                    Type::Map(..) => {
                        self.emit(Op::MapClear { a: r });
                    }
                    Type::Slice(et) => {
                        let t = self.g.rt_type(et);
                        self.emit(Op::ClearSlice { a: r, t });
                    }
                    _ => self.err(e.span, "clear of this type"),
                }
            }
            Builtin::Close => {
                let r = self.operand(&args[0]);
                self.set_pos(e.span.lo);
                self.emit(Op::ChanClose { c: r });
            }
            _ => self.err(e.span, &format!("the {} builtin", b.name())),
        }
    }

    /// `append(f())`, `copy(f())`, `delete(f())`: the call's results are
    /// the builtin's arguments.
    fn builtin_of_tuple(&mut self, e: &'a Expr, b: Builtin, x: &'a Expr, d: Reg) {
        let elems = self
            .g
            .tt
            .tuple_elems(self.ty(x))
            .map(|x| x.to_vec())
            .unwrap_or_default();
        let tmp = self.alloc(self.words(self.ty(x)).max(1));
        self.expr_to(x, tmp);
        let mut regs = Vec::new();
        let mut off = 0;
        for &t in &elems {
            regs.push(Reg(tmp.0 + off));
            off += self.words(t);
        }
        let (Some(&a0), Some(&t0), Some(&a1), Some(&t1)) =
            (regs.first(), elems.first(), regs.get(1), elems.get(1))
        else {
            self.err(e.span, &format!("this {} call", b.name()));
            return;
        };
        match b {
            Builtin::Append => {
                let et = match self.under(self.ty(e)) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let ew = self.words(et);
                let n = elems.len() as u32 - 1;
                let a = self.alloc(ew * n);
                for (k, (&r, &t)) in regs.iter().zip(&elems).skip(1).enumerate() {
                    self.arg_to(ArgSrc::Val(r, t), et, Reg(a.0 + k as u32 * ew));
                }
                let rt = self.g.rt_type(et);
                self.emit(Op::Append {
                    d,
                    a: a0,
                    b: a,
                    n,
                    t: rt,
                });
            }
            Builtin::Copy => {
                let et = match self.under(t0) {
                    Type::Slice(x) => *x,
                    _ => ids::INVALID,
                };
                let rt = self.g.rt_type(et);
                let src = if self.basic(t1) == Some(BasicKind::String) {
                    let o = self.alloc(3);
                    self.emit(Op::StrToBytes { d: o, a: a1 });
                    o
                } else {
                    a1
                };
                self.emit(Op::CopySlice {
                    d,
                    a: a0,
                    b: src,
                    t: rt,
                });
            }
            _ => {
                let kt = match self.under(t0) {
                    Type::Map(k, _) => *k,
                    _ => ids::INVALID,
                };
                let k = self.alloc(self.words(kt).max(1));
                self.arg_to(ArgSrc::Val(a1, t1), kt, k);
                let t = self.g.rt_type(t0);
                self.emit(Op::MapDelete { m: a0, k, t });
            }
        }
    }

    // --- goroutines and channels ---

    /// `go f(x)`: the function value and the argument words are evaluated
    /// now, in this goroutine (as for `defer`); the VM starts a goroutine
    /// calling the closure with them.
    fn go_stmt(&mut self, e: &'a Expr) {
        let mark = self.top;
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            self.err(e.span, "this go statement");
            return;
        };
        match self.g.info.calls.get(&e.id) {
            Some(CallKind::Call) => {}
            Some(CallKind::Builtin(b)) => return self.defer_builtin(e, *b, args, true),
            _ => {
                self.err(e.span, "a go statement of a conversion");
                return;
            }
        }
        let ft = self.ty(func);
        let Some(sig) = self.g.tt.signature(ft).cloned() else {
            self.err(e.span, "this go statement");
            return;
        };
        let func_s = strip_parens(func);
        let pw: u32 = sig.params.iter().map(|&t| self.words(t)).sum();
        self.set_pos(e.span.lo);
        if let Some(sel) = self.g.info.selections.get(&func_s.id).cloned() {
            if sel.kind == SelectionKind::MethodVal {
                let ExprKind::Selector(x, _) = &func_s.kind else {
                    return;
                };
                let xt = self.ty(x);
                let et = self.embedded_type(xt, &sel.index);
                if self.is_iface(xt) || self.is_iface(et) {
                    let c = self.alloc(1);
                    self.method_value(func_s, x, &sel, c);
                    let a = self.alloc(pw.max(1));
                    self.args(args, &sig, ellipsis.is_some(), a);
                    self.emit(Op::Go { c, a, n: pw });
                    self.top = mark;
                    return;
                }
                let m = sel.obj.unwrap_or(ObjId(0));
                let rt = match self.g.tt.obj(m).kind {
                    ObjKind::Func { recv: Some(r), .. } => r,
                    _ => ids::INVALID,
                };
                let rw = self.words(rt);
                let c = self.alloc(1);
                self.func_value(m, c, e.span);
                let a = self.alloc((rw + pw).max(1));
                self.receiver(x, &sel, a);
                self.args(args, &sig, ellipsis.is_some(), Reg(a.0 + rw));
                self.emit(Op::Go { c, a, n: rw + pw });
                self.top = mark;
                return;
            }
        }
        let c = self.operand(func);
        let a = self.alloc(pw.max(1));
        self.args(args, &sig, ellipsis.is_some(), a);
        self.set_pos(e.span.lo);
        self.emit(Op::Go { c, a, n: pw });
        self.top = mark;
    }

    /// The element type of channel type `t`.
    fn chan_elem(&self, t: TypeId) -> TypeId {
        match self.under(t) {
            Type::Chan(_, et) => *et,
            _ => ids::INVALID,
        }
    }

    /// `ch <- v`.
    fn send_stmt(&mut self, ch: &'a Expr, value: &'a Expr) {
        let mark = self.top;
        let et = self.chan_elem(self.ty(ch));
        let c = self.operand(ch);
        let ew = self.words(et);
        let a = self.alloc(ew.max(1));
        self.convert_to(value, et, a);
        self.set_pos(ch.span.lo);
        self.emit(Op::ChanSend { c, a, ew });
        self.top = mark;
    }

    /// `<-c` (with `ok` when the expression is the comma-ok form).
    fn recv_expr(&mut self, e: &'a Expr, x: &'a Expr, d: Reg) {
        let et = self.chan_elem(self.ty(x));
        let c = self.operand(x);
        let ew = self.words(et);
        let ok = self.g.tt.tuple_elems(self.ty(e)).is_some();
        self.set_pos(e.span.lo);
        self.emit(Op::ChanRecv { d, c, ew, ok });
    }

    /// `for v := range c`: receive until the channel is closed and drained.
    fn range_chan(
        &mut self,
        key: Option<&'a Expr>,
        define: bool,
        x: &'a Expr,
        body: &'a ast::Block,
        et: TypeId,
    ) {
        let label = self.take_label();
        let mark = self.top;
        let c = self.alloc(1);
        self.expr_to(x, c);
        let ew = self.words(et);
        let start = self.pc();
        let r = self.alloc(ew + 1);
        self.set_pos(x.span.lo);
        self.emit(Op::ChanRecv {
            d: r,
            c,
            ew,
            ok: true,
        });
        let exit = self.emit(Op::JumpIfNot {
            a: Reg(r.0 + ew),
            to: Pc(0),
        });
        let body_mark = self.top;
        self.bind_range_vars(vec![(key, r, et)], define);
        self.fetching_loop_body(label, body, start, exit, body_mark, mark);
    }

    /// The rest of a loop that fetches its next element at `start` (a map
    /// iterator's next entry, a channel receive) and leaves through the
    /// jump `exit` when there is none: the body, `continue` back to the
    /// fetch, `break` and the exit after it; `top` returns to `mark`.
    fn fetching_loop_body(
        &mut self,
        label: Option<String>,
        body: &'a ast::Block,
        start: Pc,
        exit: usize,
        body_mark: u32,
        mark: u32,
    ) {
        self.push_loop(label, false);
        self.block(body);
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&l.continues);
        self.top = body_mark;
        self.jump_back(start);
        self.patch_here(&[exit]);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    /// `select`: every case's channel and sent value are evaluated in
    /// source order, then one `Select` instruction followed by one
    /// `SelectCase` per case picks a case; a chain of comparisons on the
    /// chosen index runs its body.
    fn select_stmt(&mut self, cases: &'a [ast::CommClause]) {
        let label = self.take_label();
        let mark = self.top;
        // (case index in the instruction, the receive's lhs, registers)
        struct Case<'a> {
            comm: Option<&'a Stmt>,
            a: Reg,
            et: TypeId,
        }
        let mut ops = Vec::new();
        let mut plan: Vec<Case<'a>> = Vec::new();
        let mut has_default = false;
        for cc in cases {
            let Some(comm) = cc.comm.as_deref() else {
                has_default = true;
                plan.push(Case {
                    comm: None,
                    a: Reg(0),
                    et: ids::INVALID,
                });
                continue;
            };
            let recv_of = |x: &'a Expr| -> Option<&'a Expr> {
                match &strip_parens(x).kind {
                    ExprKind::Unary(UnaryOp::Recv, c) => Some(c),
                    _ => None,
                }
            };
            let ch = match &comm.kind {
                StmtKind::Send { ch, .. } => Some(ch),
                StmtKind::Expr(x) => recv_of(x),
                StmtKind::Assign { rhs, .. } => rhs.first().and_then(recv_of),
                StmtKind::Define { values, .. } => values.first().and_then(recv_of),
                _ => None,
            };
            let Some(ch) = ch else {
                self.err(comm.span, "this select case");
                return;
            };
            let et = self.chan_elem(self.ty(ch));
            let ew = self.words(et);
            let c = self.alloc(1);
            self.expr_to(ch, c);
            let a = self.alloc(ew.max(1));
            let send = if let StmtKind::Send { value, .. } = &comm.kind {
                self.convert_to(value, et, a);
                true
            } else {
                false
            };
            ops.push(Op::SelectCase { c, a, ew, send });
            plan.push(Case {
                comm: Some(comm),
                a,
                et,
            });
        }
        let d = self.alloc(2);
        self.emit(Op::Select {
            d,
            n: ops.len() as u32,
            block: !has_default,
        });
        for op in ops {
            self.emit(op);
        }
        self.push_loop(label, true);
        let mut ends = Vec::new();
        let mut k = 0i64;
        for (cc, case) in cases.iter().zip(&plan) {
            let m = self.top;
            let want = if case.comm.is_some() {
                k += 1;
                k - 1
            } else {
                -1
            };
            let kr = self.alloc(1);
            self.emit(Op::LoadInt { d: kr, v: want });
            let t = self.alloc(1);
            self.emit(Op::EqInt { d: t, a: d, b: kr });
            let skip = self.emit(Op::JumpIfNot { a: t, to: Pc(0) });
            self.top = m;
            if let Some(comm) = case.comm {
                let ew = self.words(case.et);
                match &comm.kind {
                    StmtKind::Define { names, .. } => {
                        let vals = [(names.first(), case.a), (names.get(1), Reg(d.0 + 1))];
                        for (k2, (name, r)) in vals.into_iter().enumerate() {
                            let Some(id) = name else { continue };
                            if id.is_blank() {
                                continue;
                            }
                            let Some(o) = self.g.info.defs.get(&id.id).copied() else {
                                continue;
                            };
                            let var = self.new_home(o);
                            if var.boxed {
                                self.init_boxed(var, r);
                            } else {
                                let n = if k2 == 0 { ew } else { 1 };
                                self.emit(Op::MoveN {
                                    d: var.reg,
                                    a: r,
                                    n,
                                });
                            }
                            self.vars.insert(o, var);
                        }
                    }
                    StmtKind::Assign { lhs, .. } => {
                        let vals = vec![
                            (lhs.first(), case.a, case.et),
                            (lhs.get(1), Reg(d.0 + 1), ids::BOOL),
                        ];
                        self.bind_range_vars(vals, false);
                    }
                    _ => {}
                }
            }
            self.stmts(&cc.body);
            ends.push(self.emit(Op::Jump { to: Pc(0) }));
            self.patch_here(&[skip]);
        }
        let l = self.loops.pop().unwrap_or_else(unreachable_loop);
        self.patch_here(&ends);
        self.patch_here(&l.breaks);
        self.top = mark;
    }

    fn print_kind(&self, t: TypeId) -> PrintKind {
        match self.under(t) {
            Type::Basic(k, _) => match k {
                BasicKind::Bool | BasicKind::UntypedBool => PrintKind::Bool,
                BasicKind::Float32 => PrintKind::F32,
                BasicKind::Float64 | BasicKind::UntypedFloat => PrintKind::F64,
                BasicKind::String | BasicKind::UntypedString => PrintKind::Str,
                k if k.is_unsigned() => PrintKind::Uint,
                BasicKind::UntypedNil => PrintKind::Pointer,
                _ => PrintKind::Int,
            },
            Type::Interface(_) => PrintKind::Iface,
            Type::Slice(_) => PrintKind::Slice,
            _ => PrintKind::Pointer,
        }
    }
}

/// Where a tuple assignment stores one value (its operands evaluated).
enum Dest<'a> {
    /// Through [`FnGen::store_to`] (variables, fields of values in slots).
    Plain(&'a Expr),
    Map {
        m: Reg,
        k: Reg,
        t: RtType,
    },
    Slice {
        s: Reg,
        i: Reg,
        t: RtType,
    },
    /// At word `off` from pointer `p`; the nil check is the store's.
    Ptr {
        p: Reg,
        off: u32,
        t: RtType,
        n: u32,
    },
    /// Element `i` (a slot holding the index) of the array at pointer `p`,
    /// of `len` elements of type `t` and `ew` words each.
    HeapElem {
        p: Reg,
        i: Reg,
        t: RtType,
        ew: u32,
        len: u32,
    },
    /// Element `i` (a slot holding the index, evaluated in phase one) of
    /// the array `x` held in slots, of `len` elements of `ew` words.
    SlotElem {
        x: &'a Expr,
        i: Reg,
        ew: u32,
        len: u32,
    },
}

/// Where a value is: in slots from a register, or at an address held in
/// a register.
#[derive(Clone, Copy)]
enum Place {
    Slots(Reg),
    Ptr(Reg),
}

/// Where an argument comes from: an expression, or one value of a
/// multi-value call already in slots.
#[derive(Clone, Copy)]
enum ArgSrc<'a> {
    Expr(&'a Expr),
    Val(Reg, TypeId),
}

fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(id) if id.is_blank())
}

fn strip_parens(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

/// The loop stack is pushed and popped in pairs by the same function.
#[cold]
fn unreachable_loop() -> Loop {
    Loop {
        label: None,
        breaks: Vec::new(),
        continues: Vec::new(),
        cont: None,
        is_switch: false,
    }
}

#[allow(dead_code)]
fn _unused(_: Fault, _: RtType, _: TypeKind) {}
