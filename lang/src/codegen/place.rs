//! Places: where variables live, addressable operands and the
//! destinations of stores.
//!
//! A variable is in slots (an unboxed local), in a heap box whose address
//! is in a slot (an escaped or huge local), in the closure object (a
//! capture) or in the globals. Arrays held in slots are indexed with
//! `SlotIndex`/`SlotStore`; arrays in the heap (boxed variables, globals,
//! through pointers) through `ElemAddr`. An element or field of an array
//! that lives in slots but is not a plain local (`a[i][j] = v`,
//! `cells[i].f = v`) is updated by copying the enclosing value, changing
//! the copy and storing it back.
//!
//! [`Dest`] is phase one of an assignment: the operands of the left side
//! evaluated, the store itself still to come ([`FnGen::store_dest`]).

use super::func::{strip_parens, FnGen, Var};
use super::MemOp;
use crate::ast::{Expr, ExprKind, Span};
use crate::bytecode::{Off, Op, Reg, RtType, Unsigned};
use crate::check::SelectionKind;
use crate::types::{ids, ObjId, ObjKind, Type, TypeId};

impl<'g, 'a> FnGen<'g, 'a> {
    /// The memory size in bytes of a value of `t` (see `TypeDesc::size`),
    /// as an `ElemAddr` stride; a size past `u32` is refused.
    pub(super) fn mem_size(&mut self, t: TypeId) -> u32 {
        let (size, _) = self.g.tt.mem(t);
        u32::try_from(size).unwrap_or_else(|_| {
            self.err(
                Span::default(),
                "an array element larger than 4 GiB in memory",
            );
            0
        })
    }

    /// Loads the value of type `t` at byte `off` of the memory at pointer
    /// `p` into slots from `d`, nil-checked: its words as they are for a
    /// type laid out in memory as in slots, one typed narrow load for a
    /// narrow scalar, a conversion for a narrow aggregate (the layout
    /// module of the VM).
    pub(super) fn load_mem(&mut self, d: Reg, p: Reg, off: u64, t: TypeId) {
        let rt = self.g.rt_type(t);
        self.load_mem_rt(d, p, off, rt);
    }

    /// [`FnGen::load_mem`] for a type named by its descriptor.
    pub(super) fn load_mem_rt(&mut self, d: Reg, p: Reg, off: u64, rt: RtType) {
        self.mem_move(MemOp::Load { d, p }, off, rt);
    }

    /// Stores the value of type `t` in slots from `a` at byte `off` of
    /// the memory at pointer `p`, nil-checked ([`FnGen::load_mem`]'s
    /// counterpart).
    pub(super) fn store_mem(&mut self, p: Reg, off: u64, a: Reg, t: TypeId) {
        let rt = self.g.rt_type(t);
        self.store_mem_rt(p, off, a, rt);
    }

    /// [`FnGen::store_mem`] for a type named by its descriptor.
    pub(super) fn store_mem_rt(&mut self, p: Reg, off: u64, a: Reg, rt: RtType) {
        self.mem_move(MemOp::Store { p, a }, off, rt);
    }

    /// Emits [`super::Gen::mem_op`]'s instruction.
    fn mem_move(&mut self, op: MemOp, off: u64, rt: RtType) {
        match self.g.mem_op(op, off, rt) {
            Ok(op) => {
                self.emit(op);
            }
            Err(what) => self.err(Span::default(), what),
        }
    }

    /// Whether package variable `o` is reached through its address: a
    /// narrow value lies in the globals in its memory layout.
    fn global_in_memory(&mut self, o: ObjId) -> bool {
        let t = self.g.tt.obj(o).ty;
        self.g.tt.mem(t).1
    }

    /// The value of package variable `o` (at global word `gw`) into `d`.
    pub(super) fn load_global(&mut self, o: ObjId, gw: u32, d: Reg) {
        let t = self.g.tt.obj(o).ty;
        if self.global_in_memory(o) {
            let p = self.alloc(1);
            self.emit(Op::GlobalAddr { d: p, g: gw });
            self.load_mem(d, p, 0, t);
        } else {
            let n = self.words(t);
            self.emit(Op::LoadGlobal { d, g: gw, n });
        }
    }

