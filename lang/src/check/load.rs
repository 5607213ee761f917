//! Loading: from the main package's files to every package of the program.
//!
//! Imports are followed depth-first from the main files; each standard
//! package is fetched from the [`Importer`], added to the [`SourceMap`] (so
//! errors in it render) and parsed once as `FileKind::Std`. The result lists
//! packages in dependency order (post-order of the depth-first walk), the
//! main package last. An import cycle among standard packages is reported
//! once and the back edge is dropped, so loading always terminates.
//!
//! Scripts may use a standard package without importing it (`fmt.Println`
//! with no import). Loading cannot know yet whether `fmt` there means the
//! package or a local name, so it loads every known package whose name is
//! the operand of a selector anywhere in a script; the checker then imports
//! it implicitly only where the name is otherwise undefined, and the code
//! generator only sees packages that are really imported.

use super::ParsedFile;
use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::diag::Diagnostic;
use crate::source::SourceMap;
use crate::{FileKind, Importer};
use std::collections::{HashMap, HashSet};

/// The sources of one package, before checking.
#[derive(Debug)]
pub(crate) struct PkgSrc {
    pub path: String,
    pub files: Vec<ParsedFile>,
    /// Packages a script may import implicitly, by package name.
    pub implicit: HashMap<String, String>,
}

/// Parses a standard package's file.
fn parse(
    src: &str,
    base: u32,
    kind: FileKind,
    ids: &mut ast::NodeIdGen,
) -> (ast::File, Vec<Diagnostic>) {
    crate::parser::parse_file(src, base, kind, ids)
}

struct Loader<'a> {
    sources: &'a mut SourceMap,
    ids: &'a mut ast::NodeIdGen,
    importer: &'a dyn Importer,
    diags: &'a mut Vec<Diagnostic>,
    /// Loaded (or being loaded) paths.
    state: HashMap<String, bool>,
    out: Vec<PkgSrc>,
}

pub(crate) fn load(
    sources: &mut SourceMap,
    ids: &mut ast::NodeIdGen,
    files: Vec<ParsedFile>,
    importer: &dyn Importer,
    diags: &mut Vec<Diagnostic>,
) -> Vec<PkgSrc> {
    let mut l = Loader {
        sources,
        ids,
        importer,
        diags,
        state: HashMap::new(),
        out: Vec::new(),
    };
    let mut imports = explicit_imports(&files);
    // Script implicit imports: every selector base name that names a
    // known package and is not explicitly imported under that name.
    let mut implicit = HashMap::new();
    let by_name = l.package_names();
    let explicit_names: HashSet<String> = files
        .iter()
        .flat_map(|f| f.ast.imports.iter())
        .map(|i| match &i.name {
            Some(n) => n.name.clone(),
            None => last_elem(&i.path).to_string(),
        })
        .collect();
    for f in files.iter().filter(|f| f.kind == FileKind::Script) {
        let mut names = Names {
            all: false,
            set: HashSet::new(),
        };
        for item in &f.ast.items {
            match item {
                ast::Item::Decl(d) => walk_decl(d, &mut names),
                ast::Item::Stmt(s) => walk_stmt(s, &mut names),
            }
        }
        for n in names.set {
            if explicit_names.contains(&n) {
                continue;
            }
            if let Some(path) = by_name.get(&n) {
                implicit.insert(n, path.clone());
            }
        }
    }
    for p in implicit.values() {
        if !imports.contains(p) {
            imports.push(p.clone());
        }
    }
    for p in &imports {
        if l.importer.package(p).is_some() {
            l.visit(p);
        }
    }
    l.out.push(PkgSrc {
        path: "main".to_string(),
        files,
        implicit,
    });
    l.out
}

fn explicit_imports(files: &[ParsedFile]) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for f in files {
        for i in &f.ast.imports {
            if !v.contains(&i.path) {
                v.push(i.path.clone());
            }
        }
    }
    v
}

