//! Every standard package type-checks, bodies included. A program's
//! check skips the standard bodies it cannot reach (lang's `check/reach.rs`),
//! so an error in one of them would otherwise surface only in the first
//! program that reaches it: this test checks them all.

use gol_lang::check::StdBodies;
use gol_lang::Importer;
use gol_stdlib::StdImporter;

#[test]
fn every_standard_body_checks() {
    let mut main = String::from("package main\n\nimport (\n");
    for p in StdImporter.available() {
        main.push_str(&format!("\t_ {p:?}\n"));
    }
    main.push_str(")\n\nfunc main() {}\n");
    let checked =
        gol_lang::check_sources_with(vec![("all.go".into(), main)], &StdImporter, StdBodies::All);
    let msgs: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| gol_lang::diag::render_plain(&checked.sources, std::slice::from_ref(d)))
        .collect();
    assert!(msgs.is_empty(), "{}", msgs.join("\n"));
    assert!(checked.program.is_some());
}

/// Every standard file parsed with lazy bodies (as a program's check
/// parses them), each skipped body then parsed on its own, is the file
/// parsed whole: the same tree, the bodies at the same places, no errors.
#[test]
fn every_lazy_body_parses_as_in_the_whole_file() {
    use gol_lang::ast::{Decl, Item, NodeIdGen};
    use gol_lang::parser::{dump, parse_body, parse_file, parse_file_with};
    use gol_lang::FileKind;
    let mut skipped = 0;
    for p in StdImporter.available() {
        for (name, text) in StdImporter.package(&p).unwrap_or_default() {
            let mut ids = NodeIdGen::new();
            let base = 100;
            let (whole, d) = parse_file(&text, base, FileKind::Std, &mut ids);
            assert!(d.is_empty(), "{name}: {d:?}");
            let (mut lazy, d) = parse_file_with(&text, base, FileKind::Std, &mut ids, true);
            assert!(d.is_empty(), "{name}: {d:?}");
            for (item, w) in lazy.items.iter_mut().zip(&whole.items) {
                let (Item::Decl(Decl::Func(f)), Item::Decl(Decl::Func(wf))) = (item, w) else {
                    continue;
                };
                if !f.lazy {
                    continue;
                }
                skipped += 1;
                let (b, d) = parse_body(&text, base, f, &mut ids);
                assert!(d.is_empty(), "{name}: {}: {d:?}", f.name.name);
                let wb = wf.body.as_ref().map(|b| (b.span, b.stmts.len()));
                assert_eq!(Some((b.span, b.stmts.len())), wb, "{name}: {}", f.name.name);
                f.body = Some(b);
                f.lazy = false;
            }
            assert_eq!(dump::file(&lazy), dump::file(&whole), "{name}");
        }
    }
    // Most standard bodies are skipped (not only a few).
    assert!(skipped > 1000, "{skipped} bodies skipped");
}
