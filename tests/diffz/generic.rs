//! The random generic parts of a program: generic types and functions
//! declared by the generator (not a fixed prelude), loops over function
//! iterators, and calls into `slices`, `maps` and `cmp`.
//!
//! What keeps them well typed and deterministic:
//! - a type parameter's constraint ([`Cons`]) is `any`, `comparable`, a
//!   set of integer types (`~int | ~int64`), `~string`, or one of the
//!   program's interfaces; a type argument is drawn from the types that
//!   satisfy it ([`Gen::type_arg`]), printable ones when the generic code
//!   prints values of that parameter.
//! - an instance of a generic type (`GT0[int, T1]`) becomes a named type
//!   of the program (its underlying struct with the arguments put in), so
//!   the rest of the generator uses it like any other: literals, fields,
//!   comparisons, map keys, conversions, `%T`.
//! - bodies over values of type-parameter type use only what every type
//!   of the constraint allows: `==` for comparable ones, arithmetic with
//!   constants every type of an integer set holds (at most 100), `|1`
//!   divisors, conversions between integer sets; a generic function calls
//!   only earlier ones and only with arguments its constraints admit
//!   ([`implies`]), so nothing recurses.
//! - generic calls print, so they are statements, never operands.
//! - iterators run over a slice or a count; a loop over one is ranged in
//!   program order, and a loop over a map's keys goes through
//!   `slices.Sorted`. Sorting is `slices.Sort` on integers and strings
//!   (equal elements are indistinguishable) or a stable sort by a key.

use super::{Gen, IntK, Named, Ty};

/// A type parameter's constraint.
#[derive(Clone, Debug, PartialEq)]
pub enum Cons {
    Any,
    Comparable,
    /// `~k1 | ~k2 | ...` over integer types.
    Set(Vec<IntK>),
    /// `~string`.
    Str,
    /// One of the program's interfaces (by index).
    Methods(usize),
}

/// A type inside a generic declaration: a type parameter, an array of
/// one, or a concrete type.
#[derive(Clone, Debug)]
pub enum PTy {
    P(usize),
    Arr(usize),
    C(Ty),
}

pub struct GMeth {
    name: String,
    ptr: bool,
    params: Vec<PTy>,
    result: Option<PTy>,
}

pub struct GType {
    name: String,
    cons: Vec<Cons>,
    methods: Vec<GMeth>,
}

pub struct GFunc {
    name: String,
    cons: Vec<Cons>,
    /// The type parameter of each value parameter; the result is of the
    /// first type parameter.
    params: Vec<usize>,
    /// The body prints values of type-parameter type: the type arguments
    /// must be printable.
    prints: bool,
}

const SETS: &[&[IntK]] = &[
    &[IntK::I, IntK::I64],
    &[IntK::I8, IntK::I16, IntK::I32],
    &[IntK::U8, IntK::U, IntK::U32],
    &[IntK::I, IntK::U64, IntK::I16],
    &[IntK::I32],
];

/// Every type satisfying `from` satisfies `to`.
fn implies(from: &Cons, to: &Cons) -> bool {
    match (from, to) {
        (_, Cons::Any) => true,
        (Cons::Comparable | Cons::Set(_) | Cons::Str, Cons::Comparable) => true,
        (Cons::Set(a), Cons::Set(b)) => a.iter().all(|k| b.contains(k)),
        (Cons::Str, Cons::Str) => true,
        (Cons::Methods(a), Cons::Methods(b)) => a == b,
        _ => false,
    }
}

fn comparable_cons(c: &Cons) -> bool {
    matches!(c, Cons::Comparable | Cons::Set(_) | Cons::Str)
}

/// Bodies of the pool's methods on a generic type (receiver `r`).
const POOL_BODIES: [&str; 5] = [
    "return r.n + 1",
    "return fmt.Sprint(\"g\", r.n, x0)",
    "return int64(len(x0) + r.n)",
    "return r.n%2 == 0",
    "if x1 {\n\t\treturn int32(x0)\n\t}\n\treturn int32(r.n)",
];

impl Gen {
    pub(super) fn any_generic_feature(&self) -> bool {
        self.f.gen_types || self.f.gen_funcs || self.f.range_func || self.f.generic_pkgs
    }

    fn rand_cons(&mut self) -> Cons {
        let with_methods: Vec<usize> = (0..self.ifaces.len())
            .filter(|&i| !self.implementers(i).is_empty())
            .collect();
        match self.r.below(10) {
            0..=2 => Cons::Any,
            3 | 4 => Cons::Comparable,
            5..=7 => Cons::Set(self.r.pick(SETS).to_vec()),
            8 => Cons::Str,
            _ if !with_methods.is_empty() => Cons::Methods(*self.r.pick(&with_methods)),
            _ => Cons::Any,
        }
    }

    fn cons_go(&mut self, c: &Cons) -> String {
        match c {
            Cons::Any => "any".into(),
            Cons::Comparable => "comparable".into(),
            Cons::Set(ks) => {
                let s: Vec<String> = ks.iter().map(|k| format!("~{}", k.name())).collect();
                if self.r.chance(50) {
                    format!("interface{{ {} }}", s.join(" | "))
                } else {
                    s.join(" | ")
                }
            }
            Cons::Str => {
                if self.r.chance(50) {
                    "interface{ ~string }".into()
                } else {
                    "~string".into()
                }
            }
            Cons::Methods(i) => self.ifaces[*i].name.clone(),
        }
    }

    /// A type argument satisfying `c` (printable when `printable`).
    pub(super) fn type_arg(&mut self, c: &Cons, printable: bool) -> Option<Ty> {
        match c {
            Cons::Any | Cons::Comparable => {
                for _ in 0..8 {
                    let t = self.rand_ty(2);
                    if printable && !self.printable(&t) {
                        continue;
                    }
                    if *c == Cons::Comparable && !self.comparable(&t) {
                        continue;
                    }
                    return Some(t);
                }
                Some(self.basic_ty())
            }
            Cons::Set(ks) => {
                let mut cs: Vec<Ty> = ks.iter().map(|k| Ty::Int(*k)).collect();
                for (i, n) in self.named.iter().enumerate() {
                    if let Ty::Int(k) = n.under {
                        if ks.contains(&k) {
                            cs.push(Ty::Named(i));
                        }
                    }
                }
                Some(self.r.pick(&cs).clone())
            }
            Cons::Str => {
                let mut cs = vec![Ty::Str];
                for (i, n) in self.named.iter().enumerate() {
                    if n.under == Ty::Str {
                        cs.push(Ty::Named(i));
                    }
                }
                Some(self.r.pick(&cs).clone())
            }
            Cons::Methods(i) => {
                let imps: Vec<Ty> = self
                    .implementers(*i)
                    .into_iter()
                    .filter(|t| !printable || self.printable(t))
                    .collect();
                if imps.is_empty() {
                    None
                } else {
                    Some(self.r.pick(&imps).clone())
                }
            }
        }
    }

