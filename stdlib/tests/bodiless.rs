//! Every function and method declared without a body in `stdlib/go` has a
//! native in a table of `gol_stdlib::natives`.
//!
//! A bodiless declaration is a promise that the VM implements it. A plain
//! function without a native fails when a program that calls it is
//! loaded; a method without one resolves to the stand-in that panics with
//! "gol does not implement X yet" when called (see the natives module's
//! docs). Either way the failure reaches only the program that uses it,
//! so this test parses every declaration file, names each bodiless
//! function the way the code generator names its native (`pkg.F`,
//! `pkg.T.M`, `pkg.(*T).M`) and looks it up in the tables. The tables'
//! statements of signature are checked against the declarations by
//! `natives.rs`, so together the two say every bodiless declaration runs
//! a native of its own signature.

use gol_lang::ast::{Decl, ExprKind, FuncDecl, Item, NodeIdGen};
use gol_lang::parser::parse_file;
use gol_lang::{FileKind, Importer};
use gol_stdlib::natives;
use gol_stdlib::StdImporter;

/// The receiver's type name with its pointer star, `(*T)` or `T`, as the
/// code generator spells a method's native (type parameters dropped).
fn receiver(f: &FuncDecl) -> Option<String> {
    let r = f.recv.as_ref()?;
    let (star, mut e) = match &r.ty.kind {
        ExprKind::Star(inner) => (true, &**inner),
        _ => (false, &r.ty),
    };
    loop {
        match &e.kind {
            ExprKind::Index(base, _) | ExprKind::IndexList(base, _) => e = base,
            ExprKind::Paren(inner) => e = inner,
            _ => break,
        }
    }
    let ExprKind::Ident(id) = &e.kind else {
        panic!("receiver type of {} is not a type name", f.name.name);
    };
    Some(if star {
        format!("(*{})", id.name)
    } else {
        id.name.clone()
    })
}

/// Every bodiless function of every standard package, by native name.
fn bodiless() -> Vec<String> {
    let mut out = Vec::new();
    for path in StdImporter.available() {
        let files = StdImporter.package(&path).expect("an available package");
        for (name, text) in files {
            let mut ids = NodeIdGen::new();
            let (file, diags) = parse_file(&text, 0, FileKind::Go, &mut ids);
            assert!(diags.is_empty(), "{name} does not parse: {diags:?}");
            for item in &file.items {
                let Item::Decl(Decl::Func(f)) = item else {
                    continue;
                };
                if f.body.is_some() {
                    continue;
                }
                out.push(match receiver(f) {
                    Some(r) => format!("{path}.{r}.{}", f.name.name),
                    None => format!("{path}.{}", f.name.name),
                });
            }
        }
    }
    out
}

/// Bodiless declarations known to have no native yet, each with why. The
/// test fails when one of them gains a native too, so the list only
/// shrinks.
const NOT_YET: &[(&str, &str)] = &[];

#[test]
fn every_bodiless_declaration_has_a_native() {
    let all = bodiless();
    // The declaration files hold hundreds of natives: an empty walk would
    // pass vacuously.
    assert!(
        all.len() > 300,
        "only {} bodiless functions found",
        all.len()
    );
    // A stand-in (a method without a native) states no signature.
    let (known, missing): (Vec<&String>, Vec<&String>) = all
        .iter()
        .filter(|n| natives::resolve(n).is_none_or(|nat| nat.sig.is_none()))
        .partition(|n| NOT_YET.iter().any(|(k, _)| k == n));
    let done: Vec<&str> = NOT_YET
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| !known.iter().any(|n| n == k))
        .collect();
    assert!(
        done.is_empty(),
        "no longer missing a native (remove from NOT_YET): {done:?}"
    );
    assert!(
        missing.is_empty(),
        "{} bodiless declarations in stdlib/go have no native:\n{}",
        missing.len(),
        missing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