    /// Package variable `o` (at global word `gw`) = the value in `a`.
    pub(super) fn store_global(&mut self, o: ObjId, gw: u32, a: Reg) {
        let t = self.g.tt.obj(o).ty;
        if self.global_in_memory(o) {
            let p = self.alloc(1);
            self.emit(Op::GlobalAddr { d: p, g: gw });
            self.store_mem(p, 0, a, t);
        } else {
            let n = self.words(t);
            self.emit(Op::StoreGlobal { g: gw, a, n });
        }
    }

    /// `d = p[i]` for `p` a pointer to an array in memory of `len`
    /// elements of type `et`, with Go's bounds check (`i`: the index's
    /// slot and whether it is unsigned); `tmp` receives the element's
    /// address (it may be `p`).
    pub(super) fn load_array_elem(
        &mut self,
        d: Reg,
        tmp: Reg,
        p: Reg,
        (i, u): (Reg, Unsigned),
        et: TypeId,
        len: u32,
    ) {
        let es = self.mem_size(et);
        self.emit(Op::ElemAddr {
            d: tmp,
            a: p,
            i,
            es,
            len,
            u,
        });
        self.load_mem(d, tmp, 0, et);
    }

    /// Puts in `d` the address of memory holding the value of `e`, of a
    /// type too large for slots: its own location when it has one
    /// (nil-checked: `*p`, `p.big`), a new object for a composite
    /// literal. Other expressions (calls, conversions) go through slots,
    /// within the frame limit.
    pub(super) fn huge_addr(&mut self, e: &'a Expr, d: Reg) {
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
        self.new_holding(d, rt, r);
        self.top = keep;
    }

    /// Phase two of an assignment: stores the value in `r` where phase one
    /// ([`FnGen::lhs_dest`]) pointed.
    pub(super) fn store_dest(&mut self, dest: Dest<'a>, r: Reg) {
        match dest {
            Dest::Plain(l) => self.store_to(l, r),
            Dest::Map { m, k, t } => {
                self.emit(Op::MapSet { m, k, v: r, t });
            }
            Dest::Slice { s, i, t, u } => {
                self.emit(Op::SliceSet {
                    d: s,
                    i,
                    a: r,
                    t,
                    u,
                });
            }
            Dest::Ptr { p, off, t } => self.store_mem(p, off, r, t),
            Dest::HeapElem { p, i, t, len, u } => {
                let a = self.alloc(1);
                let es = self.mem_size(t);
                self.emit(Op::ElemAddr {
                    d: a,
                    a: p,
                    i,
                    es,
                    len,
                    u,
                });
                self.store_mem(a, 0, r, t);
            }
            Dest::SlotElem { x, i, ew, len, u } => {
                if let Some(base) = self.local_slots(x) {
                    self.emit(Op::SlotStore {
                        d: base,
                        i,
                        a: r,
                        ew,
                        len,
                        u,
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
                        u,
                    });
                    self.store_to(x, tmp);
                }
            }
        }
    }

