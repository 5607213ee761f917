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

/// The trial that stands for Go's test programs when they are not
/// installed: it fails under CI (which installs them) and is ignored
/// elsewhere.
pub fn go_test_dir_absent() -> libtest_mimic::Trial {
    let t = libtest_mimic::Trial::test("go_test_dir_present", || {
        Err("Go's test programs are not installed (apt-get install golang-1.19-src)".into())
    });
    t.with_ignored_flag(!in_ci())
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

/// Whether one `// +build` line of a Go test program holds on the
/// platform the reference Go runs on here (linux/amd64, the gc toolchain):
/// space-separated alternatives, each a comma-separated conjunction of
/// tags, a tag negated by a leading `!`.
pub fn build_line_holds(expr: &str) -> bool {
    const TAGS: [&str; 4] = ["linux", "amd64", "gc", "unix"];
    expr.split_whitespace().any(|alt| {
        alt.split(',').all(|term| match term.strip_prefix('!') {
            Some(tag) => !TAGS.contains(&tag),
            None => TAGS.contains(&term),
        })
    })
}

/// Runs `cmd` with stdin closed and its stdout captured, killing it past
/// `limit`: its exit status and stdout, or why it gave none (a hang
/// included).
pub fn output_within(
    cmd: &mut std::process::Command,
    limit: std::time::Duration,
) -> Result<(std::process::ExitStatus, String), String> {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    cmd.stdin(Stdio::null()).stdout(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let mut reader = child.stdout.take().ok_or("no pipe")?;
    let drain = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = reader.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                let out = drain.join().unwrap_or_default();
                return Err(format!(
                    "no end after {limit:?}\n{}",
                    String::from_utf8_lossy(&out)
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    let out = drain.join().map_err(|_| "output reader died")?;
    Ok((status, String::from_utf8_lossy(&out).into_owned()))
}

/// A table of programs that do not pass, as markdown: one section per
/// class (`(class, title)`, in that order, empty ones left out) listing
/// `(program, class, reason)` rows.
pub fn gap_sections(classes: &[(&str, &str)], rows: &[(&str, &str, &str)]) -> String {
    let mut s = String::new();
    for &(class, title) in classes {
        let rows: Vec<_> = rows.iter().filter(|r| r.1 == class).collect();
        if rows.is_empty() {
            continue;
        }
        s.push_str(&format!("\n## {title} ({})\n\n", rows.len()));
        s.push_str("| program | why |\n|---|---|\n");
        for (file, _, why) in rows {
            s.push_str(&format!("| `{file}` | {} |\n", why.replace('|', "\\|")));
        }
    }
    s
}

/// A file generated from a test's tables (`name` at the repository's
/// top) must hold `want`; under `GOL_BLESS=1` it is rewritten instead.
/// `bless` is the command that rewrites it, for the failure message.
pub fn generated_file(name: &str, want: &str, bless: &str) -> Result<(), String> {
    let path = root().join(name);
    if std::env::var_os("GOL_BLESS").is_some() {
        return std::fs::write(&path, want).map_err(|e| format!("{}: {e}", path.display()));
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want {
        return Err(format!(
            "{} is not what its table says (rewrite it: {bless})",
            path.display()
        ));
    }
    Ok(())
}

/// Whether a run of gol crashed gol itself rather than ended as a Go
/// program (or Go's compiler) does: a signal (SIGSEGV, SIGABRT, ...), a
/// Rust panic, or a fault that gol caught and reported the way Go's
/// runtime does. `out` is what it printed.
pub fn crash(status: std::process::ExitStatus, out: &str) -> Option<String> {
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = status.signal() {
        return Some(format!("killed by signal {sig}"));
    }
    if let Some(c @ (101 | 134 | 139)) = status.code() {
        return Some(format!("exit status {c}"));
    }
    if out.contains("' panicked at ") {
        return Some("a Rust panic".into());
    }
    if out.contains("unexpected fault address") {
        return Some("a memory fault inside gol".into());
    }
    None
}
