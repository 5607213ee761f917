//! Compiling one function body: the generator's state, emission, jump
//! patching, slot allocation, retargeting and the function's frame. The
//! statements and expressions themselves are compiled in the sibling
//! modules named for the language feature (`stmt`, `expr`, `call`, ...),
//! each a further `impl FnGen`.
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
//! `ElemAddr` (see `place`).
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
//! phases ([`Dest`](super::place::Dest)): index and indirection operands
//! first, then the right sides, then the stores.

use super::call::ArgSrc;
use super::{Body, Gen};
use crate::ast::{self, Expr, ExprKind, Span};
use crate::basic::BasicKind;
use crate::bytecode::{FuncId, Function, Op, Pc, Reg, RtType};
use crate::types::{ids, ObjId, Type, TypeId};
use std::collections::HashMap;

/// Where a variable lives.
#[derive(Clone, Copy, Debug)]
pub(super) struct Var {
    /// Its slot, or the slot holding its box's address.
    pub(super) reg: Reg,
    pub(super) boxed: bool,
    pub(super) ty: TypeId,
}

pub(super) struct Loop {
    pub(super) label: Option<String>,
    pub(super) breaks: Vec<usize>,
    pub(super) continues: Vec<usize>,
    /// The continue target when already known (`None`: patch later).
    pub(super) cont: Option<Pc>,
    /// Switches accept `break` but not `continue`.
    pub(super) is_switch: bool,
}

/// A label `goto` may target: where it is bound (once its statement is
/// compiled) and the forward gotos to patch then.
#[derive(Default)]
pub(super) struct GotoLabel {
    pub(super) pc: Option<Pc>,
    pub(super) pending: Vec<(usize, Span)>,
}

pub(super) struct FnGen<'g, 'a> {
    pub(super) g: &'g mut Gen<'a>,
    pub(super) code: Vec<Op>,
    pub(super) lines: Vec<u32>,
    /// Where the file of the emitted code changes (see
    /// [`Function::file_runs`]): `first_file` is that of the first
    /// instruction, `emitted_file` that of the last.
    pub(super) file_runs: Vec<(u32, u32)>,
    pub(super) first_file: Option<u32>,
    pub(super) emitted_file: u32,
    pub(super) line: u32,
    pub(super) file: u32,
    pub(super) top: u32,
    pub(super) max: u32,
    pub(super) vars: HashMap<ObjId, Var>,
    /// Captured variables of a closure: word offset in the closure object.
    pub(super) captures: HashMap<ObjId, (u32, TypeId)>,
    pub(super) loops: Vec<Loop>,
    /// The pc at which a label was last bound (no retargeting across it).
    pub(super) label_at: usize,
    /// Named results (slots, in order) and all result types.
    pub(super) named_results: Vec<Var>,
    pub(super) results: Vec<TypeId>,
    /// The next closure literal number (`main.f.func1`).
    pub(super) lit_count: u32,
    /// Bodies of range-over-func loops compiled so far (Go names them
    /// `f-range1`, `f-range2`, ...).
    pub(super) range_count: u32,
    pub(super) name: String,
    pub(super) pending_label: Option<String>,
    /// The function's labels, for `goto`.
    pub(super) gotos: HashMap<String, GotoLabel>,
    /// Whether the body contains a `defer`.
    pub(super) has_defer: bool,
    /// The next wrapper numbers of deferred and go'd builtins
    /// (`main.f.deferwrap1`, `main.f.gowrap1`), counted apart as Go does.
    pub(super) wrap_counts: [u32; 2],
    pub(super) recover_pc: u32,
    /// `fallthrough` jumps of the switch clause being compiled.
    pub(super) fallthroughs: Vec<usize>,
    /// Go's size in bytes of the parameters and results (Go's limit on
    /// them is checked with Go's sizes).
    pub(super) go_arg_bytes: u64,
}

pub(super) const MAX_DEPTH: u32 = 1000;

/// The largest local variable kept in slots: a larger one lives in the
/// heap as an escaped variable does. Go's rule (cmd/compile's
/// `maxStackVarSize`, 10 MB), counted in gol's words since what it
/// protects is gol's goroutine stack: each slot is 8 bytes, whatever the
/// Go size of the value in it. Values above it are never built in slots
/// where a heap location can take them instead (see
/// [`FnGen::huge_addr`]); zeroing one is a fresh object's allocation,
/// which the heap hands out zeroed.
pub(super) const MAX_STACK_VAR_BYTES: u64 = 10 << 20;