    /// Phase one of an assignment to `l`: evaluates the operands of its
    /// index expression or pointer indirection into fresh slots.
    pub(super) fn lhs_dest(&mut self, l: &'a Expr) -> Dest<'a> {
        let ls = strip_parens(l);
        let lt = self.ty(ls);
        match &ls.kind {
            ExprKind::Index(x, i) => {
                let xt = self.ty(x);
                let u = Unsigned::index(self.unsigned_bound(Some(i)));
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
                        Dest::Slice { s, i: ir, t, u }
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
                            t: et,
                            len: n as u32,
                            u,
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
                            u,
                        }
                    }
                    _ => Dest::Plain(l),
                }
            }
            ExprKind::Star(p) => {
                let pr = self.alloc(1);
                self.expr_to(p, pr);
                Dest::Ptr {
                    p: pr,
                    off: 0,
                    t: lt,
                }
            }
            ExprKind::Selector(..) if self.ptr_field_shape(ls) => {
                // p.f, p.a.b, (*p).f: the pointer now, the nil check at
                // the store (`m[k], p.f = 1, 2` with a nil p sets m[k]).
                let (base, off) = self.ptr_field(ls);
                let p = self.alloc(1);
                self.emit(Op::Move { d: p, a: base });
                Dest::Ptr { p, off, t: lt }
            }
            ExprKind::Selector(x, _)
                if self.g.tt.pointer_elem(self.ty(x)).is_some() && self.heap_addressable(ls) =>
            {
                let p = self.alloc(1);
                if !self.addr_of(ls, p) {
                    return Dest::Plain(l);
                }
                Dest::Ptr { p, off: 0, t: lt }
            }
            _ => Dest::Plain(l),
        }
    }

    pub(super) fn local_reg(&self, e: &Expr) -> Option<Reg> {
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

    pub(super) fn read_var(&mut self, v: Var, d: Reg) {
        let w = self.words(v.ty);
        if v.boxed {
            self.load_mem(d, v.reg, 0, v.ty);
        } else if w == 1 {
            self.emit(Op::Move { d, a: v.reg });
        } else if w > 0 {
            self.emit(Op::MoveN { d, a: v.reg, n: w });
        }
    }

    pub(super) fn write_var(&mut self, v: Var, a: Reg) {
        let w = self.words(v.ty);
        if v.boxed {
            self.store_mem(v.reg, 0, a, v.ty);
        } else if w == 1 {
            self.emit(Op::Move { d: v.reg, a });
        } else if w > 0 {
            self.emit(Op::MoveN { d: v.reg, a, n: w });
        }
    }

    /// The value of variable `o` into `d`.
    pub(super) fn load_var(&mut self, o: ObjId, d: Reg, span: Span) {
        if let Some(v) = self.vars.get(&o).copied() {
            self.read_var(v, d);
            return;
        }
        if let Some(&(off, t)) = self.captures.get(&o) {
            let b = self.alloc(1);
            self.emit(Op::LoadCapture {
                d: b,
                off: Off(off),
                n: 1,
            });
            self.load_mem(d, b, 0, t);
            return;
        }
        if let Some(&gw) = self.g.globals.get(&o) {
            self.g.used_globals.insert(o);
            self.load_global(o, gw, d);
            return;
        }
        self.err(span, "a reference to this variable");
    }

    pub(super) fn store_var(&mut self, o: ObjId, a: Reg, span: Span) {
        if let Some(v) = self.vars.get(&o).copied() {
            self.write_var(v, a);
            return;
        }
        if let Some(&(off, t)) = self.captures.get(&o) {
            let b = self.alloc(1);
            self.emit(Op::LoadCapture {
                d: b,
                off: Off(off),
                n: 1,
            });
            self.store_mem(b, 0, a, t);
            return;
        }
        if let Some(&gw) = self.g.globals.get(&o) {
            self.g.used_globals.insert(o);
            self.store_global(o, gw, a);
            return;
        }
        self.err(span, "an assignment to this variable");
    }

    /// The slots of `e` when it is an unboxed local or a field path inside
    /// one (no pointer on the way).
    pub(super) fn local_slots(&self, e: &Expr) -> Option<Reg> {
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
    pub(super) fn qualified_var(&self, e: &Expr) -> Option<ObjId> {
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
    pub(super) fn store_to(&mut self, l: &'a Expr, a: Reg) {
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
                    let u = Unsigned::index(self.unsigned_bound(Some(i)));
                    if let Type::Slice(_) = self.under(xt) {
                        let s = self.operand(x);
                        let ir = self.operand(i);
                        let at = self.at_lbrack(x);
                        self.emit(Op::SliceSet {
                            d: s,
                            i: ir,
                            a,
                            t: rt,
                            u,
                        });
                        (self.line, self.file) = at;
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
                            let at = self.at_lbrack(x);
                            if let Some(base) = self.local_slots(x) {
                                self.emit(Op::SlotStore {
                                    d: base,
                                    i: ir,
                                    a,
                                    ew,
                                    len: n as u32,
                                    u,
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
                                    u,
                                });
                                self.store_to(x, tmp);
                            }
                            (self.line, self.file) = at;
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
                    self.store_mem(p, off, a, t);
                    return;
                }
                // Through an address.
                let p = self.alloc(1);
                if self.addr_of(l, p) {
                    self.store_mem(p, 0, a, t);
                }
            }
        }
    }

    /// `d` = the address of element `i` of the array whose address is in
    /// `d` (`n` elements of type `et`), bounds-checked.
    fn elem_addr(&mut self, d: Reg, i: &'a Expr, n: u64, et: TypeId) {
        let ir = self.operand(i);
        let es = self.mem_size(et);
        self.emit(Op::ElemAddr {
            d,
            a: d,
            i: ir,
            es,
            len: n as u32,
            u: Unsigned::index(self.unsigned_bound(Some(i))),
        });
    }

    /// Computes the address of an addressable expression into `d`.
    pub(super) fn addr_of(&mut self, e: &'a Expr, d: Reg) -> bool {
        match &e.kind {
            ExprKind::Paren(x) => self.addr_of(x, d),
            ExprKind::Ident(id) => {
                let Some(o) = self.g.info.uses.get(&id.id).copied() else {
                    self.err(e.span, "this address");
                    return false;
                };
                if self.addr_of_var(o, d) {
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
                        let at = self.at_lbrack(x);
                        self.emit(Op::SliceAddr {
                            d,
                            a: s,
                            i: ir,
                            t: rt,
                            u: Unsigned::index(self.unsigned_bound(Some(i))),
                        });
                        (self.line, self.file) = at;
                        true
                    }
                    Type::Array(n, et) => {
                        if !self.addr_of(x, d) {
                            return false;
                        }
                        let at = self.at_lbrack(x);
                        self.elem_addr(d, i, n, et);
                        (self.line, self.file) = at;
                        true
                    }
                    Type::Pointer(pt) => {
                        let Type::Array(n, et) = self.under(pt).clone() else {
                            self.err(e.span, "the address of this element");
                            return false;
                        };
                        self.expr_to(x, d);
                        let at = self.at_lbrack(x);
                        self.elem_addr(d, i, n, et);
                        (self.line, self.file) = at;
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
                let mut t = self.g.tt.pointer_elem(xt).unwrap_or(xt);
                let mut start = 0;
                if via_ptr {
                    self.expr_to(x, d);
                } else if let Some((k, woff, pt)) = self
                    .embedded_ptr_prefix(xt, &sel.index)
                    .filter(|_| !self.heap_addressable(x))
                {
                    // `x.f` with x's value in slots (a local, a call's
                    // result) and an embedded pointer on the path: the
                    // field lives where that pointer points, so only the
                    // pointer's word is needed, not x's address.
                    let xr = self.operand(x);
                    self.emit(Op::Move {
                        d,
                        a: Reg(xr.0 + woff),
                    });
                    via_ptr = true;
                    t = pt;
                    start = k + 1;
                } else if !self.addr_of(x, d) {
                    return false;
                }
                let mut off = 0u64;
                for (k, &fi) in sel.index.iter().enumerate().skip(start) {
                    let fs = self
                        .g
                        .tt
                        .struct_fields(t)
                        .map(|f| f.to_vec())
                        .unwrap_or_default();
                    off += self.g.tt.field_moffs(t).get(fi).copied().unwrap_or(0);
                    let ft = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
                    if k + 1 < sel.index.len() && self.g.tt.pointer_elem(ft).is_some() {
                        // Through an embedded pointer.
                        self.load_mem(d, d, off, ft);
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
                        match i32::try_from(off) {
                            Ok(v) => {
                                self.emit(Op::AddIntImm { d, a: d, v });
                            }
                            Err(_) => {
                                let k = self.alloc(1);
                                self.emit(Op::LoadInt {
                                    d: k,
                                    v: off as i64,
                                });
                                self.emit(Op::AddInt { d, a: d, b: k });
                            }
                        }
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

    /// The first embedded pointer on a field path `index` from a value of
    /// struct type `st` (not the selected field itself): its position in
    /// `index`, its word offset in the value's slots and the type it
    /// points to.
    fn embedded_ptr_prefix(&self, st: TypeId, index: &[usize]) -> Option<(usize, u32, TypeId)> {
        let mut st = st;
        let mut off = 0;
        for (k, &fi) in index.iter().enumerate().take(index.len().saturating_sub(1)) {
            let fs = self.g.tt.struct_fields(st)?;
            off += fs.iter().take(fi).map(|f| self.words(f.ty)).sum::<u32>();
            let ft = fs.get(fi)?.ty;
            if let Some(pt) = self.g.tt.pointer_elem(ft) {
                return Some((k, off, pt));
            }
            st = ft;
        }
        None
    }

    /// Puts in `d` the address of local or captured variable `o` when it
    /// lives in a box; false for a variable in slots or one of another
    /// kind (a package variable).
    pub(super) fn addr_of_var(&mut self, o: ObjId, d: Reg) -> bool {
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

    /// The byte offset in memory of the field selected by `sel_e` in a
    /// value of struct type `st` (through embedded structs held by value).
    pub(super) fn field_moff(&self, st: TypeId, sel_e: &Expr) -> u64 {
        let Some(sel) = self.g.info.selections.get(&sel_e.id) else {
            return 0;
        };
        let mut st = st;
        let mut off = 0;
        for &fi in &sel.index {
            let Some(fs) = self.g.tt.struct_fields(st) else {
                return off;
            };
            off += self.g.tt.field_moffs(st).get(fi).copied().unwrap_or(0);
            st = fs.get(fi).map_or(ids::INVALID, |f| f.ty);
        }
        off
    }

    /// The word offset in slots of the field selected by `sel_e` in a
    /// value of struct type `st` (through embedded structs held by value).
    pub(super) fn field_off(&self, st: TypeId, sel_e: &Expr) -> u32 {
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
    pub(super) fn ptr_field_shape(&self, e: &Expr) -> bool {
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
    /// register, byte offset in memory): one load or store with that
    /// offset reads or writes it, and its nil check is the dereference's.
    /// The pointer is used in place when it is a local variable (no copy).
    pub(super) fn ptr_field(&mut self, e: &'a Expr) -> (Reg, u64) {
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
        (base, off + self.field_moff(st, e))
    }

    /// Whether `e` denotes a location in the heap whose address
    /// [`FnGen::addr_of`] can compute (not a value held in slots).
    pub(super) fn heap_addressable(&self, e: &Expr) -> bool {
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
}

/// Where a tuple assignment stores one value (its operands evaluated).
pub(super) enum Dest<'a> {
    /// Through [`FnGen::store_to`] (variables, fields of values in slots).
    Plain(&'a Expr),
    Map {
        m: Reg,
        k: Reg,
        t: RtType,
    },
    /// `u`: whether the index is unsigned, here and below.
    Slice {
        s: Reg,
        i: Reg,
        t: RtType,
        u: Unsigned,
    },
    /// A value of type `t` at byte `off` of the memory at pointer `p`;
    /// the nil check is the store's.
    Ptr {
        p: Reg,
        off: u64,
        t: TypeId,
    },
    /// Element `i` (a slot holding the index) of the array in memory at
    /// pointer `p`, of `len` elements of type `t`.
    HeapElem {
        p: Reg,
        i: Reg,
        t: TypeId,
        len: u32,
        u: Unsigned,
    },
    /// Element `i` (a slot holding the index, evaluated in phase one) of
    /// the array `x` held in slots, of `len` elements of `ew` words.
    SlotElem {
        x: &'a Expr,
        i: Reg,
        ew: u32,
        len: u32,
        u: Unsigned,
    },
}

/// Where a value is: in slots from a register, or at an address held in
/// a register.
#[derive(Clone, Copy)]
pub(super) enum Place {
    Slots(Reg),
    Ptr(Reg),
}
