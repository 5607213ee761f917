//! Every example and every benchmark program type-checks clean, and every
//! example with a `NAME.out` (its stdout under native Go) prints exactly
//! that under gol.

mod common;

use libtest_mimic::{Arguments, Trial};

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for dir in ["examples", "bench"] {
        for p in common::files_with(&common::root().join(dir), &[".gol"]) {
            let name = format!("check/{dir}/{}", p.file_name().unwrap().to_string_lossy());
            trials.push(Trial::test(name, move || {
                let text = std::fs::read_to_string(&p).map_err(|e| e.to_string())?;
                let c = common::check_file(&p.display().to_string(), text);
                if c.diagnostics.is_empty() {
                    Ok(())
                } else {
                    Err(common::one_lines(&c).into())
                }
            }));
        }
    }
    for p in common::files_with(&common::root().join("examples"), &[".gol"]) {
        let want = p.with_extension("out");
        if !want.exists() {
            continue;
        }
        let name = format!("run/examples/{}", p.file_name().unwrap().to_string_lossy());
        trials.push(Trial::test(name, move || {
            let want = std::fs::read_to_string(&want).map_err(|e| e.to_string())?;
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_gol"))
                .arg("run")
                .arg(&p)
                .output()
                .map_err(|e| e.to_string())?;
            let got = String::from_utf8_lossy(&out.stdout);
            if got == want {
                Ok(())
            } else {
                Err(format!(
                    "stdout differs from {}:\n--- got\n{got}\n--- stderr\n{}",
                    p.with_extension("out").display(),
                    String::from_utf8_lossy(&out.stderr)
                )
                .into())
            }
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}
