//! A generator of random, deterministic, well-typed Go programs inside
//! gol's subset, in the spirit of Csmith and gosmith.
//!
//! A program is built top down from a seed: named types (structs, arrays,
//! slices, maps, named basic types, nested in one another and in unnamed
//! types), methods with value and pointer receivers drawn from a fixed pool
//! of signatures (so that several types implement one interface),
//! interfaces made of subsets of that pool, globals, and functions whose
//! bodies are random statements. `main` calls every function, most of the
//! calls under a deferred `recover` so that a runtime panic ends one call,
//! not the program; a program may end with an unrecovered panic, a
//! deadlock or `os.Exit`.
//!
//! What keeps a program well typed and its output deterministic:
//! - every expression is generated for one exact type; a leaf is a
//!   variable (or a field, element or map entry reached from one) of that
//!   type, or a literal. Literals are always typed (`int8(5)`), so they
//!   keep their type in an interface context, and they are in range.
//! - a binary operator never has two constant operands (a constant
//!   overflow or a constant division by zero is a compile error); shifts
//!   and conversions take non-constant operands.
//! - calls of the program's functions, methods and closures (which print
//!   and mutate) are statements of their own, never operands: Go leaves
//!   the order of a call and the read of another operand unspecified.
//! - every local is followed by `_ = name` (Go rejects unused variables)
//!   and imports are written from what the body used.
//! - nothing holding a pointer is printed; maps print through fmt (which
//!   sorts keys) or, when ranged over, through a sorted slice of strings.
//! - goroutines only read shared state, write their own slot, and report
//!   through channels that the main goroutine folds commutatively (a sum)
//!   or in an order the program fixes.
//!
//! [`Features`] turns whole constructs on and off; see the harness's
//! docs for what is held back and why.

use std::collections::BTreeSet;
use std::fmt::Write as _;

#[path = "generic.rs"]
mod generic;

/// splitmix64: small, fast, deterministic.
#[derive(Clone)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: u32) -> bool {
        (self.next() % 100) < pct as u64
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// Constructs that can be switched off as a whole.
#[derive(Clone, Copy, Debug)]
pub struct Features {
    pub goroutines: bool,
    pub select: bool,
    pub floats: bool,
    pub float32: bool,
    pub maps: bool,
    pub closures: bool,
    pub methods: bool,
    pub ifaces: bool,
    pub defers: bool,
    pub runtime_panics: bool,
    /// An unrecovered panic, deadlock or os.Exit at the end of main.
    pub bad_endings: bool,
    /// A goroutine that panics, unrecovered, while main waits.
    pub goroutine_panic: bool,
    pub strings_pkg: bool,
    pub pointers: bool,
    pub stringer: bool,
    /// A runtime panic on a negative index.
    pub neg_index: bool,
    /// Conversions to unparenthesised composite type literals
    /// (`[]int(nil)`, `struct{ a int }(v)`, `func() int(f)`); held back,
    /// they are written `([]int)(nil)` and struct and function values are
    /// not converted.
    pub unparen_conv: bool,
    /// Defers in a function whose result takes more than one word.
    pub defer_multiword_result: bool,
    /// A deferred closure that reads the function's named result.
    pub defer_reads_result: bool,
    /// Calls of generic functions and methods of a generic type (the
    /// prelude [`GENERICS`]) as operands, and ranges over a generic
    /// iterator function.
    pub generics: bool,
    /// complex64 and complex128 values printed by statements of their own.
    pub complex: bool,
    /// `goto`: backward loops, forward skips, jumps out of loops.
    pub gotos: bool,
    /// Random generic types (1-2 type parameters, constraints `any`,
    /// `comparable`, integer type sets, `~string` or the program's
    /// interfaces) with value and pointer methods; their instances are
    /// named types of the program ([`generic`]).
    pub gen_types: bool,
    /// Random generic functions over type-parameter values, called with
    /// explicit and inferred type arguments.
    pub gen_funcs: bool,
    /// Range over function iterators built from closures, with break,
    /// continue, return, defer and panics inside the loop.
    pub range_func: bool,
    /// Calls into `slices`, `maps` and `cmp`.
    pub generic_pkgs: bool,
}

