//! Go's own `// run` programs of test/ken and test/chan (outside complex
//! numbers) must type-check clean against the test importer's fake
//! standard packages (they only import what the importer knows, or nothing).
mod check_util;

use std::path::Path;

fn programs(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.extension().and_then(|x| x.to_str()) != Some("go") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if first.trim() != "// run" && !first.trim().starts_with("// run ") {
            continue;
        }
        if text.contains("complex") || text.contains("real(") || text.contains("imag(") {
            continue;
        }
        out.push((p.display().to_string(), text));
    }
    out.sort();
    out
}

#[test]
fn go_test_programs_check_clean() {
    let root = "/usr/share/go-1.19/test";
    if !Path::new(root).exists() {
        eprintln!("Go's test programs are not installed; skipping");
        return;
    }
    let mut failures = Vec::new();
    let mut n = 0;
    for sub in ["ken", "chan"] {
        for (path, text) in programs(&format!("{root}/{sub}")) {
            n += 1;
            let c = check_util::check_files(&[(path.as_str(), text.as_str())]);
            // Imports of packages the test importer lacks are not the checker's fault.
            let errs: Vec<String> = c
                .diags
                .iter()
                .filter(|d| !d.message.contains("is not in std"))
                .map(|d| d.one_line(&c.sources))
                .collect();
            if !errs.is_empty() {
                failures.push(errs.join("\n"));
            }
        }
    }
    assert!(n > 20, "expected Go's test programs, found {n}");
    assert!(
        failures.is_empty(),
        "{} of {n} programs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn goto_rules() {
    // A backward goto, and a forward one out of a block: fine.
    check_util::assert_clean(
        "package main\n\nfunc main() {\n\ti := 0\nL:\n\ti++\n\tif i < 3 {\n\t\tgoto L\n\t}\n\t{\n\t\tgoto M\n\t}\nM:\n}\n",
    );
    let errs = check_util::go_errors(
        "package main\n\nfunc main() {\n\tgoto L\n\tx := 1\n\t_ = x\nL:\n}\n",
    );
    assert_eq!(
        errs,
        vec!["4:7: goto L jumps over declaration of x at main.go:5:4"]
    );
    let errs =
        check_util::go_errors("package main\n\nfunc main() {\n\tgoto L\n\t{\n\tL:\n\t}\n}\n");
    assert_eq!(
        errs,
        vec!["4:7: goto L jumps into block starting at main.go:5:2"]
    );
}