    fn pty_go(&self, p: &PTy, names: &[String]) -> String {
        match p {
            PTy::P(i) => names[*i].clone(),
            PTy::Arr(i) => format!("[2]{}", names[*i]),
            PTy::C(t) => self.go(t),
        }
    }

    fn subst(&self, p: &PTy, args: &[Ty]) -> Ty {
        match p {
            PTy::P(i) => args[*i].clone(),
            PTy::Arr(i) => Ty::Array(2, Box::new(args[*i].clone())),
            PTy::C(t) => t.clone(),
        }
    }

    /// Arguments of method `m` of the pool, as constants.
    fn pool_args(&mut self, m: usize) -> String {
        let ps = self.pool[m].params.clone();
        let a: Vec<String> = ps.iter().map(|t| self.literal(t, 0).s).collect();
        a.join(", ")
    }

    // ---- declarations ----

    /// Generic types (with their methods and instances) and generic
    /// functions, written to `decls`. Instances join `self.named`.
    pub(super) fn generic_decls(&mut self, decls: &mut String) {
        if self.f.gen_types {
            for _ in 0..self.r.range(1, 3) {
                self.gen_type(decls);
            }
        }
        if self.f.gen_funcs {
            for _ in 0..self.r.range(1, 4) {
                self.gen_func(decls);
            }
        }
    }

    fn gen_type(&mut self, decls: &mut String) {
        let gi = self.gtypes.len();
        let name = format!("GT{gi}");
        let np = 1 + self.r.below(2);
        let cons: Vec<Cons> = (0..np).map(|_| self.rand_cons()).collect();
        let mut fields = vec![("a".to_string(), PTy::P(0))];
        if np == 2 {
            fields.push(("b".into(), PTy::P(1)));
        }
        if self.r.chance(30) {
            let i = self.r.below(np);
            fields.push(("s".into(), PTy::Arr(i)));
        }
        fields.push(("n".into(), PTy::C(Ty::Int(IntK::I))));
        let pnames: Vec<String> = (0..np).map(|i| format!("P{i}")).collect();
        let tparams: Vec<String> = (0..np)
            .map(|i| format!("{} {}", pnames[i], self.cons_go(&cons[i].clone())))
            .collect();
        let fs: Vec<String> = fields
            .iter()
            .map(|(f, t)| format!("\t{f} {}", self.pty_go(t, &pnames)))
            .collect();
        decls.push_str(&format!(
            "type {name}[{}] struct {{\n{}\n}}\n\n",
            tparams.join(", "),
            fs.join("\n")
        ));

        // Methods: the receiver's type parameters take other names
        // sometimes.
        let rn: Vec<String> = if self.r.chance(50) {
            pnames.clone()
        } else {
            (0..np).map(|i| format!("X{i}")).collect()
        };
        let recv = format!("{name}[{}]", rn.join(", "));
        let mut methods = Vec::new();
        let mut text = String::new();
        let mut add = |text: &mut String, m: GMeth, body: &str, names: &[String], g: &Gen| {
            let ps: Vec<String> = m
                .params
                .iter()
                .enumerate()
                .map(|(i, p)| format!("v{i} {}", g.pty_go(p, names)))
                .collect();
            let res = m
                .result
                .as_ref()
                .map(|r| format!(" {}", g.pty_go(r, names)))
                .unwrap_or_default();
            let star = if m.ptr { "*" } else { "" };
            text.push_str(&format!(
                "func (r {star}{recv}) {}({}){res} {{\n\t{body}\n}}\n\n",
                m.name,
                ps.join(", ")
            ));
            methods.push(m);
        };
        let g = &*self;
        add(
            &mut text,
            GMeth {
                name: "Get".into(),
                ptr: false,
                params: vec![],
                result: Some(PTy::P(0)),
            },
            "return r.a",
            &rn,
            g,
        );
        add(
            &mut text,
            GMeth {
                name: "Set".into(),
                ptr: true,
                params: vec![PTy::P(0)],
                result: None,
            },
            "r.a = v0\n\tr.n++",
            &rn,
            g,
        );
        add(
            &mut text,
            GMeth {
                name: "Bump".into(),
                ptr: false,
                params: vec![],
                result: Some(PTy::C(Ty::Int(IntK::I))),
            },
            "r.n += 10\n\treturn r.n",
            &rn,
            g,
        );
        if comparable_cons(&cons[0]) {
            add(
                &mut text,
                GMeth {
                    name: "Is".into(),
                    ptr: false,
                    params: vec![PTy::P(0)],
                    result: Some(PTy::C(Ty::Bool)),
                },
                "return r.a == v0",
                &rn,
                g,
            );
        }
        match &cons[0] {
            Cons::Set(_) => add(
                &mut text,
                GMeth {
                    name: "Add".into(),
                    ptr: true,
                    params: vec![PTy::P(0)],
                    result: Some(PTy::P(0)),
                },
                "r.a += v0*3 + 1\n\tr.n += 2\n\treturn r.a",
                &rn,
                g,
            ),
            Cons::Str => add(
                &mut text,
                GMeth {
                    name: "Cat".into(),
                    ptr: false,
                    params: vec![PTy::P(0)],
                    result: Some(PTy::P(0)),
                },
                "return r.a + v0 + \".\"",
                &rn,
                g,
            ),
            _ => {}
        }
        if np == 2 {
            add(
                &mut text,
                GMeth {
                    name: "Second".into(),
                    ptr: false,
                    params: vec![],
                    result: Some(PTy::P(1)),
                },
                "return r.b",
                &rn,
                g,
            );
        }
        if let Cons::Methods(i) = cons[0] {
            let m = self.ifaces[i].methods[0];
            let args = self.pool_args(m);
            let mname = self.pool[m].name;
            let body = format!("return fmt.Sprint(r.a.{mname}({args}))");
            let g = &*self;
            add(
                &mut text,
                GMeth {
                    name: "Call".into(),
                    ptr: false,
                    params: vec![],
                    result: Some(PTy::C(Ty::Str)),
                },
                &body,
                &rn,
                g,
            );
        }
        // Methods of the pool, so that instances implement interfaces.
        let mut pool_methods = Vec::new();
        if self.f.methods {
            for (m, body) in POOL_BODIES.iter().enumerate().take(self.pool.len()) {
                if self.r.chance(30) {
                    let ptr = self.r.chance(40);
                    let star = if ptr { "*" } else { "" };
                    let sig = self.sig(m);
                    text.push_str(&format!("func (r {star}{recv}) {sig} {{\n\t{body}\n}}\n\n"));
                    pool_methods.push((m, ptr));
                }
            }
        }
        decls.push_str(&text);
        self.gtypes.push(GType {
            name: name.clone(),
            cons: cons.clone(),
            methods,
        });

        // Instances, named types of the program from now on.
        let fields_c = fields;
        for _ in 0..self.r.range(1, 3) {
            let printable = self.r.chance(70);
            let mut args = Vec::new();
            for c in &cons {
                match self.type_arg(c, printable) {
                    Some(t) => args.push(t),
                    None => break,
                }
            }
            if args.len() != np {
                continue;
            }
            let an: Vec<String> = args.iter().map(|t| self.go(t)).collect();
            let iname = format!("{name}[{}]", an.join(", "));
            if self.named.iter().any(|n| n.name == iname) {
                continue;
            }
            let under = Ty::Struct(
                fields_c
                    .iter()
                    .map(|(f, p)| (f.clone(), self.subst(p, &args)))
                    .collect(),
            );
            self.named.push(Named {
                name: iname,
                under,
                methods: pool_methods.clone(),
                stringer: false,
                inst: Some((gi, args)),
            });
        }
    }