impl Features {
    pub fn all() -> Features {
        Features {
            goroutines: true,
            select: true,
            floats: true,
            float32: true,
            maps: true,
            closures: true,
            methods: true,
            ifaces: true,
            defers: true,
            runtime_panics: true,
            bad_endings: true,
            goroutine_panic: true,
            strings_pkg: true,
            pointers: true,
            stringer: true,
            neg_index: true,
            unparen_conv: true,
            defer_multiword_result: true,
            defer_reads_result: true,
            generics: true,
            complex: true,
            gotos: true,
            gen_types: true,
            gen_funcs: true,
            range_func: true,
            generic_pkgs: true,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IntK {
    I,
    I8,
    I16,
    I32,
    I64,
    U,
    U8,
    U16,
    U32,
    U64,
    Uptr,
}

const INTS: [IntK; 11] = [
    IntK::I,
    IntK::I8,
    IntK::I16,
    IntK::I32,
    IntK::I64,
    IntK::U,
    IntK::U8,
    IntK::U16,
    IntK::U32,
    IntK::U64,
    IntK::Uptr,
];

impl IntK {
    fn name(self) -> &'static str {
        match self {
            IntK::I => "int",
            IntK::I8 => "int8",
            IntK::I16 => "int16",
            IntK::I32 => "int32",
            IntK::I64 => "int64",
            IntK::U => "uint",
            IntK::U8 => "uint8",
            IntK::U16 => "uint16",
            IntK::U32 => "uint32",
            IntK::U64 => "uint64",
            IntK::Uptr => "uintptr",
        }
    }
    fn bits(self) -> u32 {
        match self {
            IntK::I8 | IntK::U8 => 8,
            IntK::I16 | IntK::U16 => 16,
            IntK::I32 | IntK::U32 => 32,
            _ => 64,
        }
    }
    fn signed(self) -> bool {
        matches!(self, IntK::I | IntK::I8 | IntK::I16 | IntK::I32 | IntK::I64)
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Ty {
    Int(IntK),
    Float(u8),
    Bool,
    Str,
    Array(usize, Box<Ty>),
    Slice(Box<Ty>),
    Map(Box<Ty>, Box<Ty>),
    Struct(Vec<(String, Ty)>),
    Ptr(Box<Ty>),
    Named(usize),
    Iface(usize),
    Any,
    Func(Vec<Ty>, Box<Ty>),
}

/// A method signature of the shared pool.
struct MSig {
    name: &'static str,
    params: Vec<Ty>,
    result: Ty,
}

struct Named {
    name: String,
    under: Ty,
    /// (pool index, pointer receiver)
    methods: Vec<(usize, bool)>,
    stringer: bool,
    /// An instance of a generic type: (generic type, type arguments).
    inst: Option<(usize, Vec<Ty>)>,
}

struct Iface {
    name: String,
    methods: Vec<usize>,
}

#[derive(Clone)]
struct Var {
    name: String,
    ty: Ty,
    /// May be assigned (loop counters may not: the loop must end).
    assign: bool,
}

struct Func {
    name: String,
    params: Vec<Ty>,
    result: Ty,
}

/// A generated expression and whether Go sees it as a constant.
struct E {
    s: String,
    konst: bool,
}

fn e(s: String) -> E {
    E { s, konst: false }
}

pub struct Gen {
    r: Rng,
    f: Features,
    pool: Vec<MSig>,
    named: Vec<Named>,
    ifaces: Vec<Iface>,
    funcs: Vec<Func>,
    scopes: Vec<Vec<Var>>,
    out: String,
    indent: usize,
    next_id: usize,
    loop_depth: usize,
    /// Inside a goroutine or a map range: no calls, no panics, no writes
    /// outside the block's own variables.
    pure: usize,
    /// Block nesting depth of the statement generator.
    depth: usize,
    /// Functions of the program this body may call (those before it).
    callable: usize,
    /// Statements left for this function (bounds the program's size).
    budget: i64,
    /// Inside a method or closure body: no calls of the program's
    /// functions or methods (no recursion), no goroutines, no defers.
    nocall: usize,
    /// Leaves are literals only (keys of map entries reached by a path:
    /// a path inside a path would recurse).
    no_places: usize,
    /// The result type of the function being generated (None in main).
    cur_result: Option<Ty>,
    gtypes: Vec<generic::GType>,
    gfuncs: Vec<generic::GFunc>,
    /// Inside a closure that a range-over-func loop is wrapped in (a bare
    /// `return` leaves it).
    rf_wrap: usize,
}

pub fn generate(seed: u64, f: Features) -> String {
    let mut g = Gen {
        r: Rng(seed),
        f,
        pool: Vec::new(),
        named: Vec::new(),
        ifaces: Vec::new(),
        funcs: Vec::new(),
        scopes: Vec::new(),
        out: String::new(),
        indent: 0,
        next_id: 0,
        loop_depth: 0,
        pure: 0,
        depth: 0,
        callable: 0,
        budget: 0,
        nocall: 0,
        no_places: 0,
        cur_result: None,
        gtypes: Vec::new(),
        gfuncs: Vec::new(),
        rf_wrap: 0,
    };
    g.program()
}

impl Gen {
    fn fresh(&mut self, p: &str) -> String {
        self.next_id += 1;
        format!("{p}{}", self.next_id)
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push('\t');
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn open(&mut self, s: &str) {
        self.line(s);
        self.indent += 1;
        self.scopes.push(Vec::new());
    }

    fn close(&mut self, s: &str) {
        self.scopes.pop();
        self.indent -= 1;
        self.line(s);
    }

    fn declare(&mut self, name: &str, ty: Ty, assign: bool) {
        self.scopes.last_mut().unwrap().push(Var {
            name: name.to_string(),
            ty,
            assign,
        });
    }

    /// `name := rhs` followed by `_ = name`.
    fn local(&mut self, ty: Ty, rhs: &str) -> String {
        let n = self.fresh("v");
        // An untyped constant or comparison would take its default type.
        if !matches!(ty, Ty::Func(..)) {
            let l = format!("var {n} {} = {rhs}", self.go(&ty));
            self.line(&l);
        } else {
            self.line(&format!("{n} := {rhs}"));
        }
        self.line(&format!("_ = {n}"));
        self.declare(&n, ty, true);
        n
    }

    // ---- types ----

    fn resolve<'a>(&'a self, t: &'a Ty) -> &'a Ty {
        match t {
            Ty::Named(i) => &self.named[*i].under,
            _ => t,
        }
    }

    fn go(&self, t: &Ty) -> String {
        match t {
            Ty::Int(k) => k.name().to_string(),
            Ty::Float(32) => "float32".into(),
            Ty::Float(_) => "float64".into(),
            Ty::Bool => "bool".into(),
            Ty::Str => "string".into(),
            Ty::Array(n, e) => format!("[{n}]{}", self.go(e)),
            Ty::Slice(e) => format!("[]{}", self.go(e)),
            Ty::Map(k, v) => format!("map[{}]{}", self.go(k), self.go(v)),
            Ty::Struct(fs) => {
                let fs: Vec<String> = fs
                    .iter()
                    .map(|(n, t)| format!("{n} {}", self.go(t)))
                    .collect();
                format!("struct{{ {} }}", fs.join("; "))
            }
            Ty::Ptr(e) => format!("*{}", self.go(e)),
            Ty::Named(i) => self.named[*i].name.clone(),
            Ty::Iface(i) => self.ifaces[*i].name.clone(),
            Ty::Any => "any".into(),
            Ty::Func(ps, r) => {
                let ps: Vec<String> = ps.iter().map(|t| self.go(t)).collect();
                format!("func({}) {}", ps.join(", "), self.go(r))
            }
        }
    }

    /// The type's name as the operand of a conversion.
    fn conv_name(&self, t: &Ty) -> String {
        let n = self.go(t);
        if self.f.unparen_conv
            || matches!(
                t,
                Ty::Named(_)
                    | Ty::Int(_)
                    | Ty::Float(_)
                    | Ty::Str
                    | Ty::Bool
                    | Ty::Any
                    | Ty::Iface(_)
            )
        {
            n
        } else {
            format!("({n})")
        }
    }

    fn comparable(&self, t: &Ty) -> bool {
        match t {
            Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Str | Ty::Ptr(_) => true,
            Ty::Array(_, e) => self.comparable(e),
            Ty::Struct(fs) => fs.iter().all(|(_, t)| self.comparable(t)),
            Ty::Named(i) => self.comparable(&self.named[*i].under),
            _ => false,
        }
    }

    /// Usable as a map key: comparable, and no floats (NaN, -0) or
    /// pointers (their order in fmt's output is their address).
    fn keyable(&self, t: &Ty) -> bool {
        match t {
            Ty::Int(_) | Ty::Bool | Ty::Str => true,
            Ty::Array(_, e) => self.keyable(e),
            Ty::Struct(fs) => fs.iter().all(|(_, t)| self.keyable(t)),
            Ty::Named(i) => self.keyable(&self.named[*i].under),
            _ => false,
        }
    }

    /// fmt prints it the same under every implementation: no pointers,
    /// funcs or interfaces (whose dynamic value may be a pointer).
    fn printable(&self, t: &Ty) -> bool {
        match t {
            Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Str | Ty::Any => true,
            Ty::Array(_, e) | Ty::Slice(e) => self.printable(e),
            Ty::Map(k, v) => self.printable(k) && self.printable(v),
            Ty::Struct(fs) => fs.iter().all(|(_, t)| self.printable(t)),
            Ty::Named(i) => self.printable(&self.named[*i].under),
            _ => false,
        }
    }

    fn int_ty(&mut self) -> Ty {
        Ty::Int(*self.r.pick(&INTS))
    }

    fn basic_ty(&mut self) -> Ty {
        match self.r.below(10) {
            0..=4 => self.int_ty(),
            5 | 6 if self.f.floats => {
                if self.f.float32 && self.r.chance(30) {
                    Ty::Float(32)
                } else {
                    Ty::Float(64)
                }
            }
            7 => Ty::Bool,
            _ => Ty::Str,
        }
    }

    /// A random type of nesting depth at most `d`, drawn from the basic
    /// types, the named types declared so far and unnamed composites.
    fn rand_ty(&mut self, d: u32) -> Ty {
        let n = self.r.below(14);
        if d == 0 || n < 5 {
            return self.basic_ty();
        }
        match n {
            5 | 6 if !self.named.is_empty() => Ty::Named(self.r.below(self.named.len())),
            7 => Ty::Array(self.r.range(1, 4) as usize, Box::new(self.rand_ty(d - 1))),
            8 | 9 => Ty::Slice(Box::new(self.rand_ty(d - 1))),
            10 if self.f.maps => {
                let k = self.key_ty();
                Ty::Map(Box::new(k), Box::new(self.rand_ty(d - 1)))
            }
            11 => self.struct_ty(d - 1),
            12 if self.f.pointers && d >= 2 => Ty::Ptr(Box::new(self.rand_ty(d - 1))),
            _ => self.basic_ty(),
        }
    }

    fn key_ty(&mut self) -> Ty {
        for _ in 0..4 {
            let t = match self.r.below(6) {
                0 | 1 => self.int_ty(),
                2 => Ty::Str,
                3 if !self.named.is_empty() => Ty::Named(self.r.below(self.named.len())),
                4 => Ty::Array(2, Box::new(self.int_ty())),
                _ => Ty::Str,
            };
            if self.keyable(&t) {
                return t;
            }
        }
        Ty::Int(IntK::I)
    }

    fn struct_ty(&mut self, d: u32) -> Ty {
        let n = self.r.below(4) + 1;
        let fs = (0..n).map(|i| (format!("f{i}"), self.rand_ty(d))).collect();
        Ty::Struct(fs)
    }

    /// A printable type (for values that flow into `any` and fmt).
    fn printable_ty(&mut self, d: u32) -> Ty {
        for _ in 0..8 {
            let t = self.rand_ty(d);
            if self.printable(&t) {
                return t;
            }
        }
        self.basic_ty()
    }

    // ---- literals ----

    fn int_lit(&mut self, k: IntK) -> i128 {
        let bits = k.bits();
        let (lo, hi): (i128, i128) = if k.signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        };
        match self.r.below(10) {
            0 => lo,
            1 => hi,
            2 => 0,
            3 => 1,
            4 if k.signed() => -1,
            5 => {
                let v = self.r.next() as i128;
                lo + v.rem_euclid(hi - lo + 1)
            }
            _ => (self.r.range(-20, 40) as i128).clamp(lo, hi),
        }
    }

    fn float_lit(&mut self) -> String {
        let v = *self.r.pick(&[
            "0.5", "1.25", "-2.75", "3.0", "0.1", "1e10", "-1e-7", "6.02e23", "100.0", "-0.3",
            "2.5e-3", "7.0",
        ]);
        v.to_string()
    }

    fn str_lit(&mut self) -> String {
        let v = *self.r.pick(&[
            "\"\"",
            "\"a\"",
            "\"hello\"",
            "\"Go\"",
            "\"héllo, 世界\"",
            "\"x\\ty\"",
            "\"\\xff\\x00z\"",
            "\"abcdefgh\"",
            "\"ß\"",
            "\"🙂!\"",
            "\"12\"",
            "\"-\"",
        ]);
        v.to_string()
    }

    /// A literal or composite literal of type `t`.
    fn literal(&mut self, t: &Ty, d: u32) -> E {
        let name = self.go(t);
        let named = matches!(t, Ty::Named(_));
        let u = self.resolve(t).clone();
        match u {
            Ty::Int(k) => {
                let v = self.int_lit(k);
                let s = if name == "int" {
                    if v < 0 {
                        format!("({v})")
                    } else {
                        v.to_string()
                    }
                } else {
                    format!("{name}({v})")
                };
                E { s, konst: true }
            }
            Ty::Float(_) => {
                let v = self.float_lit();
                E {
                    s: if name == "float64" {
                        format!("({v})")
                    } else {
                        format!("{name}({v})")
                    },
                    konst: true,
                }
            }
            Ty::Bool => {
                let v = if self.r.chance(50) { "true" } else { "false" };
                E {
                    s: if named {
                        format!("{name}({v})")
                    } else {
                        v.into()
                    },
                    konst: true,
                }
            }
            Ty::Str => {
                let v = self.str_lit();
                E {
                    s: if named { format!("{name}({v})") } else { v },
                    konst: true,
                }
            }
            Ty::Array(n, el) => {
                let k = if self.r.chance(30) { 0 } else { n };
                let els: Vec<String> = (0..k)
                    .map(|_| self.expr(&el, d.saturating_sub(1)).s)
                    .collect();
                e(format!("{name}{{{}}}", els.join(", ")))
            }
            Ty::Slice(el) => {
                if self.r.chance(10) {
                    let c = self.conv_name(t);
                    return e(format!("{c}(nil)"));
                }
                if self.r.chance(15) {
                    let n = self.r.range(0, 4);
                    return e(format!("make({name}, {n})"));
                }
                let k = self.r.range(1, 4);
                let els: Vec<String> = (0..k)
                    .map(|_| self.expr(&el, d.saturating_sub(1)).s)
                    .collect();
                e(format!("{name}{{{}}}", els.join(", ")))
            }
            Ty::Map(kt, vt) => {
                if self.r.chance(15) {
                    return e(format!("make({name})"));
                }
                // Keys of distinct values: Go inserts a literal's constant
                // entries before the others, so which of two equal keys
                // wins is the compiler's choice.
                let mut els = Vec::new();
                let base = self.r.range(0, 3) as u64;
                for n in 0..self.r.range(0, 4) as u64 {
                    let Some(k) = self.key_lit(&kt, base + n) else {
                        break;
                    };
                    let v = self.expr(&vt, d.saturating_sub(1)).s;
                    els.push(format!("{k}: {v}"));
                }
                e(format!("{name}{{{}}}", els.join(", ")))
            }
            Ty::Struct(fs) => {
                let keyed = self.r.chance(60);
                let mut els = Vec::new();
                for (f, ft) in &fs {
                    if keyed && self.r.chance(25) {
                        continue;
                    }
                    let v = self.expr(ft, d.saturating_sub(1)).s;
                    els.push(if keyed { format!("{f}: {v}") } else { v });
                }
                if self.f.unparen_conv && self.r.chance(10) {
                    // A conversion from the unnamed struct type:
                    // `struct{ a int }(struct{ a int }{1})`, `T(struct{...}{...})`.
                    let c = self.conv_name(t);
                    let lit = self.go(&Ty::Struct(fs));
                    return e(format!("{c}({lit}{{{}}})", els.join(", ")));
                }
                e(format!("{name}{{{}}}", els.join(", ")))
            }
            Ty::Ptr(el) => {
                let r = self.resolve(&el).clone();
                if matches!(
                    r,
                    Ty::Struct(_) | Ty::Array(..) | Ty::Slice(_) | Ty::Map(..)
                ) && self.r.chance(80)
                {
                    let l = self.literal(&el, d.saturating_sub(1)).s;
                    // `&T{...}`; not `&make(T)` nor `&T(nil)`.
                    if l.ends_with('}') {
                        return e(format!("&{l}"));
                    }
                }
                let vs = self.vars_of(&el, true);
                if !vs.is_empty() && self.r.chance(60) {
                    let v = self.r.pick(&vs).clone();
                    return e(format!("&{v}"));
                }
                e(format!("new({})", self.go(&el)))
            }
            Ty::Iface(i) => self.iface_value(i, d),
            Ty::Any => {
                let t = self.printable_ty(1);
                let v = self.expr(&t, d.saturating_sub(1)).s;
                e(format!("any({v})"))
            }
            Ty::Func(ps, r) => {
                let f = self.func_lit(&ps, &r);
                if self.f.unparen_conv && self.r.chance(10) {
                    // `func(int) string(func(a int) string { ... })`: a
                    // function type with a result converts unparenthesised.
                    let c = self.conv_name(t);
                    return e(format!("{c}({})", f.s));
                }
                f
            }
            Ty::Named(_) => unreachable!(),
        }
    }

    /// The `n`th of a sequence of distinct constant values of a key type.
    fn key_lit(&self, t: &Ty, n: u64) -> Option<String> {
        let name = self.go(t);
        let named = matches!(t, Ty::Named(_));
        match self.resolve(t) {
            Ty::Int(k) => {
                let v = n as i128 * 7 - 3;
                let v = if k.signed() { v } else { v.abs() };
                Some(if name == "int" {
                    format!("({v})")
                } else {
                    format!("{name}({v})")
                })
            }
            Ty::Str => {
                let v = [
                    "\"\"",
                    "\"k\"",
                    "\"é\"",
                    "\"Go\"",
                    "\"x y\"",
                    "\"\\x00\"",
                    "\"zz\"",
                    "\"🙂\"",
                ][n as usize % 8];
                Some(if named {
                    format!("{name}({v})")
                } else {
                    v.to_string()
                })
            }
            Ty::Bool => {
                if n > 1 {
                    return None;
                }
                let v = if n == 0 { "false" } else { "true" };
                Some(if named {
                    format!("{name}({v})")
                } else {
                    v.to_string()
                })
            }
            Ty::Array(len, el) => {
                // The first element carries n; the others are zero.
                let first = self.key_lit(el, n)?;
                let rest: Vec<String> = (1..*len)
                    .map(|_| self.key_lit(el, 0))
                    .collect::<Option<_>>()?;
                let mut all = vec![first];
                all.extend(rest);
                Some(format!("{name}{{{}}}", all.join(", ")))
            }
            Ty::Struct(fs) => {
                let mut all = Vec::new();
                for (i, (_, ft)) in fs.iter().enumerate() {
                    all.push(self.key_lit(ft, if i == 0 { n } else { 0 })?);
                }
                Some(format!("{name}{{{}}}", all.join(", ")))
            }
            _ => None,
        }
    }

    /// Variables in scope of exactly type `t` (assignable ones only when
    /// `assign`).
    fn vars_of(&self, t: &Ty, assign: bool) -> Vec<String> {
        let mut out = Vec::new();
        for sc in &self.scopes {
            for v in sc {
                if &v.ty == t && (!assign || v.assign) {
                    out.push(v.name.clone());
                }
            }
        }
        out
    }

    fn all_vars(&self) -> Vec<Var> {
        // Inner scopes shadow nothing: names are unique.
        self.scopes.iter().flatten().cloned().collect()
    }

    /// An index expression in `0..n` for a value whose length is `len`.
    fn index_for(&mut self, len_expr: &str) -> String {
        let ints: Vec<Var> = self
            .all_vars()
            .into_iter()
            .filter(|v| matches!(v.ty, Ty::Int(_)))
            .collect();
        if !ints.is_empty() && self.r.chance(60) {
            let v = self.r.pick(&ints).name.clone();
            format!("idx(int({v}), {len_expr})")
        } else {
            let c = self.r.range(0, 5);
            format!("idx({c}, {len_expr})")
        }
    }

    /// Places (paths from a variable) of type `want`. For writes the path
    /// must be addressable or a map entry at its end.
    fn places(&mut self, want: &Ty, write: bool) -> Vec<String> {
        let mut out = Vec::new();
        for v in self.all_vars() {
            if write && !v.assign {
                // A loop counter's fields are never wanted for writing
                // (counters are ints), but elements through it are fine.
                if v.ty == *want {
                    continue;
                }
            }
            self.walk(&v.name, &v.ty.clone(), want, write, 3, true, &mut out);
            if out.len() > 40 {
                break;
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &mut self,
        path: &str,
        t: &Ty,
        want: &Ty,
        write: bool,
        d: u32,
        root: bool,
        out: &mut Vec<String>,
    ) {
        if t == want {
            out.push(path.to_string());
        }
        if d == 0 {
            return;
        }
        let u = self.resolve(t).clone();
        match u {
            Ty::Struct(fs) => {
                for (f, ft) in fs {
                    self.walk(&format!("{path}.{f}"), &ft, want, write, d - 1, false, out);
                }
            }
            Ty::Array(n, el) => {
                let i = if self.r.chance(50) {
                    self.r.below(n).to_string()
                } else {
                    self.index_for(&n.to_string())
                };
                self.walk(&format!("{path}[{i}]"), &el, want, write, d - 1, false, out);
            }
            // A goroutine's expression never panics: an unrecovered panic
            // while main waits is what Go and gol end differently (see the
            // harness's docs), so no element of what may be empty.
            Ty::Slice(_) | Ty::Str if self.pure > 0 => {}
            Ty::Slice(el) => {
                let i = self.index_for(&format!("len({path})"));
                self.walk(&format!("{path}[{i}]"), &el, want, write, d - 1, false, out);
            }
            Ty::Map(kt, vt) => {
                self.no_places += 1;
                let k = self.literal(&kt, 0).s;
                self.no_places -= 1;
                let p = format!("{path}[{k}]");
                if write {
                    if *vt == *want && self.pure == 0 {
                        out.push(p);
                    }
                } else {
                    self.walk(&p, &vt, want, false, d - 1, false, out);
                }
            }
            Ty::Str if !write => {
                let i = self.index_for(&format!("len({path})"));
                let p = format!("{path}[{i}]");
                if *want == Ty::Int(IntK::U8) {
                    out.push(p);
                }
            }
            // Only variables of pointer type are followed: they are never
            // nil; pointer fields of a zero struct are.
            // A named pointer result starts nil.
            Ty::Ptr(el) if root && path != "rv0" => {
                let elr = self.resolve(&el).clone();
                if let Ty::Struct(fs) = elr {
                    for (f, ft) in fs {
                        self.walk(&format!("{path}.{f}"), &ft, want, write, d - 1, false, out);
                    }
                } else {
                    self.walk(&format!("(*{path})"), &el, want, write, d - 1, false, out);
                }
            }
            _ => {}
        }
    }

    // ---- expressions ----

    fn leaf(&mut self, t: &Ty) -> E {
        if self.no_places == 0 && self.r.chance(75) {
            let ps = self.places(t, false);
            if !ps.is_empty() {
                return e(self.r.pick(&ps).clone());
            }
        }
        self.literal(t, 1)
    }

    /// A non-constant expression of `t` if one can be had.
    fn nonconst(&mut self, t: &Ty, d: u32) -> Option<E> {
        for _ in 0..3 {
            let x = self.expr(t, d);
            if !x.konst {
                return Some(x);
            }
        }
        let ps = self.places(t, false);
        if ps.is_empty() {
            None
        } else {
            Some(e(self.r.pick(&ps).clone()))
        }
    }

    fn expr(&mut self, t: &Ty, d: u32) -> E {
        if d == 0 || self.r.chance(30) {
            return self.leaf(t);
        }
        if self.f.generics && self.pure == 0 && self.r.chance(8) {
            if let Some(x) = self.generic_expr(t, d) {
                return x;
            }
        }
        let u = self.resolve(t).clone();
        let tn = self.go(t);
        match u {
            Ty::Int(k) => self.int_expr(t, k, &tn, d),
            Ty::Float(_) => self.float_expr(t, &tn, d),
            Ty::Bool => match self.r.below(5) {
                0 | 1 => self.compare(d),
                2 => {
                    let a = self.expr(t, d - 1);
                    let b = self.expr(t, d - 1);
                    let op = if self.r.chance(50) { "&&" } else { "||" };
                    E {
                        s: format!("({} {op} {})", a.s, b.s),
                        konst: a.konst && b.konst,
                    }
                }
                3 => {
                    let a = self.expr(t, d - 1);
                    E {
                        s: format!("!{}", paren(&a.s)),
                        konst: a.konst,
                    }
                }
                _ => self.leaf(t),
            },
            Ty::Str => self.str_expr(t, &tn, d),
            Ty::Slice(el) => match self.r.below(5) {
                0 => {
                    let Some(s) = self.nonconst(t, d - 1) else {
                        return self.literal(t, d);
                    };
                    let x = self.expr(&el, d - 1);
                    // Appended to a copy: an append inside an expression
                    // that writes into spare capacity other operands may
                    // read makes the result depend on the order of
                    // non-call operands, which the spec leaves open (gc
                    // evaluates calls first). Statement-level appends
                    // still grow slices in place.
                    let tn = self.go(t);
                    e(format!("append(append(({tn})(nil), {}...), {})", s.s, x.s))
                }
                1 => {
                    let ps = self.places(t, false);
                    if ps.is_empty() {
                        return self.literal(t, d);
                    }
                    let p = self.r.pick(&ps).clone();
                    let lo = self.index_for(&format!("len({p})+1"));
                    if self.r.chance(50) {
                        e(format!("{p}[{lo}:]"))
                    } else {
                        e(format!("{p}[:{lo}]"))
                    }
                }
                2 if *el == Ty::Int(IntK::U8) && !matches!(t, Ty::Named(_)) => {
                    let s = self.expr(&Ty::Str, d - 1);
                    e(format!("[]byte({})", s.s))
                }
                2 if *el == Ty::Int(IntK::I32) && !matches!(t, Ty::Named(_)) => {
                    let s = self.expr(&Ty::Str, d - 1);
                    e(format!("[]rune({})", s.s))
                }
                _ => self.literal(t, d),
            },
            _ => {
                if self.r.chance(50) {
                    self.leaf(t)
                } else {
                    self.literal(t, d)
                }
            }
        }
    }

    fn int_expr(&mut self, t: &Ty, k: IntK, tn: &str, d: u32) -> E {
        match self.r.below(12) {
            0..=3 => {
                let op = *self.r.pick(&["+", "-", "*", "/", "%", "&", "|", "^", "&^"]);
                let mut a = self.expr(t, d - 1);
                let mut b = self.expr(t, d - 1);
                if a.konst && b.konst {
                    match self.nonconst(t, d - 1) {
                        Some(x) => a = x,
                        None => return b,
                    }
                }
                if op == "/" || op == "%" {
                    // Mostly a divisor that is never zero; sometimes a
                    // raw one (divide by zero is a runtime panic).
                    if b.konst {
                        let v = self.int_lit(k);
                        let v = if v == 0 { 3 } else { v };
                        b = self.literal_of(t, v);
                    } else if self.pure > 0 || !self.f.runtime_panics || self.r.chance(85) {
                        b = e(format!("({} | 1)", b.s));
                    }
                }
                e(format!("({} {op} {})", a.s, b.s))
            }
            4 => {
                let Some(a) = self.nonconst(t, d - 1) else {
                    return self.leaf(t);
                };
                let op = if self.r.chance(50) { "<<" } else { ">>" };
                let cnt = if self.r.chance(30) {
                    self.r.range(0, 70).to_string()
                } else {
                    let ct = Ty::Int(*self.r.pick(&[IntK::U, IntK::U8, IntK::U32, IntK::U64]));
                    match self.nonconst(&ct, d - 1) {
                        Some(c) => format!("({} % 70)", c.s),
                        None => "3".into(),
                    }
                };
                e(format!("({} {op} {cnt})", a.s))
            }
            5 => {
                let Some(a) = self.nonconst(t, d - 1) else {
                    return self.leaf(t);
                };
                let op = if self.r.chance(50) { "-" } else { "^" };
                e(format!("{op}{}", paren(&a.s)))
            }
            6 | 7 => {
                // Conversion from another integer (or float) type.
                let src = if self.f.floats && self.r.chance(15) {
                    // Only small floats: out of range float-to-int is
                    // implementation-defined.
                    let f = self.float_operand(d - 1);
                    return e(format!("{tn}(fi({f}))"));
                } else {
                    self.int_ty()
                };
                match self.nonconst(&src, d - 1) {
                    Some(x) => e(format!("{tn}({})", x.s)),
                    None => self.leaf(t),
                }
            }
            8 => {
                // len of something
                let ct = match self.r.below(3) {
                    0 => Ty::Str,
                    1 => Ty::Slice(Box::new(self.basic_ty())),
                    _ => self.rand_ty(2),
                };
                let ok = matches!(
                    self.resolve(&ct),
                    Ty::Str | Ty::Slice(_) | Ty::Map(..) | Ty::Array(..)
                );
                if !ok {
                    return self.leaf(t);
                }
                let x = self.expr(&ct, d - 1);
                // The length of an array is a constant.
                if x.konst || matches!(self.resolve(&ct), Ty::Array(..)) {
                    return self.leaf(t);
                }
                e(format!("{tn}(len({}))", x.s))
            }
            9 => {
                let a = self.expr(t, d - 1);
                let b = self.expr(t, d - 1);
                let f = if self.r.chance(50) { "min" } else { "max" };
                E {
                    s: format!("{f}({}, {})", a.s, b.s),
                    konst: a.konst && b.konst,
                }
            }
            _ => self.leaf(t),
        }
    }

    fn literal_of(&self, t: &Ty, v: i128) -> E {
        let name = self.go(t);
        E {
            s: if name == "int" {
                format!("({v})")
            } else {
                format!("{name}({v})")
            },
            konst: true,
        }
    }

    fn float_operand(&mut self, d: u32) -> String {
        let t = Ty::Float(64);
        match self.nonconst(&t, d) {
            Some(x) => x.s,
            None => "math.Pi".into(),
        }
    }

    fn float_expr(&mut self, t: &Ty, tn: &str, d: u32) -> E {
        match self.r.below(8) {
            0..=2 => {
                let op = *self.r.pick(&["+", "-", "*", "/"]);
                let mut a = self.expr(t, d - 1);
                let b = self.expr(t, d - 1);
                if a.konst && b.konst {
                    match self.nonconst(t, d - 1) {
                        Some(x) => a = x,
                        None => return b,
                    }
                }
                let b = if op == "/" && b.konst {
                    e(format!("{tn}(1.5)"))
                } else {
                    b
                };
                e(format!("({} {op} {})", a.s, b.s))
            }
            3 => {
                let it = self.int_ty();
                match self.nonconst(&it, d - 1) {
                    Some(x) => e(format!("{tn}({})", x.s)),
                    None => self.leaf(t),
                }
            }
            4 => {
                let f = *self.r.pick(&[
                    "math.Sqrt(math.Abs",
                    "math.Floor(",
                    "math.Trunc(",
                    "math.Abs(",
                ]);
                let a = self.float_operand(d - 1);
                let s = if f.ends_with("Abs") {
                    format!("{f}({a}))")
                } else {
                    format!("{f}{a})")
                };
                e(format!("{tn}({s})"))
            }
            5 => {
                let Some(a) = self.nonconst(t, d - 1) else {
                    return self.leaf(t);
                };
                e(format!("-{}", paren(&a.s)))
            }
            _ => self.leaf(t),
        }
    }

    fn str_expr(&mut self, t: &Ty, tn: &str, d: u32) -> E {
        let named = matches!(t, Ty::Named(_));
        let wrap = |s: String| if named { format!("{tn}({s})") } else { s };
        match self.r.below(12) {
            0 | 1 => {
                let a = self.expr(t, d - 1);
                let b = self.expr(t, d - 1);
                E {
                    s: format!("({} + {})", a.s, b.s),
                    konst: a.konst && b.konst,
                }
            }
            2 => {
                let it = self.int_ty();
                match self.nonconst(&it, d - 1) {
                    Some(x) => e(wrap(format!("string(rune({}))", x.s))),
                    None => self.leaf(t),
                }
            }
            3 => {
                let st = if self.r.chance(50) {
                    Ty::Slice(Box::new(Ty::Int(IntK::U8)))
                } else {
                    Ty::Slice(Box::new(Ty::Int(IntK::I32)))
                };
                let x = self.expr(&st, d - 1);
                e(wrap(format!("string({})", x.s)))
            }
            4 => {
                let it = self.int_ty();
                match self.nonconst(&it, d - 1) {
                    Some(x) => {
                        if self.r.chance(50) {
                            e(wrap(format!("strconv.Itoa(int({}))", x.s)))
                        } else {
                            e(wrap(format!(
                                "strconv.FormatInt(int64({}), {})",
                                x.s,
                                self.r.range(2, 36)
                            )))
                        }
                    }
                    None => self.leaf(t),
                }
            }
            5 => {
                let pt = self.printable_ty(2);
                let x = self.expr(&pt, d - 1);
                let verb = *self.r.pick(&[
                    "%v", "%+v", "%d", "%x", "%q", "%s", "%08.3f", "%T", "%5v", "%-4v|",
                ]);
                e(wrap(format!("fmt.Sprintf(\"{verb}\", {})", x.s)))
            }
            6 if self.f.strings_pkg => {
                let a = self.expr(&Ty::Str, d - 1);
                let s = match self.r.below(7) {
                    0 => format!("strings.ToUpper({})", a.s),
                    1 => format!("strings.Repeat({}, {})", a.s, self.r.range(0, 3)),
                    2 => {
                        let b = self.expr(&Ty::Str, d - 1);
                        format!("strings.ReplaceAll({}, \"l\", {})", a.s, b.s)
                    }
                    3 => format!("strings.TrimSpace({})", a.s),
                    4 => {
                        let b = self.expr(&Ty::Str, d - 1);
                        format!("strings.Join([]string{{{}, {}}}, \"/\")", a.s, b.s)
                    }
                    5 => format!("strings.Title({})", a.s),
                    _ => format!("strings.ToLower({})", a.s),
                };
                if s.starts_with("strings.Title") {
                    return e(wrap(format!("strings.ToLower({})", a.s)));
                }
                e(wrap(s))
            }
            7 => {
                let ps = self.places(t, false);
                if ps.is_empty() {
                    return self.leaf(t);
                }
                let p = self.r.pick(&ps).clone();
                let lo = self.index_for(&format!("len({p})+1"));
                if self.r.chance(50) {
                    e(format!("{p}[{lo}:]"))
                } else {
                    e(format!("{p}[:{lo}]"))
                }
            }
            _ => self.leaf(t),
        }
    }

    /// A comparison of two values of a random comparable type.
    /// A call of one of [`GENERICS`]' functions (or a method of its
    /// generic type) with result type `t`, instantiated explicitly (an
    /// untyped constant argument would otherwise infer its default
    /// type) or, for a non-constant first argument, by inference. The
    /// calls have no side effects, so they may be operands.
    fn generic_expr(&mut self, t: &Ty, d: u32) -> Option<E> {
        let tn = self.go(t);
        let u = self.resolve(t).clone();
        let num = matches!(u, Ty::Int(_) | Ty::Float(_));
        let ordered = num || u == Ty::Str;
        let args =
            |g: &mut Gen, n: usize| -> Vec<String> { (0..n).map(|_| g.expr(t, d - 1).s).collect() };
        let s = match self.r.below(10) {
            0 => format!("gId[{tn}]({})", args(self, 1)[0]),
            1 => {
                // Inferred from a non-constant argument of type t.
                let x = self.nonconst(t, d - 1)?;
                format!("gId({})", x.s)
            }
            2 => {
                let c = self.expr(&Ty::Bool, d - 1);
                let a = args(self, 2);
                format!("gPick[{tn}]({}, {}, {})", c.s, a[0], a[1])
            }
            3 => {
                let a = args(self, 1);
                // Parenthesised: a composite literal in an if, for or
                // switch header would end the header.
                if self.r.chance(50) {
                    format!("(gBox[{tn}]{{v: {}}}).get()", a[0])
                } else {
                    format!("(gBox[{tn}]{{}}).with({}).get()", a[0])
                }
            }
            4 if ordered => {
                let a = args(self, 2);
                let f = if self.r.chance(50) { "gMax" } else { "gMin" };
                format!("{f}[{tn}]({}, {})", a[0], a[1])
            }
            5 if num => {
                let n = self.r.range(0, 4) as usize;
                format!("gSum[{tn}]({})", args(self, n).join(", "))
            }
            6 if num => {
                let a = args(self, 2);
                format!("gMul[{tn}]({}, {})", a[0], a[1])
            }
            7 if matches!(u, Ty::Int(_)) => {
                let a = args(self, 1);
                let sh = self.expr(&Ty::Int(IntK::U8), d - 1);
                let f = if self.r.chance(50) { "gShl" } else { "gShr" };
                format!("{f}[{tn}]({}, {})", a[0], sh.s)
            }
            8 if matches!(u, Ty::Int(_) | Ty::Float(_)) => {
                // A conversion between type parameters: int to int (wraps)
                // or anything numeric to a float (float to int is left out:
                // out of range, its result is the platform's).
                let from = if matches!(u, Ty::Int(_)) || self.r.chance(50) {
                    self.int_ty()
                } else {
                    Ty::Float(if self.r.chance(50) { 32 } else { 64 })
                };
                if matches!(from, Ty::Float(32)) && !self.f.float32 {
                    return None;
                }
                let x = self.expr(&from, d - 1);
                let fname = if matches!(u, Ty::Int(_)) {
                    "gConvI"
                } else {
                    "gConvF"
                };
                format!("{fname}[{}, {tn}]({})", self.go(&from), x.s)
            }
            9 if u == Ty::Str => {
                let a = args(self, 2);
                format!("gCat[{tn}]({}, {})", a[0], a[1])
            }
            9 if u == Ty::Bool => {
                let mut c = self.rand_ty(1);
                if !self.comparable(&c) {
                    c = self.basic_ty();
                }
                let a = self.expr(&c, d - 1);
                let b = self.expr(&c, d - 1);
                format!("gEq[{}]({}, {})", self.go(&c), a.s, b.s)
            }
            _ => return None,
        };
        // gEq's result is `bool`, and gId infers `bool` from a comparison
        // (an untyped boolean value): a named boolean type needs them
        // converted.
        if u == Ty::Bool && tn != "bool" {
            return Some(e(format!("{tn}({s})")));
        }
        Some(e(s))
    }

    fn compare(&mut self, d: u32) -> E {
        let mut t = self.rand_ty(1);
        if !self.comparable(&t) || matches!(self.resolve(&t), Ty::Ptr(_)) {
            t = self.basic_ty();
        }
        let ordered = matches!(self.resolve(&t), Ty::Int(_) | Ty::Float(_) | Ty::Str);
        let ops: &[&str] = if ordered {
            &["==", "!=", "<", "<=", ">", ">="]
        } else {
            &["==", "!="]
        };
        let op = *self.r.pick(ops);
        let a = self.expr(&t, d - 1);
        let b = self.expr(&t, d - 1);
        // A comparison of two untyped-looking composite literals is fine;
        // a constant one is fine too (a bool constant).
        E {
            s: format!("({} {op} {})", a.s, b.s),
            konst: a.konst && b.konst,
        }
    }

    fn func_lit(&mut self, ps: &[Ty], r: &Ty) -> E {
        // A closure literal used as a value: a short body over its
        // parameters and captured variables, no calls.
        let saved_out = std::mem::take(&mut self.out);
        let saved_indent = self.indent;
        self.indent = 0;
        let params: Vec<String> = ps
            .iter()
            .enumerate()
            .map(|(i, t)| format!("q{}_{i} {}", self.next_id, self.go(t)))
            .collect();
        let head = format!("func({}) {} {{", params.join(", "), self.go(r));
        self.scopes.push(Vec::new());
        for (i, t) in ps.iter().enumerate() {
            let n = format!("q{}_{i}", self.next_id);
            self.declare(&n, t.clone(), true);
        }
        self.next_id += 1;
        self.pure += 1;
        self.indent = saved_indent + 1;
        let x = self.expr(r, 2);
        self.line(&format!("return {}", x.s));
        self.pure -= 1;
        self.scopes.pop();
        let body = std::mem::replace(&mut self.out, saved_out);
        self.indent = saved_indent;
        let mut s = head;
        s.push('\n');
        s.push_str(&body);
        for _ in 0..saved_indent {
            s.push('\t');
        }
        s.push('}');
        e(s)
    }

    fn iface_value(&mut self, i: usize, d: u32) -> E {
        let imps = self.implementers(i);
        if imps.is_empty() || self.r.chance(3) {
            return e(format!("{}(nil)", self.ifaces[i].name));
        }
        let t = self.r.pick(&imps).clone();
        let x = self.expr(&t, d.saturating_sub(1));
        // An untyped constant or comparison would take its default type.
        if x.konst || matches!(self.resolve(&t), Ty::Bool) {
            let tn = self.go(&t);
            return e(format!("{}(({tn})({}))", self.ifaces[i].name, x.s));
        }
        e(format!("{}({})", self.ifaces[i].name, x.s))
    }

    /// Types (named T or *T) that implement interface `i`.
    fn implementers(&self, i: usize) -> Vec<Ty> {
        let want = &self.ifaces[i].methods;
        let mut out = Vec::new();
        for (ti, n) in self.named.iter().enumerate() {
            let vals: Vec<usize> = n.methods.iter().filter(|m| !m.1).map(|m| m.0).collect();
            let all: Vec<usize> = n.methods.iter().map(|m| m.0).collect();
            if want.iter().all(|m| vals.contains(m)) {
                out.push(Ty::Named(ti));
            }
            if want.iter().all(|m| all.contains(m)) {
                out.push(Ty::Ptr(Box::new(Ty::Named(ti))));
            }
        }
        out
    }

    // ---- statements ----

    fn block(&mut self, n: usize) {
        self.depth += 1;
        for _ in 0..n {
            if self.budget <= 0 {
                break;
            }
            self.budget -= 1;
            self.stmt();
        }
        self.depth -= 1;
    }

    fn print_stmt(&mut self) {
        let k = self.r.range(1, 3);
        let mut args = vec![format!("\"{}\"", self.fresh("p"))];
        for _ in 0..k {
            let t = self.printable_ty(2);
            let x = self.expr(&t, 2);
            args.push(x.s);
        }
        if self.r.chance(25) {
            // Printf with verbs that fit any value.
            let verbs: Vec<&str> = (1..args.len())
                .map(|_| *self.r.pick(&["%v", "%+v", "%v"]))
                .collect();
            let fmtstr = format!("%s {}\\n", verbs.join(" "));
            self.line(&format!("fmt.Printf(\"{fmtstr}\", {})", args.join(", ")));
        } else {
            self.line(&format!("fmt.Println({})", args.join(", ")));
        }
    }

    fn stmt(&mut self) {
        if self.pure == 0 && self.any_generic_feature() && self.r.chance(10) && self.generic_stmt()
        {
            return;
        }
        let deep = self.depth > 3;
        let choice = self.r.below(100);
        match choice {
            0..=17 => {
                let t = self.rand_ty(2);
                let x = self.expr(&t, 3);
                let n = if x.konst {
                    // `v := int8(5)` keeps its type; fine.
                    self.local(t.clone(), &x.s)
                } else {
                    self.local(t.clone(), &x.s)
                };
                let _ = n;
            }
            18..=21 => {
                let t = self.rand_ty(2);
                if matches!(t, Ty::Ptr(_)) {
                    // A nil pointer variable would be dereferenced.
                    let x = self.literal(&t, 2).s;
                    self.local(t, &x);
                    return;
                }
                let n = self.fresh("z");
                {
                    let l = format!("var {n} {}", self.go(&t));
                    self.line(&l);
                }
                self.line(&format!("_ = {n}"));
                self.declare(&n, t, true);
            }
            22..=33 => self.assign_stmt(),
            34..=43 => self.print_stmt(),
            44..=49 if !deep => {
                let c = self.expr(&Ty::Bool, 3);
                self.open(&format!("if {} {{", c.s));
                let k = self.r.range(1, 3) as usize;
                self.block(k);
                if self.r.chance(40) {
                    self.close("} else {");
                    self.open_noline();
                    self.block(k);
                }
                self.close("}");
            }
            50..=55 if !deep && self.loop_depth < 2 => self.for_stmt(),
            56..=59 if !deep && self.loop_depth < 2 => self.range_stmt(),
            60..=62 if !deep => self.switch_stmt(),
            63..=65 if self.f.closures && self.pure == 0 && self.nocall == 0 => self.closure_stmt(),
            66..=69 if self.pure == 0 && self.loop_depth == 0 && self.nocall == 0 => {
                self.call_stmt()
            }
            70..=72 if self.f.methods && self.pure == 0 && self.nocall == 0 => {
                self.method_call_stmt()
            }
            73..=74 if self.f.ifaces && self.pure == 0 && !deep => self.type_switch_stmt(),
            75..=76
                if self.f.defers
                    && self.pure == 0
                    && self.loop_depth == 0
                    && self.nocall == 0
                    && self.defer_ok() =>
            {
                self.defer_stmt()
            }
            77 if self.f.runtime_panics && self.pure == 0 => self.panic_stmt(false),
            78..=79
                if self.f.goroutines
                    && self.pure == 0
                    && self.loop_depth == 0
                    && self.nocall == 0
                    && !deep =>
            {
                self.goroutine_stmt()
            }
            80..=81 if self.loop_depth > 0 && self.pure == 0 => {
                let c = self.expr(&Ty::Bool, 2);
                let kw = if self.r.chance(50) {
                    "break"
                } else {
                    "continue"
                };
                self.line(&format!("if {} {{ {kw} }}", c.s));
            }
            82..=84 if self.f.maps && self.pure == 0 && self.loop_depth == 0 => self.map_ops_stmt(),
            85..=87 => self.opassign_stmt(),
            88..=93 if self.pure == 0 && !deep => self.extra_stmt(),
            94..=96 if self.pure == 0 && self.f.strings_pkg => self.stdlib_stmt(),
            97 if self.pure == 0 && self.f.complex && self.f.floats => self.complex_stmt(),
            98 if self.pure == 0 && self.f.gotos && !deep => self.goto_stmt(),
            _ => self.print_stmt(),
        }
    }

    /// Two complex values of one type, printed with what can be done
    /// with them (arithmetic, comparison, real/imag, conversions, fmt's
    /// verbs).
    fn complex_stmt(&mut self) {
        let bits = if self.f.float32 && self.r.chance(30) {
            64
        } else {
            128
        };
        let other = 192 - bits;
        let a = self.complex_expr(bits, 3);
        let b = self.complex_expr(bits, 3);
        let (x, y) = (self.fresh("z"), self.fresh("z"));
        self.line(&format!("var {x} complex{bits} = {}", a.s));
        self.line(&format!("var {y} complex{bits} = {}", b.s));
        let p = self.fresh("c");
        let l = match self.r.below(4) {
            0 => format!("fmt.Println(\"{p}\", {x}, {y}, {x} == {y}, {x} != {y}, -{x})"),
            1 => format!(
                "fmt.Printf(\"{p} %v %.3g %8.2f %e %+.1f\\n\", {x}*{y}, {x}/{y}, {x}-{y}, real({x})+imag({y}), {x}+{y})"
            ),
            2 => format!(
                "fmt.Println(\"{p}\", real({x}), imag({x}), complex{other}({y}), {x}*{x}/{y}, fmt.Sprint({y}) == fmt.Sprintf(\"%v\", {y}))"
            ),
            _ => {
                // Compound assignment, and a complex value in a slice, a
                // struct and an interface.
                self.line(&format!("{x} += {y}"));
                self.line(&format!("{x} *= {y}"));
                format!(
                    "fmt.Println(\"{p}\", {x}, []complex{bits}{{{x}, {y}}}, struct{{ z complex{bits} }}{{{y}}}, any({x}) == any({y}))"
                )
            }
        };
        self.line(&l);
    }

    /// A complex expression of complex`bits`. Two constant operands are
    /// never divided or multiplied (a constant division by zero and a
    /// constant overflow are compile errors), and a constant is never
    /// converted (complex64 may not hold it).
    fn complex_expr(&mut self, bits: u32, d: u32) -> E {
        let ft = Ty::Float(if bits == 64 { 32 } else { 64 });
        let leaf = |g: &mut Gen, d: u32| {
            let re = g.expr(&ft, d);
            let im = g.expr(&ft, d);
            E {
                s: format!("complex({}, {})", re.s, im.s),
                konst: re.konst && im.konst,
            }
        };
        if d == 0 || self.r.chance(30) {
            return leaf(self, 1);
        }
        match self.r.below(5) {
            0 | 1 => {
                let a = self.complex_expr(bits, d - 1);
                let b = self.complex_expr(bits, d - 1);
                let mut op = *self.r.pick(&["+", "-", "*", "/"]);
                if b.konst && (op == "/" || a.konst) {
                    op = if a.konst { "+" } else { "*" };
                }
                E {
                    s: format!("({} {op} {})", a.s, b.s),
                    konst: a.konst && b.konst,
                }
            }
            2 => {
                let x = self.complex_expr(192 - bits, d - 1);
                if x.konst {
                    return leaf(self, d - 1);
                }
                e(format!("complex{bits}({})", x.s))
            }
            3 => {
                let x = self.complex_expr(bits, d - 1);
                E {
                    s: format!("-{}", paren(&x.s)),
                    konst: x.konst,
                }
            }
            _ => {
                // Parts taken from another complex value.
                let x = self.complex_expr(bits, d - 1);
                let f = if self.r.chance(50) { "real" } else { "imag" };
                let y = self.expr(&ft, d - 1);
                E {
                    s: format!("complex({f}({}), {})", x.s, y.s),
                    konst: x.konst && y.konst,
                }
            }
        }
    }

    /// `goto` in the three shapes programs use it: a backward jump that
    /// makes a loop, a forward jump over statements (never over a
    /// declaration in the same block), and a jump out of a loop.
    fn goto_stmt(&mut self) {
        let l = self.fresh("L");
        let p = self.fresh("g");
        match self.r.below(3) {
            0 => {
                let n = self.fresh("n");
                let k = self.r.range(1, 4);
                self.open("{");
                self.line(&format!("{n} := 0"));
                self.indent -= 1;
                self.line(&format!("{l}:"));
                self.indent += 1;
                self.line(&format!("{n}++"));
                self.line(&format!("fmt.Println(\"{p}\", {n})"));
                self.line(&format!("if {n} < {k} {{"));
                self.line(&format!("\tgoto {l}"));
                self.line("}");
                self.close("}");
            }
            1 => {
                let c = self.expr(&Ty::Bool, 2);
                self.line(&format!("if {} {{", c.s));
                self.line(&format!("\tgoto {l}"));
                self.line("}");
                self.print_stmt();
                self.line(&format!("{l}:"));
                self.line(&format!("fmt.Println(\"{p}\")"));
            }
            _ => {
                let i = self.fresh("i");
                let k = self.r.range(0, 4);
                self.open("{");
                self.line(&format!("for {i} := 0; {i} < 5; {i}++ {{"));
                self.line(&format!("\tif {i} == {k} {{"));
                self.line(&format!("\t\tgoto {l}"));
                self.line("\t}");
                self.line(&format!("\tfmt.Println(\"{p}\", {i})"));
                self.line("}");
                self.line(&format!("fmt.Println(\"{p}\", \"done\")"));
                self.indent -= 1;
                self.line(&format!("{l}:"));
                self.indent += 1;
                self.line(&format!("fmt.Println(\"{p}\", \"out\")"));
                self.close("}");
            }
        }
    }

    fn defer_ok(&self) -> bool {
        self.f.defer_multiword_result
            || match &self.cur_result {
                None => true,
                Some(t) => matches!(
                    self.resolve(t),
                    Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Ptr(_)
                ),
            }
    }

    /// Value semantics, aliasing, multiple results, per-iteration loop
    /// variables, labels, variadic calls, copy, method expressions.
    fn extra_stmt(&mut self) {
        let vars: Vec<Var> = self.all_vars().into_iter().filter(|v| v.assign).collect();
        let pick = |g: &mut Gen, f: &dyn Fn(&Gen, &Var) -> bool| -> Option<Var> {
            let c: Vec<Var> = vars.iter().filter(|v| f(g, v)).cloned().collect();
            if c.is_empty() {
                None
            } else {
                Some(g.r.pick(&c).clone())
            }
        };
        let p = self.fresh("x");
        match self.r.below(11) {
            0 | 1 => {
                // A copy of an array or struct is a new value.
                let Some(v) = pick(self, &|g, v| {
                    matches!(g.resolve(&v.ty), Ty::Array(..) | Ty::Struct(_)) && g.printable(&v.ty)
                }) else {
                    return self.print_stmt();
                };
                let c = self.local(v.ty.clone(), &v.name);
                let want = self.basic_ty();
                let mut out = Vec::new();
                self.walk(&c, &v.ty, &want, true, 3, true, &mut out);
                if let Some(pl) = out.first().cloned() {
                    let x = self.expr(&want, 2).s;
                    self.line(&format!("{pl} = {x}"));
                }
                self.line(
                    &format!("fmt.Println(\"{p}\", {}, {c}, {} == {c})", v.name, v.name).replace(
                        &format!(", {} == {c})", v.name),
                        &if self.comparable(&v.ty) {
                            format!(", {} == {c})", v.name)
                        } else {
                            ")".to_string()
                        },
                    ),
                );
            }
            2 => {
                // Writes through a pointer show in the variable.
                let Some(v) = pick(self, &|g, v| {
                    matches!(g.resolve(&v.ty), Ty::Array(..) | Ty::Struct(_)) && g.printable(&v.ty)
                }) else {
                    return self.print_stmt();
                };
                let pv = self.local(Ty::Ptr(Box::new(v.ty.clone())), &format!("&{}", v.name));
                let want = self.basic_ty();
                let mut out = Vec::new();
                self.walk(
                    &pv,
                    &Ty::Ptr(Box::new(v.ty.clone())),
                    &want,
                    true,
                    3,
                    true,
                    &mut out,
                );
                if let Some(pl) = out.first().cloned() {
                    let x = self.expr(&want, 2).s;
                    self.line(&format!("{pl} = {x}"));
                }
                self.line(&format!("fmt.Println(\"{p}\", {})", v.name));
            }
            3 => {
                // A subslice shares its array.
                let Some(v) = pick(self, &|g, v| {
                    matches!(g.resolve(&v.ty), Ty::Slice(_)) && g.printable(&v.ty)
                }) else {
                    return self.print_stmt();
                };
                let Ty::Slice(el) = self.resolve(&v.ty).clone() else {
                    return;
                };
                let lo = self.index_for(&format!("len({})+1", v.name));
                let t = self.local(v.ty.clone(), &format!("{}[{lo}:]", v.name));
                let x = self.expr(&el, 2).s;
                self.line(&format!("if len({t}) > 0 {{ {t}[0] = {x} }}"));
                self.line(&format!("fmt.Println(\"{p}\", {}, {t}, len({t}))", v.name));
            }
            4 => {
                // Multiple results and a swap.
                let a = self.basic_ty();
                let b = self.basic_ty();
                let f = self.fresh("mr");
                let (an, bn) = (self.go(&a), self.go(&b));
                let x = self.expr(&a, 2).s;
                let y = self.expr(&b, 2).s;
                self.line(&format!("{f} := func() ({an}, {bn}) {{ return {x}, {y} }}"));
                let (u, w) = (self.fresh("r"), self.fresh("r"));
                self.line(&format!("{u}, {w} := {f}()"));
                if a == b {
                    self.line(&format!("{u}, {w} = {w}, {u}"));
                }
                self.line(&format!("fmt.Println(\"{p}\", {u}, {w})"));
            }
            5 => {
                // Closures in a loop capture a variable per iteration.
                let n = self.r.range(1, 4);
                let k = self.r.range(1, 9);
                let fs = self.fresh("fs");
                self.line(&format!("var {fs} []func() int"));
                self.line(&format!("for i := 0; i < {n}; i++ {{ {fs} = append({fs}, func() int {{ return i * {k} }}) }}"));
                self.line(&format!(
                    "for _, f := range {fs} {{ fmt.Println(\"{p}\", f()) }}"
                ));
            }
            6 => {
                // Labelled break and continue.
                let (m, k) = (self.r.range(1, 4), self.r.range(2, 5));
                let l = self.fresh("L");
                self.line(&format!("{l}:"));
                self.line(&format!("for i := 0; i < {m}; i++ {{"));
                self.line("\tfor j := 0; j < 4; j++ {");
                self.line(&format!("\t\tif (i+j)%{k} == 0 {{ continue {l} }}"));
                self.line(&format!("\t\tif j > i+1 {{ break {l} }}"));
                self.line(&format!("\t\tfmt.Println(\"{p}\", i, j)"));
                self.line("\t}");
                self.line("}");
            }
            7 => {
                // A variadic closure.
                let t = self.int_ty();
                let tn = self.go(&t);
                let f = self.fresh("vf");
                self.line(&format!("{f} := func(pre string, xs ...{tn}) string {{ var s {tn}; for _, x := range xs {{ s += x }}; return fmt.Sprint(pre, len(xs), s) }}"));
                let a = self.expr(&t, 2).s;
                let b = self.expr(&t, 2).s;
                let sl = self.expr(&Ty::Slice(Box::new(t.clone())), 2).s;
                self.line(&format!(
                    "fmt.Println(\"{p}\", {f}(\"a\"), {f}(\"b\", {a}, {b}), {f}(\"c\", {sl}...))"
                ));
            }
            8 => {
                // copy between slices.
                let Some(v) = pick(self, &|g, v| {
                    matches!(g.resolve(&v.ty), Ty::Slice(_)) && g.printable(&v.ty)
                }) else {
                    return self.print_stmt();
                };
                let src = self.expr(&v.ty, 2).s;
                let n = self.fresh("n");
                self.line(&format!("{n} := copy({}, {src})", v.name));
                self.line(&format!("fmt.Println(\"{p}\", {n}, {})", v.name));
            }
            9 => {
                // Integer conversions between every width.
                let t = self.int_ty();
                let Some(x) = self.nonconst(&t, 2) else {
                    return self.print_stmt();
                };
                let v = self.local(t, &x.s);
                let convs: Vec<String> =
                    INTS.iter().map(|k| format!("{}({v})", k.name())).collect();
                self.line(&format!(
                    "fmt.Println(\"{p}\", {}, float32({v}), float64({v}))",
                    convs.join(", ")
                ));
            }
            _ => {
                // A method expression: a call, so not where calls are
                // kept out (a method calling its own method through
                // `T.M(x)` recursed until the stack overflowed).
                if self.nocall > 0 {
                    return self.print_stmt();
                }
                let mut cands = Vec::new();
                for v in &vars {
                    if let Ty::Named(i) = v.ty {
                        for &(m, ptr) in &self.named[i].methods {
                            cands.push((v.name.clone(), i, m, ptr));
                        }
                    }
                }
                if cands.is_empty() {
                    return self.print_stmt();
                }
                let (v, i, m, ptr) = self.r.pick(&cands).clone();
                let ps = self.pool[m].params.clone();
                let args: Vec<String> = ps.iter().map(|t| self.expr(t, 2).s).collect();
                let tn = self.named[i].name.clone();
                let (recv_t, recv) = if ptr {
                    (format!("(*{tn})"), format!("&{v}"))
                } else {
                    (tn, v)
                };
                let mut all = vec![recv];
                all.extend(args);
                self.line(&format!(
                    "fmt.Println(\"{p}\", {recv_t}.{}({}))",
                    self.pool[m].name,
                    all.join(", ")
                ));
            }
        }
    }

    /// Standard packages on generated values: fmt's verbs, strconv,
    /// strings, unicode/utf8, sort, errors.
    fn stdlib_stmt(&mut self) {
        let p = self.fresh("s");
        let s = self.expr(&Ty::Str, 2).s;
        let it = self.int_ty();
        // Not a constant: `int32(uint64(1<<63))` would not compile.
        let i = match self.nonconst(&it, 2) {
            Some(x) => x.s,
            None => "len(\"seven\"[1:])".to_string(),
        };
        let f = if self.f.floats {
            self.float_operand(2)
        } else {
            "1.5".to_string()
        };
        let line = match self.r.below(10) {
            0 => format!("fmt.Printf(\"{p} %d %x %X %o %b %08d %-5d| %+d %c %U\\n\", {i}, {i}, {i}, {i}, {i}, {i}, {i}, {i}, rune(int32({i})&0x10ffff), rune(int32({i})&0x10ffff))"),
            1 => format!("fmt.Printf(\"{p} %e %E %g %G %.3f %8.2f %v %.0f %6.3g\\n\", {f}, {f}, {f}, {f}, {f}, {f}, float32({f}), {f}, {f})"),
            2 => format!("fmt.Printf(\"{p} %q %x % x %s %10s|%-10s| %.2s %v\\n\", {s}, {s}, {s}, {s}, {s}, {s}, {s}, []byte({s}))"),
            3 => format!("fmt.Println(\"{p}\", strconv.Quote({s}), strconv.QuoteToASCII({s}), strconv.FormatFloat({f}, 'g', -1, 64), strconv.FormatFloat({f}, 'e', 3, 32))"),
            4 => format!("fmt.Println(\"{p}\", utf8.RuneCountInString({s}), utf8.ValidString({s}), []rune({s}), len({s}))"),
            5 => format!("fmt.Println(\"{p}\", strings.Fields({s} + \" a  b \"), strings.Split({s}, \"l\"), strings.Contains({s}, \"o\"), strings.Index({s}, \"l\"), strings.Count({s}, \"\"))"),
            6 => {
                let v = self.fresh("n");
                let e = self.fresh("err");
                self.line(&format!("{v}, {e} := strconv.Atoi({s})"));
                format!("fmt.Println(\"{p}\", {v}, {e})")
            }
            7 => {
                let xs = self.fresh("xs");
                let t = self.int_ty();
                let a = self.expr(&Ty::Slice(Box::new(t)), 2).s;
                self.line(&format!("{xs} := append({a}[:0:0], {a}...)"));
                self.line(&format!("sort.Slice({xs}, func(a, b int) bool {{ return {xs}[a] < {xs}[b] }})"));
                format!("fmt.Println(\"{p}\", {xs}, sort.SliceIsSorted({xs}, func(a, b int) bool {{ return {xs}[a] < {xs}[b] }}))")
            }
            8 => {
                let e1 = self.fresh("e");
                let e2 = self.fresh("e");
                self.line(&format!("{e1} := errors.New({s})"));
                self.line(&format!("{e2} := fmt.Errorf(\"wrap %d: %w\", {i}, {e1})"));
                format!("fmt.Println(\"{p}\", {e2}, errors.Is({e2}, {e1}), errors.Unwrap({e2}) == {e1})")
            }
            _ => {
                let b = self.fresh("sb");
                self.line(&format!("var {b} strings.Builder"));
                self.line(&format!("{b}.WriteString({s})"));
                self.line(&format!("{b}.WriteByte(byte({i}))"));
                self.line(&format!("{b}.WriteRune(rune(int32({i})&0xffff))"));
                self.line(&format!("fmt.Fprintf(&{b}, \"<%v>\", {i})"));
                format!("fmt.Println(\"{p}\", {b}.Len(), {b}.String())")
            }
        };
        self.line(&line);
    }

    fn open_noline(&mut self) {
        self.indent += 1;
        self.scopes.push(Vec::new());
    }

    fn assign_stmt(&mut self) {
        let t = self.rand_ty(2);
        let ps = self.places(&t, true);
        let target = if ps.is_empty() {
            let vs = self.all_vars();
            let vs: Vec<Var> = vs.into_iter().filter(|v| v.assign).collect();
            if vs.is_empty() {
                return self.print_stmt();
            }
            let v = self.r.pick(&vs).clone();
            let x = self.expr(&v.ty, 3);
            self.line(&format!("{} = {}", v.name, x.s));
            return;
        } else {
            self.r.pick(&ps).clone()
        };
        let x = self.expr(&t, 3);
        self.line(&format!("{target} = {}", x.s));
    }

    fn opassign_stmt(&mut self) {
        let t = if self.r.chance(70) {
            self.int_ty()
        } else if self.r.chance(50) && self.f.floats {
            Ty::Float(64)
        } else {
            Ty::Str
        };
        let ps = self.places(&t, true);
        if ps.is_empty() {
            return self.print_stmt();
        }
        let p = self.r.pick(&ps).clone();
        match &t {
            Ty::Int(_) => {
                if self.r.chance(20) {
                    let op = if self.r.chance(50) { "++" } else { "--" };
                    self.line(&format!("{p}{op}"));
                    return;
                }
                let op = *self
                    .r
                    .pick(&["+=", "-=", "*=", "|=", "&=", "^=", "<<=", ">>=", "/=", "%="]);
                let x = if op == "<<=" || op == ">>=" {
                    format!("{}", self.r.range(0, 9))
                } else if op == "/=" || op == "%=" {
                    match self.nonconst(&t, 2) {
                        Some(x) => format!("({} | 1)", x.s),
                        None => "3".into(),
                    }
                } else {
                    self.expr(&t, 2).s
                };
                self.line(&format!("{p} {op} {x}"));
            }
            _ => {
                let op = if t == Ty::Str {
                    "+="
                } else {
                    *self.r.pick(&["+=", "-=", "*="])
                };
                let x = self.expr(&t, 2).s;
                self.line(&format!("{p} {op} {x}"));
            }
        }
    }

    fn for_stmt(&mut self) {
        let i = self.fresh("i");
        let n = self.r.range(0, 4);
        if self.r.chance(30) {
            self.open(&format!("for {i} := range {n} {{"));
        } else {
            self.open(&format!("for {i} := 0; {i} < {n}; {i}++ {{"));
        }
        self.line(&format!("_ = {i}"));
        self.declare(&i, Ty::Int(IntK::I), false);
        self.loop_depth += 1;
        let k = self.r.range(1, 4) as usize;
        self.block(k);
        self.loop_depth -= 1;
        self.close("}");
    }

    fn range_stmt(&mut self) {
        let mut cands = Vec::new();
        for v in self.all_vars() {
            match self.resolve(&v.ty) {
                Ty::Slice(el) | Ty::Array(_, el) => {
                    cands.push((v.name.clone(), (**el).clone(), false))
                }
                Ty::Str => cands.push((v.name.clone(), Ty::Int(IntK::I32), false)),
                // Printed through fmt.Sprint: nothing with a pointer.
                Ty::Map(..) if self.f.maps && self.pure == 0 && self.printable(&v.ty) => {
                    cands.push((v.name.clone(), v.ty.clone(), true))
                }
                _ => {}
            }
        }
        if cands.is_empty() {
            return self.for_stmt();
        }
        let (name, el, is_map) = self.r.pick(&cands).clone();
        if is_map {
            // Iteration order is random: collect, sort, print.
            let ks = self.fresh("ks");
            self.line(&format!("var {ks} []string"));
            let (k, v) = (self.fresh("k"), self.fresh("e"));
            self.line(&format!("for {k}, {v} := range {name} {{"));
            self.line(&format!(
                "\t{ks} = append({ks}, fmt.Sprint({k}, \":\", {v}))"
            ));
            self.line("}");
            self.line(&format!("sort.Strings({ks})"));
            {
                let l = format!("fmt.Println(\"{}\", len({ks}), {ks})", self.fresh("m"));
                self.line(&l);
            }
            return;
        }
        let (k, v) = (self.fresh("k"), self.fresh("e"));
        // A slice or array ranged over through a generic iterator (a
        // string's runes are not its elements).
        let src = if self.f.generics && self.r.chance(25) {
            match self
                .resolve(
                    &self
                        .scopes
                        .iter()
                        .flatten()
                        .find(|x| x.name == name)
                        .map(|x| x.ty.clone())
                        .unwrap_or(Ty::Bool),
                )
                .clone()
            {
                Ty::Slice(_) => format!("gAll({name})"),
                Ty::Array(..) => format!("gAll({name}[:])"),
                _ => name.clone(),
            }
        } else {
            name.clone()
        };
        self.open(&format!("for {k}, {v} := range {src} {{"));
        self.line(&format!("_, _ = {k}, {v}"));
        self.declare(&k, Ty::Int(IntK::I), true);
        self.declare(&v, el, true);
        self.loop_depth += 1;
        let n = self.r.range(1, 3) as usize;
        self.block(n);
        self.loop_depth -= 1;
        self.close("}");
    }

    fn switch_stmt(&mut self) {
        if self.r.chance(40) {
            self.line("switch {");
            for _ in 0..self.r.range(1, 3) {
                let Some(c) = self.nonconst(&Ty::Bool, 2) else {
                    continue;
                };
                self.open(&format!("case {}:", c.s));
                self.block(1);
                self.close_case();
            }
            self.open("default:");
            self.block(1);
            self.close_case();
            self.line("}");
            return;
        }
        let t = self.int_ty();
        let Some(x) = self.nonconst(&t, 2) else {
            return self.print_stmt();
        };
        self.line(&format!("switch {} {{", x.s));
        let mut used = BTreeSet::new();
        let n = self.r.range(1, 3);
        let has_default = self.r.chance(60);
        for _ in 0..n {
            let mut vals = Vec::new();
            for _ in 0..self.r.range(1, 2) {
                let v = self.int_lit(match t {
                    Ty::Int(k) => k,
                    _ => IntK::I,
                });
                if used.insert(v) {
                    vals.push(self.literal_of(&t, v).s);
                }
            }
            if vals.is_empty() {
                continue;
            }
            self.open(&format!("case {}:", vals.join(", ")));
            self.block(1);
            if has_default && self.r.chance(15) {
                self.line("fallthrough");
            }
            self.close_case();
        }
        if has_default {
            self.open("default:");
            self.block(1);
            self.close_case();
        }
        self.line("}");
    }

    fn close_case(&mut self) {
        self.scopes.pop();
        self.indent -= 1;
    }

    fn closure_stmt(&mut self) {
        // A closure capturing a local variable, mutating it, called a few
        // times; sometimes a closure returned by a closure (a counter).
        let ints: Vec<Var> = self
            .all_vars()
            .into_iter()
            .filter(|v| v.assign && matches!(self.resolve(&v.ty), Ty::Int(_) | Ty::Str))
            .collect();
        let rt = self.basic_ty();
        let pt = self.basic_ty();
        let f = self.fresh("fn");
        if self.r.chance(30) {
            // counter factory
            let c = self.fresh("c");
            self.line(&format!("{f} := func() func() int {{"));
            {
                let l = format!("\t{c} := {}", self.r.range(-5, 5));
                self.line(&l);
            }
            {
                let l = format!(
                    "\treturn func() int {{ {c} += {}; return {c} }}",
                    self.r.range(1, 3)
                );
                self.line(&l);
            }
            self.line("}()");
            let p = self.fresh("cl");
            self.line(&format!("fmt.Println(\"{p}\", {f}(), {f}(), {f}())"));
            return;
        }
        let a = self.fresh("a");
        self.open(&format!(
            "{f} := func({a} {}) {} {{",
            self.go(&pt),
            self.go(&rt)
        ));
        self.declare(&a, pt.clone(), true);
        if !ints.is_empty() {
            let v = self.r.pick(&ints).clone();
            let x = self.expr(&v.ty, 2);
            if matches!(self.resolve(&v.ty), Ty::Str) {
                self.line(&format!("{} += {}", v.name, x.s));
            } else {
                self.line(&format!("{} ^= {}", v.name, x.s));
            }
        }
        let saved = self.loop_depth;
        self.loop_depth = 0;
        self.nocall += 1;
        let k = self.r.range(0, 2) as usize;
        self.block(k);
        self.nocall -= 1;
        self.loop_depth = saved;
        let x = self.expr(&rt, 2);
        self.ret(&rt, &x.s);
        self.close("}");
        let calls = self.r.range(1, 3);
        for _ in 0..calls {
            let a = self.expr(&pt, 2);
            if self.printable(&rt) {
                let p = self.fresh("cl");
                self.line(&format!("fmt.Println(\"{p}\", {f}({}))", a.s));
            } else {
                self.line(&format!("_ = {f}({})", a.s));
            }
        }
    }

    fn call_stmt(&mut self) {
        if self.callable == 0 {
            return self.print_stmt();
        }
        let fi = self.r.below(self.callable);
        let ps = self.funcs[fi].params.clone();
        let r = self.funcs[fi].result.clone();
        let name = self.funcs[fi].name.clone();
        let args: Vec<String> = ps.iter().map(|t| self.expr(t, 2).s).collect();
        let call = format!("{name}({})", args.join(", "));
        if self.r.chance(30) {
            self.line(&call);
        } else {
            self.local(r, &call);
        }
    }

    fn method_call_stmt(&mut self) {
        // A method called on a variable of a named type (pointer methods
        // need an addressable receiver) or through an interface.
        let mut cands = Vec::new();
        for v in self.all_vars() {
            match &v.ty {
                Ty::Named(i) => {
                    for &(m, _) in &self.named[*i].methods {
                        cands.push((v.name.clone(), m, false));
                    }
                }
                Ty::Ptr(inner) => {
                    if let Ty::Named(i) = **inner {
                        for &(m, _) in &self.named[i].methods {
                            cands.push((v.name.clone(), m, false));
                        }
                    }
                }
                Ty::Iface(i) => {
                    for &m in &self.ifaces[*i].methods {
                        cands.push((v.name.clone(), m, true));
                    }
                }
                _ => {}
            }
        }
        if cands.is_empty() {
            return self.print_stmt();
        }
        let (recv, m, _) = self.r.pick(&cands).clone();
        let ps: Vec<Ty> = self.pool[m].params.clone();
        let r = self.pool[m].result.clone();
        let args: Vec<String> = ps.iter().map(|t| self.expr(t, 2).s).collect();
        let call = if self.r.chance(20) {
            // A method value, bound now, called later; sometimes
            // converted to its own function type, `func(int) string(x.m)`.
            let ft = Ty::Func(ps.clone(), Box::new(r.clone()));
            let mut rhs = format!("{recv}.{}", self.pool[m].name);
            if self.f.unparen_conv && self.r.chance(30) {
                rhs = format!("{}({rhs})", self.conv_name(&ft));
            }
            let mv = self.local(ft, &rhs);
            format!("{mv}({})", args.join(", "))
        } else {
            format!("{recv}.{}({})", self.pool[m].name, args.join(", "))
        };
        let p = self.fresh("mc");
        self.line(&format!("fmt.Println(\"{p}\", {call})"));
    }

    fn type_switch_stmt(&mut self) {
        // On an `any` holding a printable value, or an interface value.
        let use_iface = !self.ifaces.is_empty() && self.r.chance(50);
        let (x, cases, xt): (String, Vec<Ty>, Ty) = if use_iface {
            let i = self.r.below(self.ifaces.len());
            let v = self.iface_value(i, 2).s;
            let mut cs = self.implementers(i);
            cs.truncate(4);
            (v, cs, Ty::Iface(i))
        } else {
            let t = self.printable_ty(1);
            let v = self.expr(&t, 2).s;
            let mut cs = vec![t];
            for _ in 0..3 {
                cs.push(self.printable_ty(1));
            }
            (format!("any({v})"), cs, Ty::Any)
        };
        if cases.is_empty() {
            return self.print_stmt();
        }
        let a = self.local(xt, &x);
        if self.r.chance(30) {
            // comma-ok assertion
            let t = self.r.pick(&cases).clone();
            let (v, ok) = (self.fresh("ta"), self.fresh("ok"));
            {
                let l = format!("{v}, {ok} := {a}.({})", self.go(&t));
                self.line(&l);
            }
            self.line(&format!("_ = {v}"));
            let shown = if self.printable(&t) {
                v.clone()
            } else {
                "\"<ptr>\"".into()
            };
            let p = self.fresh("as");
            self.line(&format!("fmt.Println(\"{p}\", {shown}, {ok})"));
            return;
        }
        let v = self.fresh("ts");
        self.line(&format!("switch {v} := {a}.(type) {{"));
        let mut seen = BTreeSet::new();
        let p = self.fresh("sw");
        for (ci, t) in cases.iter().enumerate() {
            let tn = self.go(t);
            if !seen.insert(tn.clone()) {
                continue;
            }
            self.line(&format!("case {tn}:"));
            if self.printable(t) {
                self.line(&format!("\tfmt.Println(\"{p}\", {ci}, {v})"));
            } else if let (Ty::Ptr(inner), 0) = (t, self.nocall) {
                if let Ty::Named(ni) = **inner {
                    if let Some(&(m, _)) = self.named[ni].methods.first() {
                        if self.pool[m].params.is_empty() {
                            {
                                let l = format!(
                                    "\tfmt.Println(\"{p}\", {ci}, {v}.{}())",
                                    self.pool[m].name
                                );
                                self.line(&l);
                            }
                            continue;
                        }
                    }
                }
                self.line(&format!("\tfmt.Println(\"{p}\", {ci}, {v} != nil)"));
            } else {
                self.line(&format!("\t_ = {v}"));
                self.line(&format!("\tfmt.Println(\"{p}\", {ci})"));
            }
        }
        if self.r.chance(50) {
            self.line("case nil:");
            self.line(&format!("\tfmt.Println(\"{p}\", \"nil\")"));
        }
        self.line("default:");
        self.line(&format!("\t_ = {v}"));
        self.line(&format!("\tfmt.Println(\"{p}\", \"default\")"));
        self.line("}");
    }

    fn defer_stmt(&mut self) {
        let p = self.fresh("d");
        match self.r.below(4) {
            0 => {
                let t = self.printable_ty(1);
                let x = self.expr(&t, 2);
                self.line(&format!("defer fmt.Println(\"{p}\", {})", x.s));
            }
            1 => {
                // A deferred closure that sees the variable's final value.
                let vs: Vec<Var> = self
                    .all_vars()
                    .into_iter()
                    .filter(|v| self.printable(&v.ty))
                    .filter(|v| self.f.defer_reads_result || v.name != "rv0")
                    .collect();
                if vs.is_empty() {
                    self.line(&format!("defer fmt.Println(\"{p}\")"));
                } else {
                    let v = self.r.pick(&vs).name.clone();
                    self.line(&format!("defer func() {{ fmt.Println(\"{p}\", {v}) }}()"));
                }
            }
            2 => {
                // recover() is nil outside a panic... and inside one, this
                // deferred call stops it.
                self.line(&format!(
                    "defer func() {{ fmt.Println(\"{p}\", recover()) }}()"
                ));
            }
            _ => {
                self.line("for j := 0; j < 3; j++ {");
                self.line(&format!("\tdefer fmt.Println(\"{p}\", j)"));
                self.line("}");
            }
        }
    }

    /// A statement that makes a runtime panic (or panics with a value).
    fn panic_stmt(&mut self, certain: bool) {
        let gate = if certain {
            None
        } else {
            // Only sometimes, so the rest of the body runs too.
            let it = Ty::Int(IntK::I);
            let x = self.expr(&it, 1).s;
            Some(format!("if idx({x}, 3) == 0 {{"))
        };
        if let Some(g) = &gate {
            self.open(g);
        } else {
            self.open("{");
        }
        let kinds = if self.f.neg_index { 11 } else { 10 };
        match self.r.below(kinds) {
            0 => {
                let s = self.fresh("s");
                self.line(&format!("{s} := []int{{1, 2, 3}}"));
                let k = self.fresh("k");
                {
                    let l = format!("{k} := len({s}) + {}", self.r.range(0, 3));
                    self.line(&l);
                }
                self.line(&format!("{s}[{k}] = 0"));
            }
            1 => {
                let m = self.fresh("m");
                self.line(&format!("var {m} map[string]int"));
                self.line(&format!("{m}[\"k\"]++"));
            }
            2 => {
                let z = self.fresh("z");
                let t = self.int_ty();
                {
                    let l = format!("var {z} {}", self.go(&t));
                    self.line(&l);
                }
                {
                    let l = format!("fmt.Println({} / {z})", self.literal(&t, 0).s);
                    self.line(&l);
                }
            }
            3 => {
                let p = self.fresh("np");
                self.line(&format!("var {p} *struct{{ a, b int }}"));
                self.line(&format!("fmt.Println({p}.b)"));
            }
            4 => {
                let a = self.fresh("a");
                {
                    let l = format!("var {a} any = {}", self.str_lit());
                    self.line(&l);
                }
                self.line(&format!("fmt.Println({a}.(int))"));
            }
            5 => {
                let s = self.fresh("s");
                self.line(&format!("{s} := \"abc\""));
                let k = self.fresh("k");
                {
                    let l = format!("{k} := {}", self.r.range(4, 6));
                    self.line(&l);
                }
                self.line(&format!("fmt.Println({s}[1:{k}])"));
            }
            6 => {
                let l = format!("panic(fmt.Sprintf(\"boom %d\", {}))", self.r.range(0, 99));
                self.line(&l);
            }
            7 => {
                let l = format!("panic(errors.New(\"err{}\"))", self.r.range(0, 99));
                self.line(&l);
            }
            8 => {
                let c = self.fresh("ch");
                self.line(&format!("{c} := make(chan int, 1)"));
                self.line(&format!("close({c})"));
                self.line(&format!("close({c})"));
            }
            9 => {
                let n = self.fresh("n");
                {
                    let l = format!("{n} := {}", self.r.range(-5, -1));
                    self.line(&l);
                }
                self.line(&format!("_ = make([]int, {n})"));
            }
            _ => {
                let s = self.fresh("s");
                self.line(&format!("{s} := []int{{1, 2, 3}}"));
                let k = self.fresh("k");
                {
                    let l = format!("{k} := {}", self.r.range(-3, -1));
                    self.line(&l);
                }
                self.line(&format!("{s}[{k}%len({s})] = 0"));
            }
        }
        self.close("}");
    }

    fn map_ops_stmt(&mut self) {
        let maps: Vec<Var> = self
            .all_vars()
            .into_iter()
            .filter(|v| matches!(self.resolve(&v.ty), Ty::Map(..)) && v.assign)
            .collect();
        if maps.is_empty() {
            return self.print_stmt();
        }
        let m = self.r.pick(&maps).clone();
        let Ty::Map(kt, vt) = self.resolve(&m.ty).clone() else {
            return;
        };
        let k = self.expr(&kt, 1).s;
        match self.r.below(4) {
            0 => {
                let x = self.expr(&vt, 2).s;
                self.line(&format!("{}[{k}] = {x}", m.name));
            }
            1 => self.line(&format!("delete({}, {k})", m.name)),
            2 => {
                let (v, ok) = (self.fresh("mv"), self.fresh("ok"));
                self.line(&format!("{v}, {ok} := {}[{k}]", m.name));
                self.line(&format!("_ = {v}"));
                let p = self.fresh("mk");
                self.line(&format!("fmt.Println(\"{p}\", {ok}, len({}))", m.name));
            }
            _ => {
                if self.printable(&m.ty) {
                    let p = self.fresh("mp");
                    self.line(&format!("fmt.Println(\"{p}\", {})", m.name));
                } else {
                    self.line(&format!("clear({})", m.name));
                }
            }
        }
    }

    /// Goroutine patterns whose output is deterministic.
    fn goroutine_stmt(&mut self) {
        let n = self.r.range(1, 6);
        let p = self.fresh("g");
        let t = Ty::Int(*self.r.pick(&INTS));
        let tn = self.go(&t);
        self.open("{");
        match self.r.below(6) {
            0 => {
                // WaitGroup, one slot each.
                self.line("var wg sync.WaitGroup");
                self.line(&format!("res := make([]{tn}, {n})"));
                self.open(&format!("for i := 0; i < {n}; i++ {{"));
                self.line("wg.Add(1)");
                self.open("go func(i int) {");
                self.line("defer wg.Done()");
                self.declare("i", Ty::Int(IntK::I), false);
                self.pure += 1;
                let x = self.expr(&t, 3).s;
                self.pure -= 1;
                self.line(&format!("res[i] = {x} + {tn}(i)"));
                self.close("}(i)");
                self.close("}");
                self.line("wg.Wait()");
                self.line(&format!("fmt.Println(\"{p}\", res)"));
            }
            1 => {
                // Results through a channel, folded by a sum.
                let buf = if self.r.chance(50) {
                    0
                } else {
                    self.r.range(1, 4)
                };
                self.line(&format!("ch := make(chan {tn}, {buf})"));
                self.open(&format!("for i := 0; i < {n}; i++ {{"));
                self.open("go func(i int) {");
                self.declare("i", Ty::Int(IntK::I), false);
                self.pure += 1;
                let x = self.expr(&t, 3).s;
                self.pure -= 1;
                self.line(&format!("ch <- {x} * {tn}(i+1)"));
                self.close("}(i)");
                self.close("}");
                self.line(&format!("var sum {tn}"));
                self.line(&format!("for i := 0; i < {n}; i++ {{ sum += <-ch }}"));
                self.line(&format!("fmt.Println(\"{p}\", sum)"));
            }
            2 => {
                // A pipeline: order is kept.
                self.line(&format!("src := make(chan {tn})"));
                {
                    let l = format!("dst := make(chan string, {})", self.r.range(0, 2));
                    self.line(&l);
                }
                self.open("go func() {");
                self.line(&format!(
                    "for i := 0; i < {n}; i++ {{ src <- {tn}(i * 7) }}"
                ));
                self.line("close(src)");
                self.close("}()");
                self.open("go func() {");
                self.open("for v := range src {");
                self.declare("v", t.clone(), false);
                self.pure += 1;
                let x = self.expr(&t, 2).s;
                self.pure -= 1;
                self.line(&format!("dst <- fmt.Sprint(v, \"/\", {x})"));
                self.close("}");
                self.line("close(dst)");
                self.close("}()");
                self.line(&format!("for s := range dst {{ fmt.Println(\"{p}\", s) }}"));
            }
            3 if self.f.select => {
                // Two producers and select until both are closed.
                self.line("a := make(chan int)");
                {
                    let l = format!("b := make(chan string, {})", self.r.range(0, 3));
                    self.line(&l);
                }
                self.line(&format!(
                    "go func() {{ for i := 0; i < {n}; i++ {{ a <- i }}; close(a) }}()"
                ));
                let s = self.str_lit();
                self.line(&format!(
                    "go func() {{ for i := 0; i < {}; i++ {{ b <- {s} }}; close(b) }}()",
                    n + 1
                ));
                self.line("sum, cnt := 0, 0");
                self.open("for a != nil || b != nil {");
                self.line("select {");
                self.line("case v, ok := <-a:");
                self.line("\tif !ok { a = nil; continue }");
                self.line("\tsum += v");
                self.line("case s, ok := <-b:");
                self.line("\tif !ok { b = nil; continue }");
                self.line("\tcnt += len(s) + 1");
                self.line("}");
                self.close("}");
                self.line(&format!("fmt.Println(\"{p}\", sum, cnt)"));
                // A select with nothing ready takes default.
                self.line("c := make(chan int, 1)");
                self.line("select {");
                self.line("case x := <-c:");
                self.line(&format!("\tfmt.Println(\"{p}\", \"got\", x)"));
                self.line("default:");
                self.line(&format!("\tfmt.Println(\"{p}\", \"empty\")"));
                self.line("}");
                self.line("c <- 5");
                self.line("select {");
                self.line("case x := <-c:");
                self.line(&format!("\tfmt.Println(\"{p}\", \"got\", x)"));
                self.line("default:");
                self.line(&format!("\tfmt.Println(\"{p}\", \"empty\")"));
                self.line("}");
            }
            4 => {
                // A mutex-protected counter.
                self.line("var mu sync.Mutex");
                self.line("var wg sync.WaitGroup");
                self.line(&format!("total := {tn}(0)"));
                self.open(&format!("for i := 0; i < {n}; i++ {{"));
                self.line("wg.Add(1)");
                self.open("go func(i int) {");
                self.line("defer wg.Done()");
                self.declare("i", Ty::Int(IntK::I), false);
                self.pure += 1;
                let x = self.expr(&t, 2).s;
                self.pure -= 1;
                self.line(&format!("d := {x}"));
                self.line("for j := 0; j < 10; j++ {");
                self.line("\tmu.Lock()");
                self.line(&format!("\ttotal += d + {tn}(j)"));
                self.line("\tmu.Unlock()");
                self.line("}");
                self.close("}(i)");
                self.close("}");
                self.line("wg.Wait()");
                self.line(&format!("fmt.Println(\"{p}\", total)"));
            }
            _ => {
                // A goroutine that panics and recovers, reporting back;
                // or ping-pong over unbuffered channels.
                if self.f.runtime_panics && self.r.chance(50) {
                    self.line("done := make(chan string)");
                    self.open("go func() {");
                    self.line("defer func() { done <- fmt.Sprint(\"recovered: \", recover()) }()");
                    self.panic_stmt(true);
                    self.line("done <- \"no panic\"");
                    self.close("}()");
                    self.line(&format!("fmt.Println(\"{p}\", <-done)"));
                } else {
                    self.line("ping, pong := make(chan int), make(chan int)");
                    self.line("go func() { for v := range ping { pong <- v * 2 }; close(pong) }()");
                    self.open(&format!("for i := 0; i < {n}; i++ {{"));
                    self.line("ping <- i");
                    self.line(&format!("fmt.Println(\"{p}\", <-pong)"));
                    self.close("}");
                    self.line("close(ping)");
                    self.line("_, ok := <-pong");
                    self.line(&format!("fmt.Println(\"{p}\", ok)"));
                }
            }
        }
        self.close("}");
    }

    // ---- declarations ----

    fn program(&mut self) -> String {
        self.pool = vec![
            MSig {
                name: "M0",
                params: vec![],
                result: Ty::Int(IntK::I),
            },
            MSig {
                name: "M1",
                params: vec![Ty::Int(IntK::I)],
                result: Ty::Str,
            },
            MSig {
                name: "M2",
                params: vec![Ty::Str],
                result: Ty::Int(IntK::I64),
            },
            MSig {
                name: "M3",
                params: vec![],
                result: Ty::Bool,
            },
            MSig {
                name: "M4",
                params: vec![Ty::Int(IntK::U8), Ty::Bool],
                result: Ty::Int(IntK::I32),
            },
        ];
        let mut decls = String::new();

        // Named types, each over earlier ones.
        let ntypes = self.r.range(1, 6);
        for i in 0..ntypes {
            let under = match self.r.below(6) {
                0..=2 => self.struct_ty(2),
                3 => Ty::Array(self.r.range(1, 4) as usize, Box::new(self.rand_ty(2))),
                4 => self.basic_ty(),
                _ => Ty::Slice(Box::new(self.rand_ty(2))),
            };
            let under = match under {
                // `type T U` over a named U: take U's underlying type.
                Ty::Named(j) => self.named[j].under.clone(),
                u => u,
            };
            let mut methods = Vec::new();
            if self.f.methods {
                for m in 0..self.pool.len() {
                    if self.r.chance(40) {
                        methods.push((m, self.r.chance(40)));
                    }
                }
            }
            let stringer = self.f.stringer
                && matches!(under, Ty::Struct(ref fs) if !fs.is_empty())
                && self.r.chance(25);
            self.named.push(Named {
                name: format!("T{i}"),
                under,
                methods,
                stringer,
                inst: None,
            });
        }
        for i in 0..self.named.len() {
            let _ = writeln!(
                decls,
                "type {} {}\n",
                self.named[i].name,
                self.go(&self.named[i].under)
            );
        }

        // Interfaces from subsets of some type's method set.
        if self.f.ifaces {
            for i in 0..self.r.range(0, 3) {
                let owners: Vec<usize> = (0..self.named.len())
                    .filter(|&j| !self.named[j].methods.is_empty())
                    .collect();
                if owners.is_empty() {
                    break;
                }
                let o = *self.r.pick(&owners);
                let mut ms: Vec<usize> = self.named[o]
                    .methods
                    .iter()
                    .map(|m| m.0)
                    .filter(|_| self.r.chance(60))
                    .collect();
                if ms.is_empty() {
                    ms.push(self.named[o].methods[0].0);
                }
                let name = format!("I{i}");
                let body: Vec<String> = ms.iter().map(|&m| self.sig(m)).collect();
                let _ = writeln!(
                    decls,
                    "type {name} interface {{\n\t{}\n}}\n",
                    body.join("\n\t")
                );
                self.ifaces.push(Iface { name, methods: ms });
            }
        }

        self.generic_decls(&mut decls);

        // Globals.
        self.scopes.push(Vec::new());
        let mut globals = String::new();
        for _ in 0..self.r.range(0, 3) {
            let t = self.rand_ty(2);
            let n = self.fresh("g");
            let x = self.literal(&t, 2);
            let _ = writeln!(globals, "var {n} = {}", x.s);
            self.declare(&n, t, true);
        }

        // Methods.
        let mut methods = String::new();
        for ti in 0..self.named.len() {
            // An instance's methods are its generic type's.
            if self.named[ti].inst.is_some() {
                continue;
            }
            for mi in 0..self.named[ti].methods.len() {
                let (m, ptr) = self.named[ti].methods[mi];
                self.out.clear();
                self.method(ti, m, ptr);
                methods.push_str(&self.out);
            }
            if self.named[ti].stringer {
                let Ty::Struct(fs) = self.named[ti].under.clone() else {
                    unreachable!()
                };
                let f = &fs[self.r.below(fs.len())].0;
                let _ = writeln!(
                    methods,
                    "func (r {}) String() string {{ return fmt.Sprint(\"<\", r.{f}, \">\") }}\n",
                    self.named[ti].name
                );
            }
        }

        // Functions.
        let mut funcs = String::new();
        let nf = self.r.range(2, 7) as usize;
        for fi in 0..nf {
            let np = self.r.range(0, 3);
            let params: Vec<Ty> = (0..np).map(|_| self.rand_ty(2)).collect();
            let result = self.rand_ty(2);
            let name = format!("f{fi}");
            self.funcs.push(Func {
                name,
                params,
                result,
            });
            self.out.clear();
            self.callable = fi;
            self.function(fi);
            funcs.push_str(&self.out);
        }

        // main
        self.out.clear();
        self.callable = nf;
        self.main_body();
        let main = std::mem::take(&mut self.out);

        let mut src = String::from("package main\n\n");
        src.push_str(&decls);
        src.push_str(&globals);
        src.push_str("\nvar _ = fmt.Sprint\n\n");
        src.push_str(
            "func fi(f float64) int {\n\tif f != f || f > 1e9 || f < -1e9 {\n\t\treturn -1\n\t}\n\treturn int(f)\n}\n\n",
        );
        src.push_str(
            "func idx(i int, n int) int {\n\tif n <= 0 {\n\t\treturn 0\n\t}\n\ti %= n\n\tif i < 0 {\n\t\ti += n\n\t}\n\treturn i\n}\n\n",
        );
        if self.f.generics {
            src.push_str(GENERICS);
        }
        src.push_str(&methods);
        src.push_str(&funcs);
        src.push_str(&main);
        fix_imports(&src)
    }

    fn sig(&self, m: usize) -> String {
        let ps: Vec<String> = self.pool[m]
            .params
            .iter()
            .enumerate()
            .map(|(i, t)| format!("x{i} {}", self.go(t)))
            .collect();
        format!(
            "{}({}) {}",
            self.pool[m].name,
            ps.join(", "),
            self.go(&self.pool[m].result)
        )
    }

    fn method(&mut self, ti: usize, m: usize, ptr: bool) {
        let tn = self.named[ti].name.clone();
        let recv = if ptr { format!("*{tn}") } else { tn.clone() };
        let head = format!("func (r {recv}) {} {{", self.sig(m));
        self.open(&head);
        let rt = if ptr {
            Ty::Ptr(Box::new(Ty::Named(ti)))
        } else {
            Ty::Named(ti)
        };
        self.declare("r", rt, false);
        for (i, t) in self.pool[m].params.clone().iter().enumerate() {
            self.declare(&format!("x{i}"), t.clone(), true);
        }
        // Method bodies make no calls: they run inside expressions of
        // fmt (String) and in method values.
        self.nocall += 1;
        self.budget = 4;
        let n = self.r.range(0, 3) as usize;
        self.block(n);
        self.nocall -= 1;
        let r = self.pool[m].result.clone();
        let x = self.expr(&r, 3);
        self.ret(&r, &x.s);
        self.close("}");
        self.line("");
    }

    fn function(&mut self, fi: usize) {
        let f = &self.funcs[fi];
        let params: Vec<String> = f
            .params
            .iter()
            .enumerate()
            .map(|(i, t)| format!("p{i} {}", self.go(t)))
            .collect();
        let (name, result, ptys) = (f.name.clone(), f.result.clone(), f.params.clone());
        self.cur_result = Some(result.clone());
        let named_result = self.f.defers && self.defer_ok() && self.r.chance(25);
        let head = if named_result {
            format!(
                "func {name}({}) (rv0 {}) {{",
                params.join(", "),
                self.go(&result)
            )
        } else {
            format!("func {name}({}) {} {{", params.join(", "), self.go(&result))
        };
        self.open(&head);
        for (i, t) in ptys.iter().enumerate() {
            self.declare(&format!("p{i}"), t.clone(), true);
        }
        if named_result {
            self.declare("rv0", result.clone(), true);
            // A deferred recover that sets the result.
            let x = self.literal(&result, 1).s;
            self.line("defer func() {");
            self.line("\tif e := recover(); e != nil {");
            self.line(&format!("\t\tfmt.Println(\"{name} recovered:\", e)"));
            self.line(&format!("\t\trv0 = {x}"));
            self.line("\t}");
            self.line("}()");
        }
        // A few locals of assorted types so that expressions have leaves.
        for _ in 0..self.r.range(1, 3) {
            let t = self.rand_ty(1);
            let x = self.literal(&t, 2).s;
            self.local(t, &x);
        }
        self.budget = self.r.range(6, 30);
        let n = self.r.range(3, 10) as usize;
        self.block(n);
        let x = self.expr(&result, 3);
        self.ret(&result, &x.s);
        self.close("}");
        self.line("");
    }

    /// `return x` through a local: gc builds a composite literal in place
    /// in an unnamed result, so a panic half-way through it, recovered by
    /// a deferred call, returns the fields set so far, where the spec (and
    /// gol) returns the results as they were before the statement. Built
    /// in a local first, the literal is out of sight when it panics.
    fn ret(&mut self, t: &Ty, x: &str) {
        let tn = self.go(t);
        self.line(&format!("{{ var rt_ {tn} = {x}; return rt_ }}"));
    }

    fn main_body(&mut self) {
        self.cur_result = None;
        self.open("func main() {");
        let nf = self.funcs.len();
        let unprotected_last = self.f.bad_endings && self.r.chance(15);
        for fi in 0..nf {
            let f = &self.funcs[fi];
            let (name, ps, r) = (f.name.clone(), f.params.clone(), f.result.clone());
            let args: Vec<String> = ps.iter().map(|t| self.literal(t, 2).s).collect();
            let call = format!("{name}({})", args.join(", "));
            let shown = if self.printable(&r) {
                call.clone()
            } else {
                format!("func() bool {{ _ = {call}; return true }}()")
            };
            if unprotected_last && fi + 1 == nf {
                self.line(&format!("fmt.Println(\"{name}:\", {shown})"));
            } else {
                self.line("func() {");
                self.line("\tdefer func() {");
                self.line("\t\tif e := recover(); e != nil {");
                self.line(&format!("\t\t\tfmt.Println(\"{name} panicked:\", e)"));
                self.line("\t\t}");
                self.line("\t}()");
                self.line(&format!("\tfmt.Println(\"{name}:\", {shown})"));
                self.line("}()");
            }
        }
        if self.f.bad_endings && !unprotected_last && self.r.chance(12) {
            match self.r.below(4) {
                0 => self.panic_stmt(true),
                1 => {
                    self.line("dl := make(chan int)");
                    self.line("fmt.Println(\"never\", <-dl)");
                }
                2 => {
                    let l = format!("os.Exit({})", self.r.range(1, 5));
                    self.line(&l);
                }
                _ if self.f.goroutine_panic && self.f.goroutines => {
                    self.line("var wg sync.WaitGroup");
                    self.line("wg.Add(1)");
                    self.open("go func() {");
                    self.line("defer wg.Done()");
                    self.panic_stmt(true);
                    self.close("}()");
                    self.line("wg.Wait()");
                }
                _ => self.panic_stmt(true),
            }
        }
        self.close("}");
    }
}

fn paren(s: &str) -> String {
    format!("({s})")
}

/// The standard packages a program may use; imported when referenced.
const PKGS: [&str; 13] = [
    "cmp",
    "errors",
    "fmt",
    "iter",
    "maps",
    "math",
    "os",
    "slices",
    "sort",
    "strconv",
    "strings",
    "sync",
    "unicode/utf8",
];

/// Rewrites the import block of `src` from the packages it references
/// (so a program stays valid when statements are deleted from it).
/// The generic declarations a program with [`Features::generics`] starts
/// with: functions over type parameters with core types, method sets and
/// type sets, a generic type with value and pointer methods, and an
/// iterator function for range-over-func.
const GENERICS: &str = "type gInt interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

type gFloat interface{ ~float32 | ~float64 }

type gNum interface{ gInt | gFloat }

type gOrd interface{ gNum | ~string }

func gId[T any](x T) T { return x }

func gPick[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}

func gMax[T gOrd](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func gMin[T gOrd](a, b T) T {
	if b < a {
		return b
	}
	return a
}

func gSum[T gNum](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func gMul[T gNum](a, b T) T { return a * b }

func gShl[T gInt](a T, s uint8) T { return a << (s % 80) }

func gShr[T gInt](a T, s uint8) T { return a >> (s % 80) }

func gConvI[F, T gInt](x F) T { return T(x) }

func gConvF[F gNum, T gFloat](x F) T { return T(x) }

func gCat[T ~string](a, b T) T { return a + b }

func gEq[T comparable](a, b T) bool { return a == b }

type gBox[T any] struct {
	v T
	n int
}

func (b gBox[T]) get() T { return b.v }

func (b gBox[T]) with(v T) gBox[T] {
	b.set(v)
	return b
}

func (b *gBox[T]) set(v T) {
	b.v = v
	b.n++
}

func gAll[T any](xs []T) func(yield func(int, T) bool) {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

";

pub fn fix_imports(src: &str) -> String {
    let body_start = match src.find("\nimport (") {
        Some(i) => {
            let end = src[i..].find("\n)\n").map(|j| i + j + 3).unwrap_or(i);
            (i, end)
        }
        None => {
            let i = src.find('\n').map(|i| i + 1).unwrap_or(0);
            (i, i)
        }
    };
    let rest = &src[body_start.1..];
    let used: Vec<&str> = PKGS
        .iter()
        .copied()
        .filter(|p| references(rest, p.rsplit('/').next().unwrap_or(p)))
        .collect();
    let mut out = String::from(&src[..body_start.0]);
    if !used.is_empty() {
        out.push_str("\nimport (\n");
        for p in used {
            let _ = writeln!(out, "\t\"{p}\"");
        }
        out.push_str(")\n");
    }
    out.push_str(rest);
    out
}

fn references(src: &str, pkg: &str) -> bool {
    let pat = format!("{pkg}.");
    let b = src.as_bytes();
    let mut from = 0;
    while let Some(i) = src[from..].find(&pat) {
        let at = from + i;
        let before = if at == 0 { b' ' } else { b[at - 1] };
        if !(before.is_ascii_alphanumeric() || before == b'_' || before == b'.' || before == b'"') {
            return true;
        }
        from = at + 1;
    }
    false
}