pub(crate) fn last_elem(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

impl Loader<'_> {
    fn package_names(&self) -> HashMap<String, String> {
        let mut m = HashMap::new();
        for p in self.importer.available() {
            m.entry(last_elem(&p).to_string()).or_insert(p);
        }
        m
    }

    /// Loads `path` and its imports; appends them to `out` in post-order.
    fn visit(&mut self, path: &str) {
        if self.state.contains_key(path) {
            return;
        }
        self.state.insert(path.to_string(), false);
        let Some(srcs) = self.importer.package(path) else {
            return;
        };
        let mut files = Vec::new();
        for (name, text) in srcs {
            // The importer names the file as diagnostics should show it.
            let id = self.sources.add(name, text);
            let f = self.sources.file(id);
            let (ast, mut d) = parse(&f.text.clone(), f.base, FileKind::Std, self.ids);
            self.diags.append(&mut d);
            files.push(ParsedFile {
                file: id,
                kind: FileKind::Std,
                ast,
            });
        }
        let imports = explicit_imports(&files);
        for imp in &imports {
            match self.state.get(imp.as_str()) {
                Some(false) => {
                    // A cycle among standard packages: report at the import.
                    if let Some(spec) = files
                        .iter()
                        .flat_map(|f| f.ast.imports.iter())
                        .find(|s| &s.path == imp)
                    {
                        self.diags.push(Diagnostic::error(
                            spec.path_span,
                            "import cycle not allowed",
                        ));
                    }
                }
                Some(true) => {}
                None => {
                    if self.importer.package(imp).is_some() {
                        self.visit(imp);
                    }
                }
            }
        }
        self.state.insert(path.to_string(), true);
        self.out.push(PkgSrc {
            path: path.to_string(),
            files,
            implicit: HashMap::new(),
        });
    }
}

/// Names found by the walk: every identifier (`all`), or only those used
/// as selector operands.
pub(crate) struct Names {
    pub all: bool,
    pub set: HashSet<String>,
}

impl Names {
    fn insert(&mut self, n: String) {
        self.set.insert(n);
    }
}

/// Every identifier in an expression.
pub(crate) fn idents_of_expr(e: &Expr) -> HashSet<String> {
    let mut n = Names {
        all: true,
        set: HashSet::new(),
    };
    walk_expr(e, &mut n);
    n.set
}

// A small walk collecting identifiers used as selector operands. It only
// descends as deep as the parser let the tree grow (the parser caps nesting).

fn walk_decl(d: &ast::Decl, out: &mut Names) {
    match d {
        ast::Decl::Var(g) => {
            for s in &g.specs {
                if let Some(t) = &s.ty {
                    walk_expr(t, out);
                }
                s.values.iter().for_each(|e| walk_expr(e, out));
            }
        }
        ast::Decl::Const(g) => {
            for s in &g.specs {
                if let Some(t) = &s.ty {
                    walk_expr(t, out);
                }
                s.values.iter().for_each(|e| walk_expr(e, out));
            }
        }
        ast::Decl::Type(g) => g.specs.iter().for_each(|s| walk_expr(&s.ty, out)),
        ast::Decl::Func(f) => {
            if let Some(r) = &f.recv {
                walk_expr(&r.ty, out);
            }
            walk_functype(&f.ty, out);
            if let Some(b) = &f.body {
                b.stmts.iter().for_each(|s| walk_stmt(s, out));
            }
        }
    }
}

fn walk_functype(t: &ast::FuncType, out: &mut Names) {
    for p in t.params.iter().chain(&t.results) {
        walk_expr(&p.ty, out);
    }
}

fn walk_opt_stmt(s: &Option<Box<Stmt>>, out: &mut Names) {
    if let Some(s) = s {
        walk_stmt(s, out);
    }
}