    fn gen_func(&mut self, decls: &mut String) {
        let k = self.gfuncs.len();
        let name = format!("gf{k}");
        let np = 1 + self.r.below(2);
        let cons: Vec<Cons> = (0..np).map(|_| self.rand_cons()).collect();
        let prints = self.r.chance(60);
        let mut params: Vec<usize> = (0..np).collect();
        for _ in 0..self.r.below(3) {
            params.push(self.r.below(np));
        }
        if self.r.chance(50) {
            params.reverse();
        }
        let pn: Vec<String> = (0..np).map(|i| format!("P{i}")).collect();
        // Type parameters with one constraint are sometimes grouped.
        let tps = if np == 2 && cons[0] == cons[1] && self.r.chance(50) {
            format!("P0, P1 {}", self.cons_go(&cons[0].clone()))
        } else {
            let v: Vec<String> = (0..np)
                .map(|i| format!("{} {}", pn[i], self.cons_go(&cons[i].clone())))
                .collect();
            v.join(", ")
        };
        let ps: Vec<String> = params
            .iter()
            .enumerate()
            .map(|(i, t)| format!("a{i} {}", pn[*t]))
            .collect();
        let saved_out = std::mem::take(&mut self.out);
        let saved_indent = self.indent;
        self.indent = 0;
        self.line(&format!("func {name}[{tps}]({}) P0 {{", ps.join(", ")));
        self.indent = 1;
        self.scopes.push(Vec::new());
        let mut b = Body {
            fname: name.clone(),
            cons: cons.clone(),
            vars: params
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("a{i}"), *t))
                .collect(),
            prints,
        };
        for _ in 0..self.r.range(2, 7) {
            self.gstmt(&mut b, 0);
        }
        let r = self.tvar(&b, 0);
        self.line(&format!("return {r}"));
        self.scopes.pop();
        self.indent = 0;
        self.line("}");
        self.line("");
        let text = std::mem::replace(&mut self.out, saved_out);
        self.indent = saved_indent;
        decls.push_str(&text);
        self.gfuncs.push(GFunc {
            name,
            cons,
            params,
            prints,
        });
    }

    /// A variable of type parameter `t` in the body.
    fn tvar(&mut self, b: &Body, t: usize) -> String {
        let vs: Vec<&String> = b.vars.iter().filter(|v| v.1 == t).map(|v| &v.0).collect();
        self.r.pick(&vs).to_string()
    }

    /// A statement of a generic function's body over its type
    /// parameters' values.
    fn gstmt(&mut self, b: &mut Body, depth: u32) {
        let np = b.cons.len();
        let t = self.r.below(np);
        let c = b.cons[t].clone();
        let x = self.tvar(b, t);
        let y = self.tvar(b, t);
        let p = format!("\"{}\"", b.fname);
        let pt = format!("P{t}");
        match self.r.below(14) {
            0 => {
                let v = self.fresh("x");
                if self.r.chance(30) {
                    self.line(&format!("var {v} {pt}"));
                } else {
                    self.line(&format!("var {v} {pt} = {y}"));
                }
                self.line(&format!("_ = {v}"));
                b.vars.push((v, t));
            }
            1 => self.line(&format!("{x} = {y}")),
            2 if comparable_cons(&c) => {
                let ops: &[&str] = if matches!(c, Cons::Comparable) {
                    &["==", "!="]
                } else {
                    &["==", "!=", "<", "<=", ">", ">="]
                };
                let op = *self.r.pick(ops);
                self.line(&format!("if {x} {op} {y} {{"));
                self.indent += 1;
                self.line(&format!("fmt.Println({p}, \"{op}\")"));
                if depth < 1 {
                    let n = b.vars.len();
                    self.gstmt(b, depth + 1);
                    b.vars.truncate(n);
                }
                self.indent -= 1;
                self.line("} else {");
                self.line(&format!("\tfmt.Println({p}, \"not {op}\")"));
                self.line("}");
            }
            3 if matches!(c, Cons::Set(_)) => {
                let k = self.r.range(1, 100);
                let s = match self.r.below(8) {
                    0 => format!("{x} = {x}*{y} + {k}"),
                    1 => format!("{x} = {x} / ({y} | 1)"),
                    2 => format!("{x} = {x} % ({y} | 1)"),
                    3 => format!("{x} ^= {y} << {}", self.r.range(0, 9)),
                    4 => format!("{x} = -{x} + {y}"),
                    5 => format!("{x}++"),
                    6 => format!("{x} = {x}&^{y} | {k}"),
                    _ => format!("{x} -= {y} >> 1"),
                };
                self.line(&s);
            }
            3 if c == Cons::Str => {
                if self.r.chance(50) {
                    self.line(&format!("{x} = {x} + {y}"));
                } else {
                    self.line(&format!("{x} += \"!\""));
                }
            }
            4 => {
                // A conversion to another type parameter with a
                // compatible set, or to a concrete type.
                let others: Vec<usize> = (0..np)
                    .filter(|&u| match (&c, &b.cons[u]) {
                        (Cons::Set(_), Cons::Set(_)) => true,
                        (Cons::Str, Cons::Str) => true,
                        _ => u == t,
                    })
                    .collect();
                let u = *self.r.pick(&others);
                let v = self.fresh("x");
                self.line(&format!("var {v} P{u} = P{u}({x})"));
                self.line(&format!("_ = {v}"));
                b.vars.push((v.clone(), u));
                match &c {
                    Cons::Set(_) => {
                        let k = self
                            .r
                            .pick(&["int64", "uint8", "int", "float64"])
                            .to_string();
                        self.line(&format!("fmt.Println({p}, {k}({x}), {k}({v}))"));
                    }
                    Cons::Str => self.line(&format!(
                        "fmt.Println({p}, len({x}), []byte({x}), []rune({v}))"
                    )),
                    _ => {}
                }
            }
            5 => self.gtype_switch(b, &x, t),
            6 if b.prints => {
                if self.r.chance(50) {
                    self.line(&format!("fmt.Println({p}, {x}, {y})"));
                } else {
                    self.line(&format!(
                        "fmt.Printf(\"%s %v %T|%+v\\n\", {p}, {x}, {x}, {y})"
                    ));
                }
            }
            7 => {
                if let Cons::Methods(i) = c {
                    let ms = self.ifaces[i].methods.clone();
                    let m = *self.r.pick(&ms);
                    let args = self.pool_args(m);
                    let mn = self.pool[m].name;
                    self.line(&format!("fmt.Println({p}, {x}.{mn}({args}))"));
                } else {
                    // Comparison through interfaces: a runtime panic for
                    // an uncomparable dynamic type.
                    self.line(&format!("fmt.Println({p}, any({x}) == any({y}))"));
                }
            }
            8 if depth < 1 => {
                let i = self.fresh("i");
                let n = self.r.range(1, 3);
                self.line(&format!("for {i} := range {n} {{"));
                self.indent += 1;
                self.line(&format!("_ = {i}"));
                let n = b.vars.len();
                self.gstmt(b, depth + 1);
                b.vars.truncate(n);
                self.indent -= 1;
                self.line("}");
            }
            9 => self.ggeneric_type_use(b, t, &x, &y),
            10 => self.gnested_call(b),
            11 => {
                let f = self.fresh("fn");
                self.line(&format!("{f} := func(v {pt}) {pt} {{ return v }}"));
                self.line(&format!("{x} = {f}({y})"));
            }
            12 if comparable_cons(&c) => {
                let z = self.fresh("z");
                self.line(&format!("var {z} {pt}"));
                self.line(&format!("fmt.Println({p}, {z} == {x})"));
            }
            _ => {
                if b.prints {
                    self.line(&format!("fmt.Println({p}, {x})"));
                } else {
                    self.line(&format!("fmt.Println({p}, \"{}\")", self.next_id));
                }
            }
        }
    }

    /// `switch v := any(x).(type)` with concrete cases and cases of the
    /// type parameters (the first matching case wins).
    fn gtype_switch(&mut self, b: &Body, x: &str, t: usize) {
        let v = self.fresh("ts");
        let p = format!("\"{}\"", b.fname);
        if self.r.chance(25) {
            let ct = self.printable_ty(1);
            let ok = self.fresh("ok");
            self.line(&format!("{v}, {ok} := any({x}).({})", self.go(&ct)));
            self.line(&format!("fmt.Println({p}, {v}, {ok})"));
            return;
        }
        self.line(&format!("switch {v} := any({x}).(type) {{"));
        let mut seen = std::collections::BTreeSet::new();
        for ci in 0..self.r.range(1, 4) {
            if self.r.chance(35) {
                let u = self.r.below(b.cons.len());
                if !seen.insert(format!("P{u}")) {
                    continue;
                }
                self.line(&format!("case P{u}:"));
                if b.prints {
                    self.line(&format!("\tfmt.Println({p}, {ci}, {v})"));
                } else {
                    self.line(&format!("\tfmt.Println({p}, {ci})"));
                }
                continue;
            }
            let ct = self.rand_ty(1);
            let tn = self.go(&ct);
            if !seen.insert(tn.clone()) {
                continue;
            }
            self.line(&format!("case {tn}:"));
            if self.printable(&ct) {
                self.line(&format!("\tfmt.Println({p}, {ci}, {v})"));
            } else {
                self.line(&format!("\tfmt.Println({p}, {ci}, \"-\")"));
            }
        }
        if self.r.chance(30) {
            self.line("case nil:");
            self.line(&format!("\tfmt.Println({p}, \"nil\")"));
        }
        self.line("default:");
        self.line(&format!("\t_ = {v}"));
        self.line(&format!("\tfmt.Println({p}, \"default\", {t})"));
        self.line("}");
    }

    /// A generic type instantiated with the function's own type
    /// parameter: a composite literal, a pointer method, a value method.
    fn ggeneric_type_use(&mut self, b: &mut Body, t: usize, x: &str, y: &str) {
        let c = b.cons[t].clone();
        let fits: Vec<usize> = (0..self.gtypes.len())
            .filter(|&g| implies(&c, &self.gtypes[g].cons[0]))
            .collect();
        if fits.is_empty() {
            return self.line(&format!("{x} = {y}"));
        }
        let gi = *self.r.pick(&fits);
        let mut args = vec![format!("P{t}")];
        let mut printable = b.prints;
        for c2 in self.gtypes[gi].cons.clone().iter().skip(1) {
            match self.type_arg(c2, true) {
                Some(a) => {
                    printable &= self.printable(&a);
                    args.push(self.go(&a));
                }
                None => return self.line(&format!("{x} = {y}")),
            }
        }
        let ty = format!("{}[{}]", self.gtypes[gi].name, args.join(", "));
        let v = self.fresh("gv");
        let n = self.r.range(0, 9);
        self.line(&format!("{v} := {ty}{{a: {x}, n: {n}}}"));
        self.line(&format!("{v}.Set({y})"));
        let p = format!("\"{}\"", b.fname);
        if comparable_cons(&c) {
            self.line(&format!(
                "fmt.Println({p}, {v}.Get() == {y}, {v}.Bump(), {v}.n)"
            ));
        } else {
            self.line(&format!("fmt.Println({p}, {v}.Bump(), {v}.n)"));
        }
        if printable && self.r.chance(50) {
            self.line(&format!("fmt.Printf(\"%v %+v\\n\", {v}, &{v})"));
        }
        self.line(&format!("{x} = {v}.Get()"));
    }

    /// A call of an earlier generic function, with the caller's type
    /// parameters or concrete types as type arguments.
    fn gnested_call(&mut self, b: &mut Body) {
        let k = self.gfuncs.len();
        if k == 0 {
            return;
        }
        let j = self.r.below(k);
        let (jname, jcons, jparams, jprints) = {
            let f = &self.gfuncs[j];
            (f.name.clone(), f.cons.clone(), f.params.clone(), f.prints)
        };
        // Each of j's type parameters: one of ours (Some) or concrete.
        let mut map: Vec<Result<usize, Ty>> = Vec::new();
        for jc in &jcons {
            let ours: Vec<usize> = (0..b.cons.len())
                .filter(|&u| implies(&b.cons[u], jc) && (!jprints || b.prints))
                .collect();
            if !ours.is_empty() && self.r.chance(70) {
                map.push(Ok(*self.r.pick(&ours)));
            } else {
                match self.type_arg(jc, jprints) {
                    Some(t) => map.push(Err(t)),
                    None => return,
                }
            }
        }
        let args: Vec<String> = jparams
            .iter()
            .map(|&jt| match &map[jt] {
                Ok(u) => self.tvar(b, *u),
                Err(t) => self.expr(t, 1).s,
            })
            .collect();
        let explicit = map.iter().any(|m| m.is_err()) || self.r.chance(40);
        let call = if explicit {
            let ta: Vec<String> = map
                .iter()
                .map(|m| match m {
                    Ok(u) => format!("P{u}"),
                    Err(t) => self.go(t),
                })
                .collect();
            format!("{jname}[{}]({})", ta.join(", "), args.join(", "))
        } else {
            format!("{jname}({})", args.join(", "))
        };
        match &map[0] {
            Ok(u) => {
                let x = self.tvar(b, *u);
                self.line(&format!("{x} = {call}"));
            }
            Err(_) => self.line(&format!("_ = {call}")),
        }
    }

    // ---- statements ----

    /// One of the generic statements the features allow here; false when
    /// none fits.
    pub(super) fn generic_stmt(&mut self) -> bool {
        let deep = self.depth > 3;
        let mut kinds = Vec::new();
        if self.f.gen_types && self.nocall == 0 {
            kinds.push(0);
        }
        if self.f.gen_funcs && self.nocall == 0 && self.loop_depth == 0 && !self.gfuncs.is_empty() {
            kinds.push(1);
        }
        if self.f.range_func && !deep && self.loop_depth < 2 {
            kinds.push(2);
            kinds.push(2);
        }
        if self.f.generic_pkgs {
            kinds.push(3);
        }
        if kinds.is_empty() {
            return false;
        }
        match *self.r.pick(&kinds) {
            0 => self.gmethod_stmt(),
            1 => self.gcall_stmt(),
            2 => self.range_func_stmt(),
            _ => self.pkgs_stmt(),
        }
    }

    /// A method of a generic type called on a variable of one of its
    /// instances: directly, as a method value or a method expression.
    fn gmethod_stmt(&mut self) -> bool {
        let mut cands = Vec::new();
        for v in self.all_vars() {
            let (ni, ptr) = match &v.ty {
                Ty::Named(i) => (*i, false),
                Ty::Ptr(inner) => match **inner {
                    Ty::Named(i) => (i, true),
                    _ => continue,
                },
                _ => continue,
            };
            if let Some((gi, _)) = &self.named[ni].inst {
                for m in 0..self.gtypes[*gi].methods.len() {
                    // A pointer method needs an addressable receiver:
                    // variables are, unless they are loop counters.
                    if !ptr && self.gtypes[*gi].methods[m].ptr && !v.assign {
                        continue;
                    }
                    cands.push((v.name.clone(), ni, ptr, m));
                }
            }
        }
        if cands.is_empty() {
            // A variable of an instance to call them on.
            let insts: Vec<usize> = (0..self.named.len())
                .filter(|&i| self.named[i].inst.is_some())
                .collect();
            if insts.is_empty() {
                return false;
            }
            let t = Ty::Named(*self.r.pick(&insts));
            let x = self.literal(&t, 2).s;
            self.local(t, &x);
            return self.gmethod_stmt();
        }
        let (v, ni, ptr, m) = self.r.pick(&cands).clone();
        let Some((gi, targs)) = self.named[ni].inst.clone() else {
            return false;
        };
        let (mname, mptr, mps, mres) = {
            let gm = &self.gtypes[gi].methods[m];
            (
                gm.name.clone(),
                gm.ptr,
                gm.params.clone(),
                gm.result.clone(),
            )
        };
        let args: Vec<String> = mps
            .iter()
            .map(|p| {
                let t = self.subst(p, &targs);
                self.expr(&t, 2).s
            })
            .collect();
        let tn = self.named[ni].name.clone();
        let call = match self.r.below(5) {
            0 => {
                // A method expression.
                let (recv_t, recv) = match (mptr, ptr) {
                    (true, true) => (format!("(*{tn})"), v.clone()),
                    (true, false) => (format!("(*{tn})"), format!("&{v}")),
                    (false, true) => (tn.clone(), format!("*{v}")),
                    (false, false) => (tn.clone(), v.clone()),
                };
                let mut all = vec![recv];
                all.extend(args);
                format!("{recv_t}.{mname}({})", all.join(", "))
            }
            1 => {
                let f = self.fresh("mv");
                self.line(&format!("{f} := {v}.{mname}"));
                format!("{f}({})", args.join(", "))
            }
            _ => format!("{v}.{mname}({})", args.join(", ")),
        };
        let p = self.fresh("gm");
        // The call is a statement of its own: it may write the receiver
        // printed after it.
        let shown = match &mres {
            Some(r) => {
                let rt = self.subst(r, &targs);
                let x = self.local(rt.clone(), &call);
                if self.printable(&rt) {
                    x
                } else {
                    "\"-\"".to_string()
                }
            }
            None => {
                self.line(&call);
                "\"done\"".to_string()
            }
        };
        let vt = Ty::Named(ni);
        let after = if self.printable(&vt) {
            if ptr {
                format!(", *{v}")
            } else {
                format!(", {v}")
            }
        } else {
            String::new()
        };
        self.line(&format!("fmt.Println(\"{p}\", {shown}{after})"));
        true
    }

    /// A call of a generic function, explicitly instantiated or with its
    /// type arguments inferred from typed variables.
    fn gcall_stmt(&mut self) -> bool {
        let k = self.r.below(self.gfuncs.len());
        let (name, cons, params, prints) = {
            let f = &self.gfuncs[k];
            (f.name.clone(), f.cons.clone(), f.params.clone(), f.prints)
        };
        let mut targs = Vec::new();
        for c in &cons {
            match self.type_arg(c, prints) {
                Some(t) => targs.push(t),
                None => return false,
            }
        }
        // Inferred: the first argument of each type parameter is a
        // variable of exactly the type argument (an untyped constant
        // would infer its default type).
        let mut infer = self.r.chance(50);
        let mut firsts = vec![false; cons.len()];
        let mut args = Vec::new();
        for &t in &params {
            let ty = targs[t].clone();
            if infer && !firsts[t] {
                firsts[t] = true;
                let ps = self.places(&ty, false);
                if ps.is_empty() {
                    infer = false;
                } else {
                    args.push(self.r.pick(&ps).clone());
                    continue;
                }
            }
            args.push(self.expr(&ty, 2).s);
        }
        let call = if infer {
            if cons.len() == 2 && self.r.chance(30) {
                format!("{name}[{}]({})", self.go(&targs[0]), args.join(", "))
            } else {
                format!("{name}({})", args.join(", "))
            }
        } else {
            let ta: Vec<String> = targs.iter().map(|t| self.go(t)).collect();
            format!("{name}[{}]({})", ta.join(", "), args.join(", "))
        };
        let v = self.local(targs[0].clone(), &call);
        if self.printable(&targs[0]) {
            let p = self.fresh("gc");
            self.line(&format!("fmt.Println(\"{p}\", {v})"));
        }
        true
    }

    /// A loop over a function iterator (`iter.Seq`, `iter.Seq2` or a
    /// yield function of no values) built from a closure, or one of
    /// `slices`' iterators; the body breaks, continues, returns, defers
    /// and panics, the iterator defers and sometimes ignores `yield`'s
    /// false (a runtime error when the body stopped the loop). Panics are
    /// recovered outside the loop.
    fn range_func_stmt(&mut self) -> bool {
        let p = self.fresh("r");
        // The values: a slice or array variable, or a count.
        let srcs: Vec<(String, Ty)> = self
            .all_vars()
            .into_iter()
            .filter_map(|v| match self.resolve(&v.ty) {
                Ty::Slice(el) | Ty::Array(_, el) => Some((v.name.clone(), (**el).clone())),
                _ => None,
            })
            .collect();
        let src = if !srcs.is_empty() && self.r.chance(70) {
            Some(self.r.pick(&srcs).clone())
        } else {
            None
        };
        let n = self.r.range(0, 5);
        let misbehave = self.r.chance(12);
        let it_defer = self.r.chance(30);
        let shape = self.r.below(6);
        let wrapped = misbehave || self.nocall > 0 || self.r.chance(50);
        let pkg_seq = self.f.generic_pkgs && shape == 5 && src.is_some();
        if wrapped {
            self.line("func() {");
            self.indent += 1;
            self.line(&format!(
                "defer func() {{ fmt.Println(\"{p}\", \"recovered\", recover()) }}()"
            ));
        }
        // The iterator: (expression, key type, value type); None for no
        // loop variables.
        let it = self.fresh("it");
        let call_yield = |args: &str| {
            if misbehave {
                format!("yield({args})")
            } else {
                format!("if !yield({args}) {{ fmt.Println(\"{p}\", \"stop\"); return }}")
            }
        };
        let (kt, vt): (Option<Ty>, Option<Ty>) = if pkg_seq {
            let (s, el) = src.clone().unwrap();
            let s = if matches!(self.resolve(&self.var_ty(&s)), Ty::Array(..)) {
                format!("{s}[:]")
            } else {
                s
            };
            let (f, k) = *self.r.pick(&[
                ("slices.All", true),
                ("slices.Backward", true),
                ("slices.Values", false),
            ]);
            self.line(&format!("{it} := {f}({s})"));
            if k {
                (Some(Ty::Int(IntK::I)), Some(el))
            } else {
                (Some(el), None)
            }
        } else {
            let (kt, vt, head, body) = match (shape % 3, &src) {
                (0, Some((s, el))) => {
                    let eln = self.go(el);
                    (
                        Some(Ty::Int(IntK::I)),
                        Some(el.clone()),
                        if self.r.chance(40) {
                            format!("var {it} iter.Seq2[int, {eln}] = func(yield func(int, {eln}) bool) {{")
                        } else {
                            format!("{it} := func(yield func(int, {eln}) bool) {{")
                        },
                        format!("for i, x := range {s} {{\n\t\t{}\n\t}}", call_yield("i, x")),
                    )
                }
                (1, Some((s, el))) => {
                    let eln = self.go(el);
                    (
                        Some(el.clone()),
                        None,
                        if self.r.chance(40) {
                            format!("var {it} iter.Seq[{eln}] = func(yield func({eln}) bool) {{")
                        } else {
                            format!("{it} := func(yield func({eln}) bool) {{")
                        },
                        format!("for _, x := range {s} {{\n\t\t{}\n\t}}", call_yield("x")),
                    )
                }
                (2, _) => (
                    None,
                    None,
                    format!("{it} := func(yield func() bool) {{"),
                    format!("for range {n} {{\n\t\t{}\n\t}}", call_yield("")),
                ),
                _ => {
                    let k = self.r.range(1, 5);
                    (
                        Some(Ty::Int(IntK::I)),
                        None,
                        format!("{it} := func(yield func(int) bool) {{"),
                        format!(
                            "for i := 0; i < {n}; i++ {{\n\t\t{}\n\t}}",
                            call_yield(&format!("i * {k}"))
                        ),
                    )
                }
            };
            self.line(&head);
            if it_defer {
                self.line(&format!("\tdefer fmt.Println(\"{p}\", \"iterator done\")"));
            }
            for l in body.lines() {
                self.line(&format!("\t{l}"));
            }
            self.line(&format!("\tfmt.Println(\"{p}\", \"end\")"));
            self.line("}");
            (kt, vt)
        };
        let label = if self.r.chance(20) {
            let l = self.fresh("L");
            self.line(&format!("{l}:"));
            Some(l)
        } else {
            None
        };
        let (k, v) = (self.fresh("k"), self.fresh("e"));
        let (head, has_k, has_v) = match (&kt, &vt) {
            (None, _) => (format!("for range {it} {{"), false, false),
            (Some(_), None) => (format!("for {k} := range {it} {{"), true, false),
            (Some(_), Some(_)) => {
                if self.r.chance(15) {
                    (format!("for _, {v} := range {it} {{"), false, true)
                } else {
                    (format!("for {k}, {v} := range {it} {{"), true, true)
                }
            }
        };
        self.open(&head);
        let mut shown = Vec::new();
        if has_k {
            self.line(&format!("_ = {k}"));
            let kt = kt.clone().unwrap();
            if self.printable(&kt) {
                shown.push(k.clone());
            }
            self.declare(&k, kt, true);
        }
        if has_v {
            self.line(&format!("_ = {v}"));
            let vt = vt.clone().unwrap();
            if self.printable(&vt) {
                shown.push(v.clone());
            }
            self.declare(&v, vt, true);
        }
        let cnt = self.fresh("c");
        self.line(&format!("fmt.Println(\"{p}\", \"body\", {})", {
            let mut a = shown.clone();
            if a.is_empty() {
                a.push(format!("\"{cnt}\""));
            }
            a.join(", ")
        }));
        self.loop_depth += 1;
        let cond = |g: &mut Gen, has_k: bool, kt: &Option<Ty>| -> String {
            if has_k && kt.as_ref() == Some(&Ty::Int(IntK::I)) && g.r.chance(60) {
                format!("{k} == {}", g.r.range(0, 4))
            } else {
                g.expr(&Ty::Bool, 2).s
            }
        };
        if wrapped {
            self.rf_wrap += 1;
        }
        let nstmts = self.r.range(1, 3) as usize;
        let mut label_used = false;
        for i in 0..nstmts + 1 {
            if i > 0 || self.r.chance(50) {
                self.block(1);
            }
            let last = i == nstmts;
            let kind = if last {
                if label.is_some() && !label_used {
                    5
                } else {
                    break;
                }
            } else {
                self.r.below(8)
            };
            match kind {
                0 => {
                    let c = cond(self, has_k, &kt);
                    self.line(&format!("if {c} {{ break }}"));
                }
                1 => {
                    let c = cond(self, has_k, &kt);
                    self.line(&format!("if {c} {{ continue }}"));
                }
                2 if wrapped || self.rf_wrap > 0 => {
                    let c = cond(self, has_k, &kt);
                    self.line(&format!("if {c} {{ return }}"));
                }
                2 if self.nocall == 0 && self.cur_result.is_some() => {
                    let c = cond(self, has_k, &kt);
                    let r = self.cur_result.clone().unwrap();
                    let x = self.expr(&r, 2).s;
                    self.open(&format!("if {c} {{"));
                    self.ret(&r, &x);
                    self.close("}");
                }
                3 if self.nocall == 0 || wrapped => {
                    let shown_k = if has_k && shown.contains(&k) {
                        k.clone()
                    } else {
                        "\"-\"".to_string()
                    };
                    self.line(&format!(
                        "defer fmt.Println(\"{p}\", \"deferred\", {shown_k})"
                    ));
                }
                4 if wrapped => {
                    let c = cond(self, has_k, &kt);
                    self.line(&format!("if {c} {{ panic(\"{p} boom\") }}"));
                }
                5 if label.is_some() => {
                    label_used = true;
                    let l = label.clone().unwrap();
                    let j = self.fresh("j");
                    let c = cond(self, has_k, &kt);
                    let kw = if self.r.chance(50) {
                        "continue"
                    } else {
                        "break"
                    };
                    self.line(&format!(
                        "for {j} := range 3 {{ if {j} == 1 && {c} {{ {kw} {l} }}; fmt.Println(\"{p}\", \"inner\", {j}) }}"
                    ));
                }
                _ => {}
            }
        }
        if wrapped {
            self.rf_wrap -= 1;
        }
        self.loop_depth -= 1;
        self.close("}");
        self.line(&format!("fmt.Println(\"{p}\", \"after\")"));
        if wrapped {
            self.indent -= 1;
            self.line("}()");
        }
        true
    }

    fn var_ty(&self, name: &str) -> Ty {
        self.scopes
            .iter()
            .flatten()
            .find(|x| x.name == name)
            .map(|x| x.ty.clone())
            .unwrap_or(Ty::Bool)
    }

    /// Calls into `slices`, `maps` and `cmp` on the program's values.
    fn pkgs_stmt(&mut self) -> bool {
        let p = self.fresh("sl");
        let vars = self.all_vars();
        // Slices (or arrays, sliced) of integers or strings.
        let ordered = |g: &Gen, t: &Ty| matches!(g.resolve(t), Ty::Int(_) | Ty::Str);
        let mut sl: Vec<(String, Ty)> = Vec::new();
        let mut structs: Vec<(String, Ty, String)> = Vec::new();
        let mut maps: Vec<(String, Ty, Ty)> = Vec::new();
        for v in &vars {
            match self.resolve(&v.ty).clone() {
                Ty::Slice(el) if ordered(self, &el) => sl.push((v.name.clone(), v.ty.clone())),
                Ty::Array(_, el) if ordered(self, &el) && v.assign => {
                    sl.push((format!("{}[:]", v.name), Ty::Slice(el)))
                }
                Ty::Slice(el) => {
                    if let Ty::Struct(fs) = self.resolve(&el).clone() {
                        if let Some((f, _)) = fs.iter().find(|(_, ft)| ordered(self, ft)) {
                            structs.push((v.name.clone(), (*el).clone(), f.clone()));
                        }
                    }
                }
                Ty::Map(kt, vt) if ordered(self, &kt) => {
                    maps.push((v.name.clone(), (*kt).clone(), (*vt).clone()))
                }
                _ => {}
            }
        }
        if sl.is_empty() && self.r.chance(70) {
            let el = if self.r.chance(50) {
                self.int_ty()
            } else {
                Ty::Str
            };
            let t = Ty::Slice(Box::new(el));
            let x = self.literal(&t, 2).s;
            let v = self.local(t.clone(), &x);
            sl.push((v, t));
        }
        match self.r.below(6) {
            0 | 1 if !sl.is_empty() => {
                let (s, st) = self.r.pick(&sl).clone();
                let Ty::Slice(el) = self.resolve(&st).clone() else {
                    return false;
                };
                let el = *el;
                let eln = self.go(&el);
                let x = self.expr(&el, 2).s;
                let c = self.fresh("c");
                self.line(&format!("{c} := slices.Clone({s})"));
                if self.r.chance(50) {
                    self.line(&format!("slices.Sort({c})"));
                } else {
                    self.line(&format!(
                        "slices.SortFunc({c}, func(a, b {eln}) int {{ return cmp.Compare(b, a) }})"
                    ));
                    self.line(&format!("slices.Reverse({c})"));
                }
                let show = self.printable(&el);
                let l = match self.r.below(5) {
                    0 => format!(
                        "fmt.Println(\"{p}\", {}, slices.IsSorted({c}), slices.Index({s}, {x}), slices.Contains({c}, {x}))",
                        if show { c.clone() } else { format!("len({c})") }
                    ),
                    1 => {
                        let (i, f) = (self.fresh("i"), self.fresh("found"));
                        self.line(&format!("{i}, {f} := slices.BinarySearch({c}, {x})"));
                        format!("fmt.Println(\"{p}\", {i}, {f})")
                    }
                    2 => format!(
                        "fmt.Println(\"{p}\", slices.Max({s}), slices.Min({s}), slices.Equal({s}, {c}), slices.Compare({c}, {s}))"
                    ),
                    3 => {
                        self.line(&format!("{c} = slices.Compact({c})"));
                        self.line(&format!("{c} = slices.Insert({c}, idx(len({s}), len({c})+1), {x})"));
                        self.line(&format!("{c} = slices.Delete({c}, 0, min(1, len({c})))"));
                        format!("fmt.Println(\"{p}\", {c}, len(slices.Concat({c}, {s})), slices.Repeat({c}, 2))")
                    }
                    _ => {
                        let ch = self.fresh("ch");
                        let n = self.r.range(1, 3);
                        self.line(&format!(
                            "for {ch} := range slices.Chunk({c}, {n}) {{ fmt.Println(\"{p}\", {ch}) }}"
                        ));
                        format!(
                            "fmt.Println(\"{p}\", slices.Sorted(slices.Values({s})), slices.Collect(slices.Values({c})))"
                        )
                    }
                };
                self.line(&l);
            }
            2 if !structs.is_empty() => {
                let (s, el, f) = self.r.pick(&structs).clone();
                let eln = self.go(&el);
                let c = self.fresh("c");
                self.line(&format!("{c} := slices.Clone({s})"));
                self.line(&format!(
                    "slices.SortStableFunc({c}, func(a, b {eln}) int {{ return cmp.Compare(a.{f}, b.{f}) }})"
                ));
                let Ty::Struct(fs) = self.resolve(&el).clone() else {
                    return false;
                };
                let ft = fs.iter().find(|x| x.0 == f).unwrap().1.clone();
                let x = self.expr(&ft, 2).s;
                let shown = if self.printable(&el) {
                    c.clone()
                } else {
                    format!("len({c})")
                };
                self.line(&format!(
                    "fmt.Println(\"{p}\", {shown}, slices.IndexFunc({c}, func(e {eln}) bool {{ return e.{f} == {x} }}), slices.ContainsFunc({s}, func(e {eln}) bool {{ return e.{f} < {x} }}), slices.IsSortedFunc({c}, func(a, b {eln}) int {{ return cmp.Compare(a.{f}, b.{f}) }}))"
                ));
            }
            3 if !maps.is_empty() => {
                let (m, kt, vt) = self.r.pick(&maps).clone();
                let ktn = self.go(&kt);
                let vtn = self.go(&vt);
                let key = self.expr(&kt, 2).s;
                let c = self.fresh("c");
                self.line(&format!("{c} := maps.Clone({m})"));
                self.line(&format!(
                    "maps.DeleteFunc({c}, func(k {ktn}, v {vtn}) bool {{ return k < {key} }})"
                ));
                let eq = if self.comparable(&vt) {
                    format!(", maps.Equal({m}, {c})")
                } else {
                    String::new()
                };
                let vals = if ordered(self, &vt) {
                    format!(", slices.Sorted(maps.Values({c}))")
                } else {
                    String::new()
                };
                self.line(&format!(
                    "fmt.Println(\"{p}\", slices.Sorted(maps.Keys({m})), len({c}){eq}{vals})"
                ));
                if self.printable(&vt) && self.r.chance(50) {
                    let (k, v) = (self.fresh("k"), self.fresh("v"));
                    self.line(&format!(
                        "for _, {k} := range slices.Sorted(maps.Keys({c})) {{ {v} := {c}[{k}]; fmt.Println(\"{p}\", {k}, {v}) }}"
                    ));
                }
            }
            _ => {
                // cmp on two values of an ordered type.
                let t = loop {
                    let t = self.rand_ty(1);
                    if matches!(self.resolve(&t), Ty::Int(_) | Ty::Str | Ty::Float(_)) {
                        break t;
                    }
                };
                let a = self.expr(&t, 2).s;
                let b = self.expr(&t, 2).s;
                let z = self.literal(&t, 0).s;
                self.line(&format!(
                    "fmt.Println(\"{p}\", cmp.Compare({a}, {b}), cmp.Less({a}, {b}), cmp.Or({z}, {a}, {b}), min({a}, {b}))"
                ));
            }
        }
        true
    }
}

/// What a generic function's body sees.
pub struct Body {
    fname: String,
    cons: Vec<Cons>,
    /// Variables of type-parameter type: (name, parameter).
    vars: Vec<(String, usize)>,
    prints: bool,
}
