//! Loading: from the main package's files to every package of the program.
//!
//! Imports are followed depth-first from the main files; each standard
//! package is fetched from the [`Importer`], added to the [`SourceMap`] (so
//! errors in it render) and parsed once as `FileKind::Std`, when only
//! reached bodies are checked without its function bodies (`reach` parses
//! those it reaches). The result lists
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
use crate::ast::{self, Expr, ExprKind};
use crate::diag::Diagnostic;
use crate::source::SourceMap;
use crate::walk::{self, Visitor};
use crate::{FileKind, Importer};
use std::collections::{HashMap, HashSet};

/// The sources of one package, before checking.
#[derive(Debug)]
pub(crate) struct PkgSrc {
    pub(crate) path: String,
    pub(crate) files: Vec<ParsedFile>,
    /// Packages a script may import implicitly, by package name.
    pub(crate) implicit: HashMap<String, String>,
}

struct Loader<'a> {
    sources: &'a mut SourceMap,
    ids: &'a mut ast::NodeIdGen,
    /// Whether standard function bodies are left unparsed until the
    /// checker reaches them (see `reach`).
    lazy_bodies: bool,
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
    lazy_bodies: bool,
) -> Vec<PkgSrc> {
    let mut l = Loader {
        sources,
        ids,
        lazy_bodies,
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
                ast::Item::Decl(d) => walk::decl(&mut names, d, 0),
                ast::Item::Stmt(s) => walk::stmt(&mut names, s, 0),
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
        l.visit(p);
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

    /// Loads `path` and its imports, if the importer has it; appends them
    /// to `out` in post-order. (The importer copies a package's text each
    /// time it is asked: it is asked once.)
    fn visit(&mut self, path: &str) {
        if self.state.contains_key(path) {
            return;
        }
        let Some(srcs) = self.importer.package(path) else {
            return;
        };
        self.state.insert(path.to_string(), false);
        let mut files = Vec::new();
        for (name, text) in srcs {
            // The importer names the file as diagnostics should show it.
            let id = self.sources.add(name, text);
            let f = self.sources.file(id);
            let (ast, mut d) = crate::parser::parse_file_with(
                &f.text,
                f.base,
                FileKind::Std,
                self.ids,
                self.lazy_bodies,
            );
            self.diags.append(&mut d);
            files.push(ParsedFile {
                file: id,
                kind: FileKind::Std,
                ast,
                session: None,
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
                None => self.visit(imp),
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
/// as selector operands. Types count: a package named only in a type
/// (`var b bytes.Buffer`) is still used.
pub(crate) struct Names {
    pub(crate) all: bool,
    pub(crate) set: HashSet<String>,
}

impl Visitor for Names {
    const TYPES: bool = true;

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(id) if self.all => {
                self.set.insert(id.name.clone());
            }
            ExprKind::Selector(x, _) if !self.all => {
                if let ExprKind::Ident(id) = &x.kind {
                    self.set.insert(id.name.clone());
                }
            }
            _ => {}
        }
    }
}

/// Every identifier in an expression.
pub(crate) fn idents_of_expr(e: &Expr) -> HashSet<String> {
    let mut n = Names {
        all: true,
        set: HashSet::new(),
    };
    walk::expr(&mut n, e, 0);
    n.set
}
