//! Every native of the standard library, loaded against its declaration in
//! `stdlib/go`: the check a program's load makes for the natives it uses
//! (gol_vm's `native::sig`), made here for all of them, so a declaration
//! edited without its native (or a native without its declaration) fails
//! CI rather than the first program that reaches it.
//!
//! The program compiled here references every native by name: for each
//! package, an extra file beside its declarations holds a variable
//! `EveryNative` listing them as func values (a method as its method
//! expression, `(*Mutex).Lock`), which also reaches the unexported natives
//! that no exported function calls; `main` uses each package's variable,
//! so the code generator keeps it.

use gol_lang::bytecode::Program;
use gol_lang::Importer;
use gol_stdlib::natives;
use gol_stdlib::StdImporter;
use gol_vm::{Native, Vm};
use std::collections::BTreeMap;

/// `("unicode/utf8", "RuneLen")` from `unicode/utf8.RuneLen`.
fn split(full: &str) -> (&str, &str) {
    let slash = full.rfind('/').map_or(0, |i| i + 1);
    let d = full[slash..].find('.').expect("a package-qualified name") + slash;
    (&full[..d], &full[d + 1..])
}

/// The standard packages with one more file each, referencing `names`.
struct Referencing {
    /// Import path to the Go expressions naming its natives.
    refs: BTreeMap<String, Vec<String>>,
}

impl Importer for Referencing {
    fn package(&self, path: &str) -> Option<Vec<(String, String)>> {
        let mut files = StdImporter.package(path)?;
        if let Some(refs) = self.refs.get(path) {
            let name = path.rsplit('/').next().unwrap_or(path);
            let mut text = format!("package {name}\n\nvar EveryNative = []any{{\n");
            for r in refs {
                text.push_str(&format!("\t{r},\n"));
            }
            text.push_str("}\n");
            files.push((format!("<gol>/{path}/zz_every_native.go"), text));
        }
        Some(files)
    }

    fn available(&self) -> Vec<String> {
        StdImporter.available()
    }
}

/// A program that uses every native of every table.
fn every_native() -> Program {
    let mut refs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (full, _) in natives::all() {
        let (pkg, short) = split(&full);
        refs.entry(pkg.to_string())
            .or_default()
            .push(short.to_string());
    }
    let mut main = String::from("package main\n\nimport (\n");
    for (k, pkg) in refs.keys().enumerate() {
        main.push_str(&format!("\tp{k} {pkg:?}\n"));
    }
    main.push_str(")\n\nfunc main() {\n");
    for k in 0..refs.len() {
        main.push_str(&format!("\t_ = p{k}.EveryNative\n"));
    }
    main.push_str("}\n");
    let imp = Referencing { refs };
    let checked = gol_lang::check_sources(vec![("every_native.go".into(), main)], &imp);
    let Some(prog) = &checked.program else {
        let msgs: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| format!("{d:?}"))
            .collect();
        panic!(
            "the program naming every native does not check:\n{}",
            msgs.join("\n")
        );
    };
    match gol_lang::codegen::compile(prog, &checked.sources) {
        Ok(p) => p,
        Err(d) => panic!("the program naming every native does not compile: {d:?}"),
    }
}

#[test]
fn every_native_states_the_signature_of_its_declaration() {
    let prog = every_native();
    // Every table entry is a bodyless declaration the program now calls
    // natively (a name with a Go body is no native: a stale entry).
    let declared: Vec<&str> = prog.natives.iter().map(|n| n.name.as_str()).collect();
    let stale: Vec<String> = natives::all()
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| !declared.contains(&n.as_str()))
        .collect();
    assert!(
        stale.is_empty(),
        "natives without a bodyless declaration: {stale:?}"
    );
    assert!(
        natives::all().len() > 300,
        "the tables are shorter than expected"
    );
    if let Err(e) = Vm::new(prog, &natives::resolve, natives::hooks()) {
        panic!("{e}");
    }
}

/// Loads the program with `strings.Count` stating `stated`.
fn load_with_count(stated: &'static str) -> Result<(), String> {
    let resolve = |name: &str| -> Option<Native> {
        let n = natives::resolve(name)?;
        Some(if name == "strings.Count" {
            Native::new(n.f, stated)
        } else {
            n
        })
    };
    Vm::new(every_native(), &resolve, natives::hooks()).map(|_| ())
}

#[test]
fn a_native_that_disagrees_with_its_declaration_is_refused_at_load() {
    let e = load_with_count("func(s string, n int) int").unwrap_err();
    for part in ["strings.Count", "parameter 1 (n)", "`string`", "`int`"] {
        assert!(e.contains(part), "{part:?} missing from: {e}");
    }
    let e = load_with_count("func(s, substr string) bool").unwrap_err();
    assert!(e.contains("result 0") && e.contains("`bool`"), "{e}");
    let e = load_with_count("func(s string) int").unwrap_err();
    assert!(e.contains("2 parameters"), "{e}");
    let e = load_with_count("func(s string, a ...string) int").unwrap_err();
    assert!(e.contains("parameter 1"), "{e}");
    let e = load_with_count("func(s, substr strin").unwrap_err();
    assert!(e.contains("cannot read"), "{e}");
    // Go's grouping and aliases name the same signature.
    load_with_count("func(s, substr string) (n int)").unwrap();
}
