//! Parses every `// run` program of Go's own test directories `ken/` and
//! `chan/` (installed with Debian's Go 1.19 sources) and requires zero
//! diagnostics. The programs are read in place, never copied.

use gol_lang::ast::NodeIdGen;
use gol_lang::parser::parse_file;
use gol_lang::source::SourceMap;
use gol_lang::FileKind;
use std::path::Path;

const ROOT: &str = "/usr/share/go-1.19/test";

fn parse_dir(dir: &str) -> usize {
    let path = Path::new(ROOT).join(dir);
    if !path.is_dir() {
        if std::env::var_os("CI").is_some() {
            panic!("{} is missing and CI is set", path.display());
        }
        eprintln!(
            "SKIPPED: {} not found (install golang-1.19-src to run this test)",
            path.display()
        );
        return 0;
    }
    let mut entries: Vec<_> = std::fs::read_dir(&path)
        .expect("readable test directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for p in entries {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        if !text.starts_with("// run") {
            continue;
        }
        count += 1;
        let mut sm = SourceMap::new();
        let name = p.display().to_string();
        let id = sm.add(name.clone(), text.clone());
        let base = sm.file(id).base;
        let mut ids = NodeIdGen::new();
        let (file, diags) = parse_file(&text, base, FileKind::Go, &mut ids);
        if !diags.is_empty() {
            for d in &diags {
                failures.push(d.one_line(&sm));
            }
        }
        assert!(file.package.is_some(), "{name}: no package clause parsed");
        assert!(!file.items.is_empty(), "{name}: no declarations parsed");
    }
    assert!(failures.is_empty(), "diagnostics:\n{}", failures.join("\n"));
    count
}

#[test]
fn ken_programs_parse_cleanly() {
    let n = parse_dir("ken");
    if Path::new(ROOT).join("ken").is_dir() {
        assert!(n > 20, "only {n} programs found");
    }
}

#[test]
fn chan_programs_parse_cleanly() {
    let n = parse_dir("chan");
    if Path::new(ROOT).join("chan").is_dir() {
        assert!(n > 5, "only {n} programs found");
    }
}