/// Go's limit on a function's stack frame (`stack frame too large
/// (>1GB)`): a frame of more slots than this could never be pushed.
pub(super) const MAX_FRAME_BYTES: u64 = 1 << 30;

impl<'g, 'a> FnGen<'g, 'a> {
    pub(super) fn compile(g: &'g mut Gen<'a>, id: FuncId, body: Body<'a>) -> Function {
        let name = g.out.funcs[id.0 as usize].name.clone();
        let mut f = FnGen {
            g,
            code: Vec::new(),
            lines: Vec::new(),
            file_runs: Vec::new(),
            first_file: None,
            emitted_file: 0,
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
            range_count: 0,
            name: name.clone(),
            pending_label: None,
            gotos: HashMap::new(),
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
            // A session's inputs run by themselves (compile_session).
            Body::Entry if f.g.session => {
                f.emit(Op::Return { a: Reg(0), n: 0 });
                (0, 0)
            }
            Body::Unit(k) => {
                f.session_unit(k);
                f.epilogue();
                (0, 0)
            }
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
        // The checker resolved every goto to a label of this body; one
        // left unbound is a bug of the generator, reported, never a jump
        // to nowhere.
        let mut unbound: Vec<Span> = f
            .gotos
            .values()
            .flat_map(|l| l.pending.iter().map(|&(_, sp)| sp))
            .collect();
        unbound.sort_by_key(|s| s.lo);
        for sp in unbound {
            f.err(sp, "this goto");
        }
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
            file: f.first_file.unwrap_or(f.file),
            file_runs: f.file_runs,
            param_words: pw,
            result_words: rw,
            frame_words: frame,
            recover_pc: f.recover_pc,
        }
    }

    // ----- emission helpers -----

    pub(super) fn set_pos(&mut self, pos: u32) {
        (self.line, self.file) = self.g.line_and_file(pos);
    }

    pub(super) fn emit(&mut self, op: Op) -> usize {
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
        match self.first_file {
            None => {
                self.first_file = Some(self.file);
                self.emitted_file = self.file;
            }
            Some(_) if self.file != self.emitted_file => {
                self.file_runs.push((self.code.len() as u32, self.file));
                self.emitted_file = self.file;
            }
            Some(_) => {}
        }
        self.code.push(op);
        self.lines.push(self.line);
        self.code.len() - 1
    }

    /// Go places the panic of an index or slice expression at its `[`
    /// (a failed bounds check is reported "at the line number of the '['
    /// token": test/fixedbugs/issue29504.go), which may be on another
    /// line than the operand, or under another line directive. Sets the
    /// position to the `[` after operand `x` and returns the one to put
    /// back when the expression is compiled. A read's operands are
    /// compiled under it too, so a call among them (which sets its own
    /// position) leaves the check at the call's line; a store sets it
    /// after its operands; the stores of a tuple assignment (`a[i], b =
    /// ...`, [`Dest`](super::place::Dest)) are placed at their own `[`
    /// too. A call among a read's operands is the case where gol's line
    /// may differ from Go's, only in a multi-line expression or under a
    /// directive.
    pub(super) fn at_lbrack(&mut self, x: &Expr) -> (u32, u32) {
        let saved = (self.line, self.file);
        if x.span.hi > 0 {
            let at = self.g.sources.token_after(x.span.hi);
            self.set_pos(at);
        }
        saved
    }

    /// Drops the instructions from `len` on, with their lines and files.
    pub(super) fn truncate_code(&mut self, len: usize) {
        self.code.truncate(len);
        self.lines.truncate(len);
        while self.file_runs.last().is_some_and(|r| r.0 as usize >= len) {
            self.file_runs.pop();
        }
        if let Some(first) = self.first_file {
            self.emitted_file = self.file_runs.last().map_or(first, |r| r.1);
        }
    }

    pub(super) fn pc(&self) -> Pc {
        Pc(self.code.len() as u32)
    }

    /// Binds a label here and patches the jumps at `sites` to it.
    /// Opens a loop (or a switch, which takes `break` but not `continue`)
    /// for the branch statements of its body.
    pub(super) fn push_loop(&mut self, label: Option<String>, is_switch: bool) {
        self.loops.push(Loop {
            label,
            breaks: Vec::new(),
            continues: Vec::new(),
            cont: None,
            is_switch,
        });
    }

    pub(super) fn patch_here(&mut self, sites: &[usize]) {
        let to = self.pc();
        for &s in sites {
            self.patch(s, to);
        }
        self.label_at = self.code.len();
    }

