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
