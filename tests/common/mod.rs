//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes into `dir` a program whose 900-deep expression overflows gol's
/// own stack when compiled on a 32 KiB stack (`ulimit -s 32`): a real
/// fault inside gol. Returns its path.
pub fn deep_expression_program(dir: &Path) -> PathBuf {
    let depth = 900;
    let text = format!(
        "package main\n\nfunc main() {{\n\tx := {}1{}\n\tprintln(x)\n}}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let file = dir.join("deep.go");
    std::fs::write(&file, text).unwrap();
    file
}

/// Runs `gol run file` on a 32 KiB main-thread stack with no core
/// dump, with the environment assignments `env` (`"NAME=value ..."`):
/// its stderr, and its status as a shell shows it (128 + the signal).
pub fn gol_on_small_stack(file: &Path, env: &str) -> (String, i32) {
    use std::os::unix::process::ExitStatusExt;
    let script = format!(
        "ulimit -s 32 && ulimit -c 0 && {env} exec '{}' run '{}'",
        env!("CARGO_BIN_EXE_gol"),
        file.display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("run sh");
    let status = out.status;
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        status
            .code()
            .unwrap_or_else(|| 128 + status.signal().unwrap_or(0)),
    )
}

/// Files in `dir` whose names end with one of `exts`, sorted by name.
pub fn files_with(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                exts.iter().any(|e| n.ends_with(e))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

/// Type-checks one file in-process with the standard packages, as `gol check` does.
pub fn check_file(name: &str, text: String) -> gol_lang::Checked {
    gol_lang::check_sources(vec![(name.to_string(), text)], &gol_stdlib::StdImporter)
}

/// The diagnostics of a check, one per line in Go's `file:line:col: message` form.
pub fn one_lines(c: &gol_lang::Checked) -> String {
    c.diagnostics
        .iter()
        .map(|d| d.one_line(&c.sources))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where Go's own test programs are installed (Debian package golang-1.19-src).
pub fn go_test_dir() -> Option<PathBuf> {
    let p = std::env::var_os("GOL_GO_TEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/go-1.19/test"));
    p.is_dir().then_some(p)
}

/// Whether this is a CI run, where every prerequisite must be installed.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// The highest-numbered M of a running gol process whose thread exists
/// now, with that thread's id: Ms name their threads `gol-mN` (sched/m.rs),
/// which a test reads to send a signal to one M's thread (`tgkill`).
pub fn highest_m_thread(pid: i32) -> Option<(u64, i32)> {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .filter_map(|t| {
            let t = t.ok()?.path();
            let comm = std::fs::read_to_string(t.join("comm")).ok()?;
            let m: u64 = comm.trim().strip_prefix("gol-m")?.parse().ok()?;
            let tid: i32 = t.file_name()?.to_str()?.parse().ok()?;
            Some((m, tid))
        })
        .max()
}

/// The id of a thread of process `pid` named `name` (gol names its
/// runtime's threads: `gol-sysmon`, `gol-gc`, `gol-mN`).
pub fn thread_named(pid: i32, name: &str) -> Option<i32> {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .filter_map(|t| t.ok().map(|t| t.path()))
        .find(|t| std::fs::read_to_string(t.join("comm")).is_ok_and(|c| c.trim() == name))?
        .file_name()?
        .to_str()?
        .parse()
        .ok()
}