fn walk_stmt(s: &Stmt, out: &mut Names) {
    match &s.kind {
        StmtKind::Empty
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Goto(_)
        | StmtKind::Fallthrough
        | StmtKind::Bad => {}
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(e, out),
        StmtKind::Send { ch, value } => {
            walk_expr(ch, out);
            walk_expr(value, out);
        }
        StmtKind::IncDec { x, .. } => walk_expr(x, out),
        StmtKind::Assign { lhs, rhs, .. } => {
            lhs.iter().chain(rhs).for_each(|e| walk_expr(e, out));
        }
        StmtKind::Define { values, .. } => values.iter().for_each(|e| walk_expr(e, out)),
        StmtKind::Decl(d) => walk_decl(d, out),
        StmtKind::Return(v) => v.iter().for_each(|e| walk_expr(e, out)),
        StmtKind::Block(b) => b.stmts.iter().for_each(|s| walk_stmt(s, out)),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            walk_opt_stmt(init, out);
            walk_expr(cond, out);
            then.stmts.iter().for_each(|s| walk_stmt(s, out));
            walk_opt_stmt(els, out);
        }
        StmtKind::Switch {
            init, tag, cases, ..
        } => {
            walk_opt_stmt(init, out);
            if let Some(t) = tag {
                walk_expr(t, out);
            }
            for c in cases {
                c.exprs.iter().for_each(|e| walk_expr(e, out));
                c.body.iter().for_each(|s| walk_stmt(s, out));
            }
        }
        StmtKind::TypeSwitch { init, x, cases, .. } => {
            walk_opt_stmt(init, out);
            walk_expr(x, out);
            for c in cases {
                c.types.iter().for_each(|e| walk_expr(e, out));
                c.body.iter().for_each(|s| walk_stmt(s, out));
            }
        }
        StmtKind::Select { cases, .. } => {
            for c in cases {
                walk_opt_stmt(&c.comm, out);
                c.body.iter().for_each(|s| walk_stmt(s, out));
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            walk_opt_stmt(init, out);
            if let Some(c) = cond {
                walk_expr(c, out);
            }
            walk_opt_stmt(post, out);
            body.stmts.iter().for_each(|s| walk_stmt(s, out));
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            key.iter().chain(value).for_each(|e| walk_expr(e, out));
            walk_expr(x, out);
            body.stmts.iter().for_each(|s| walk_stmt(s, out));
        }
        StmtKind::Labeled { stmt, .. } => walk_stmt(stmt, out),
    }
}

fn walk_expr(e: &Expr, out: &mut Names) {
    match &e.kind {
        ExprKind::Ident(id) => {
            if out.all {
                out.insert(id.name.clone());
            }
        }
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_)
        | ExprKind::Rune(_)
        | ExprKind::Str(_)
        | ExprKind::Bad => {}
        ExprKind::Composite { ty, elems, .. } => {
            if let Some(t) = ty {
                walk_expr(t, out);
            }
            for el in elems {
                if let Some(k) = &el.key {
                    walk_expr(k, out);
                }
                walk_expr(&el.value, out);
            }
        }
        ExprKind::FuncLit { ty, body } => {
            walk_functype(ty, out);
            body.stmts.iter().for_each(|s| walk_stmt(s, out));
        }
        ExprKind::Paren(x)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x)
        | ExprKind::SliceType(x)
        | ExprKind::ChanType(_, x) => walk_expr(x, out),
        ExprKind::Selector(x, _) => {
            if out.all {
                walk_expr(x, out);
            } else if let ExprKind::Ident(id) = &x.kind {
                out.insert(id.name.clone());
            } else {
                walk_expr(x, out);
            }
        }
        ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) | ExprKind::MapType(a, b) => {
            walk_expr(a, out);
            walk_expr(b, out);
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            walk_expr(x, out);
            for b in [lo, hi, max].into_iter().flatten() {
                walk_expr(b, out);
            }
        }
        ExprKind::TypeAssert { x, ty } => {
            walk_expr(x, out);
            if let Some(t) = ty {
                walk_expr(t, out);
            }
        }
        ExprKind::Call { func, args, .. } => {
            walk_expr(func, out);
            args.iter().for_each(|a| walk_expr(a, out));
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                walk_expr(l, out);
            }
            walk_expr(elem, out);
        }
        ExprKind::FuncType(t) => walk_functype(t, out),
        ExprKind::StructType(fields) => fields.iter().for_each(|f| walk_expr(&f.ty, out)),
        ExprKind::InterfaceType(elems) => {
            for el in elems {
                match el {
                    ast::InterfaceElem::Method { ty, .. } => walk_functype(ty, out),
                    ast::InterfaceElem::Embed(x) => walk_expr(x, out),
                }
            }
        }
    }
}
