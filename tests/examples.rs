//! Every example and every benchmark program type-checks clean.

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
    libtest_mimic::run(&args, trials).exit();
}
