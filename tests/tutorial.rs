//! A collection of tutorial-style programs (`tests/tutorial/NAME.go`, one
//! topic each: JSON round trips, time formatting, a regexp scanner,
//! sorting, reading a file line by line, signals ...), each run under
//! `gol run`: its stdout must equal `NAME.out`, made by native Go
//! (`go run`), with exit status 0 and nothing on stderr, as Go's.

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;
use std::process::Command;

fn main() {
    let args = Arguments::from_args();
    let dir = common::root().join("tests/tutorial");
    let trials = common::files_with(&dir, &[".go"])
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            Trial::test(format!("tutorial/{name}"), move || run_one(&p))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn run_one(p: &Path) -> Result<(), Failed> {
    let want = std::fs::read_to_string(p.with_extension("out"))
        .map_err(|e| format!("no expected output: {e}"))?;
    let out = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(p)
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    let got = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    if got != want || !out.status.success() || !err.is_empty() {
        return Err(format!(
            "exit {:?}\n--- stdout\n{got}\n--- want\n{want}\n--- stderr\n{err}",
            out.status.code()
        )
        .into());
    }
    Ok(())
}