    pub(super) fn patch(&mut self, site: usize, to: Pc) {
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
    pub(super) fn patch_back(&mut self, sites: &[usize], to: Pc) {
        for &s in sites {
            if let Op::Jump { .. } = self.code[s] {
                self.code[s] = Op::Loop { to };
            }
            self.patch(s, to);
        }
    }

    pub(super) fn jump_back(&mut self, to: Pc) {
        self.emit(Op::Loop { to });
    }

    pub(super) fn alloc(&mut self, n: u32) -> Reg {
        let r = Reg(self.top);
        // Saturating: a frame past u32 words is refused when the function
        // ends (MAX_FRAME_BYTES).
        self.top = self.top.saturating_add(n);
        self.max = self.max.max(self.top);
        r
    }

    pub(super) fn err(&mut self, span: Span, what: &str) {
        self.g.error(span, format!("gol cannot compile {what} yet"));
    }

    pub(super) fn words(&self, t: TypeId) -> u32 {
        self.g.words(t)
    }

    /// Whether a value of `t` is too large for slots (MAX_STACK_VAR_BYTES).
    pub(super) fn huge(&self, t: TypeId) -> bool {
        self.words(t) as u64 * 8 > MAX_STACK_VAR_BYTES
    }

    pub(super) fn ty(&self, e: &Expr) -> TypeId {
        let t = self.g.info.type_of(e.id).unwrap_or(ids::INVALID);
        if self.g.tt.is_untyped(t) {
            self.g.tt.default_type(t)
        } else {
            t
        }
    }

    pub(super) fn under(&self, t: TypeId) -> &Type {
        self.g.tt.get(self.g.tt.under(t))
    }

    pub(super) fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            Type::Basic(k, _) => Some(*k),
            _ => None,
        }
    }

    pub(super) fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    // ----- function frame -----

    pub(super) fn prologue(&mut self, recv: &[&ast::Param], ty: &ast::FuncType) -> (u32, u32) {
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

    pub(super) fn param_type(&self, p: &ast::Param) -> TypeId {
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

    pub(super) fn slice_of(&self, t: TypeId) -> TypeId {
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

    /// `d` = a new object of runtime type `rt` holding the value in
    /// slots at `v`: a boxed variable, `new(expr)`, an elided `&T{...}`,
    /// a boxed receiver.
    pub(super) fn new_holding(&mut self, d: Reg, rt: RtType, v: Reg) {
        self.emit(Op::New { d, t: rt });
        self.store_mem_rt(d, 0, v, rt);
    }

    /// Makes `o` live in slot `r`, boxing it (moving its current value into
    /// a new heap box whose address then occupies `r`) when it is captured
    /// or addressed.
    pub(super) fn declare_at(&mut self, o: ObjId, r: Reg, t: TypeId) {
        let obj = self.g.tt.obj(o);
        let boxed = obj.captured || obj.addressed;
        if boxed {
            let rt = self.g.rt_type(t);
            let b = self.alloc(1);
            self.new_holding(b, rt, r);
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

    pub(super) fn epilogue(&mut self) {
        // Falling off the end: a function without results returns.
        self.ret_named();
        // The landing pad for a recovered panic: return the named results.
        self.recover_pc = self.code.len() as u32;
        self.ret_named();
    }

    pub(super) fn ret_named(&mut self) {
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

    /// Session input `k`: its variables' initializers (in the package's
    /// initialization order), then its statements.
    fn session_unit(&mut self, k: usize) {
        let main = self.g.prog.packages.len() - 1;
        let p: &'a crate::check::Package = &self.g.prog.packages[main];
        let Some(unit) = p.session_units.get(k) else {
            return;
        };
        let Some(file) = p.files.get(unit.file) else {
            return;
        };
        let span = file.ast.span;
        self.set_pos(span.lo);
        for init in &p.init_order {
            let mine = init.lhs.iter().any(|&o| {
                let s = self.g.tt.obj(o).span;
                s.lo >= span.lo && s.hi <= span.hi
            });
            if mine {
                self.init_var(main, init);
            }
        }
        // Its `func init`s run with it, after its variables, as a
        // package's run after its variables.
        for &o in &p.inits {
            let s = self.g.tt.obj(o).span;
            if s.lo >= span.lo && s.hi <= span.hi {
                if let Some(f) = self.g.func_id(o, Span::default()) {
                    let b = self.alloc(0);
                    self.emit(Op::Call { f, base: b });
                }
            }
        }
        for &i in &unit.items {
            if let Some(ast::Item::Stmt(s)) = file.ast.items.get(i) {
                self.set_pos(s.span.lo);
                self.stmt(s, 0);
            }
        }
    }

    pub(super) fn pkg_init(&mut self, i: usize) {
        let p = &self.g.prog.packages[i];
        let is_main = i + 1 == self.g.prog.packages.len();
        if let Some(f) = p.files.first() {
            self.set_pos(f.ast.span.lo);
        }
        for init in &p.init_order {
            if !is_main && !init.lhs.iter().any(|o| self.g.used_globals.contains(o)) {
                continue;
            }
            self.init_var(i, init);
        }
        for &o in &p.inits {
            if let Some(f) = self.g.func_id(o, Span::default()) {
                let b = self.alloc(0);
                self.emit(Op::Call { f, base: b });
            }
        }
        self.emit(Op::Return { a: Reg(0), n: 0 });
    }

    /// One package-level initializer of package `i`: its value stored
    /// into its variables.
    fn init_var(&mut self, i: usize, init: &crate::check::Initializer) {
        {
            let Some(e) = self.find_expr(i, init.rhs) else {
                return;
            };
            self.set_pos(e.span.lo);
            let mark = self.top;
            if init.lhs.len() == 1 {
                let o = init.lhs[0];
                let t = self.g.tt.obj(o).ty;
                let d = self.alloc(self.words(t));
                self.convert_to(e, t, d);
                if let Some(&gw) = self.g.globals.get(&o) {
                    self.store_global(o, gw, d);
                }
            } else {
                let (d, elems) = self.tuple_to_slots(e);
                let mut off = 0;
                for (k, o) in init.lhs.iter().enumerate() {
                    let et = elems.get(k).copied();
                    let w = et.map_or(0, |t| self.words(t));
                    if let (Some(&gw), Some(et)) = (self.g.globals.get(o), et) {
                        // `var a, b any = x.(T)`: a value stored into a
                        // variable of interface type is boxed first.
                        let vt = self.g.tt.obj(*o).ty;
                        let r = if self.is_iface(vt) && !self.is_iface(et) {
                            let b = self.alloc(self.words(vt));
                            self.arg_to(ArgSrc::Val(Reg(d.0 + off), et), vt, b);
                            b
                        } else {
                            Reg(d.0 + off)
                        };
                        self.store_global(*o, gw, r);
                    }
                    off += w;
                }
            }
            self.top = mark;
        }
    }

    /// The initializer expression with this id in package `i`.
    pub(super) fn find_expr(&self, i: usize, id: ast::NodeId) -> Option<&'a Expr> {
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

    /// Rewrites the destination of the last instruction from `from` to `to`
    /// when it is a single-destination instruction that wrote `from` and no
    /// label sits after it.
    pub(super) fn retarget(&mut self, from: Reg, to: Reg) -> bool {
        if self.label_at == self.code.len() {
            return false;
        }
        let Some(last) = self.code.last_mut() else {
            return false;
        };
        // Which instructions qualify is the opcode table's `[retarget]`.
        last.retarget(from, to)
    }
}

pub(super) fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(id) if id.is_blank())
}

pub(super) fn strip_parens(e: &Expr) -> &Expr {
    let mut e = e;
    while let ExprKind::Paren(x) = &e.kind {
        e = x;
    }
    e
}

/// The loop stack is pushed and popped in pairs by the same function.
#[cold]
pub(super) fn unreachable_loop() -> Loop {
    Loop {
        label: None,
        breaks: Vec::new(),
        continues: Vec::new(),
        cont: None,
        is_switch: false,
    }
}

/// The selector of a generic method's instantiation (`x.M[int]`,
/// `T.M[int, string]`): the checker records the instance as the
/// selector's method, so the brackets add nothing to compile. `None` for
/// any other expression (an index of a field `x.f[i]` selects a field).
pub(super) fn method_instance_sel<'e>(info: &crate::check::Info, e: &'e Expr) -> Option<&'e Expr> {
    let x = match &e.kind {
        ExprKind::Index(x, _) | ExprKind::IndexList(x, _) => strip_parens(x),
        _ => return None,
    };
    let sel = info.selections.get(&x.id)?;
    (matches!(x.kind, ExprKind::Selector(..)) && sel.kind != crate::check::SelectionKind::Field)
        .then_some(x)
}
