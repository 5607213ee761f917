//! Go's own test programs (Debian package golang-1.19-src), used as they are
//! installed: every `// run` program of `test/ken/` and `test/chan/` must
//! type-check clean, except the ones that use complex numbers or `goto`,
//! which are outside gol's subset (gol rejects both with a clear error).
//!
//! Where the package is missing the tests fail under CI (which installs
//! it) and are reported as ignored elsewhere.

mod common;

use libtest_mimic::{Arguments, Trial};
use std::path::Path;

/// Whether a Go test file is a `// run` program: its first non-blank line
/// is `// run` (possibly with arguments), as Go's test driver reads it.
pub fn is_run_program(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.trim() == "// run" || l.trim().starts_with("// run "))
}

/// Programs that use complex numbers or `goto`, which gol rejects by design.
/// Comments are skipped: `// No complex numbers though.` is no use of them.
fn outside_subset(text: &str) -> bool {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or("").trim_start())
        .any(|code| {
            code.contains("complex")
                || code.contains("real(")
                || code.contains("imag(")
                || code.starts_with("goto ")
        })
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    match common::go_test_dir() {
        None => {
            let t = Trial::test("go_test_dir_present", || {
                Err("Go's test programs are not installed (apt-get install golang-1.19-src)".into())
            });
            trials.push(if common::in_ci() {
                t
            } else {
                t.with_ignored_flag(true)
            });
        }
        Some(dir) => {
            for sub in ["ken", "chan"] {
                for p in common::files_with(&dir.join(sub), &[".go"]) {
                    let Ok(text) = std::fs::read_to_string(&p) else {
                        continue;
                    };
                    if !is_run_program(&text) || outside_subset(&text) {
                        continue;
                    }
                    let name = format!("check/{sub}/{}", p.file_name().unwrap().to_string_lossy());
                    trials.push(Trial::test(name, move || check_clean(&p, text)));
                }
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

fn check_clean(path: &Path, text: String) -> Result<(), libtest_mimic::Failed> {
    let c = common::check_file(&path.display().to_string(), text);
    if c.diagnostics.is_empty() {
        Ok(())
    } else {
        Err(common::one_lines(&c).into())
    }
}
