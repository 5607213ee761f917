//! `gol run -explore=N FILE`: a search over seeded schedules.
//!
//! Each try is a seeded run (`-sched=pct:SEED,DEPTH`, the VM's
//! sched/seeded.rs) of the same program in a child `gol` process, so a run
//! that panics, deadlocks or exits cannot disturb the search, and its
//! output is captured whole. The first schedule that ends with a failing
//! status (a race report's 66, a panic's or deadlock's 2, any other
//! non-zero status, a signal) stops the search: its output is replayed
//! to this process's stdout and stderr, followed by the one command line
//! that reproduces it.
//!
//! Seeds are tried in order from the start seed (1, or `-sched`'s), on as
//! many workers as there are CPUs; a failure at seed `s` stops every
//! worker from taking seeds above `s`, and the lowest failing seed is the
//! one reported. So the answer does not depend on the workers' timing:
//! the same N finds the same seed.

use gol::SchedSpec;
use std::io::Write;
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// One failing try: its schedule, status text, exit code and output.
struct Found {
    spec: SchedSpec,
    status: String,
    code: u8,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs the search; the status is the failing run's, or 0.
pub fn run(race: bool, start: Option<SchedSpec>, n: u64, file: &str, args: &[String]) -> ExitCode {
    let start = start.unwrap_or(SchedSpec {
        policy: gol::Policy::Pct { depth: 3 },
        seed: 1,
    });
    if n == 0 {
        eprintln!("gol: -explore needs at least one schedule");
        return ExitCode::from(2);
    }
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("gol: cannot find the gol binary to run schedules: {e}");
            return ExitCode::from(2);
        }
    };
    let spec_at = |i: u64| SchedSpec {
        policy: start.policy,
        seed: start.seed.wrapping_add(i),
    };
    let next = AtomicU64::new(0);
    // Tries at or above this index are not needed any more.
    let limit = AtomicU64::new(n);
    let found: Mutex<Option<(u64, Found)>> = Mutex::new(None);
    let spawn_error: Mutex<Option<String>> = Mutex::new(None);
    let workers = std::thread::available_parallelism()
        .map_or(1, |c| c.get())
        .min(n as usize);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= limit.load(Ordering::Acquire) {
                    return;
                }
                let spec = spec_at(i);
                let mut cmd = Command::new(&exe);
                cmd.arg("run");
                if race {
                    cmd.arg("--race");
                }
                cmd.arg(format!("--sched={spec}")).arg(file).args(args);
                let out = match cmd.stdin(Stdio::null()).output() {
                    Ok(o) => o,
                    Err(e) => {
                        *spawn_error.lock().unwrap_or_else(|e| e.into_inner()) =
                            Some(e.to_string());
                        limit.store(0, Ordering::Release);
                        return;
                    }
                };
                let st = out.status;
                if st.success() {
                    continue;
                }
                let (status, code) = match st.code() {
                    Some(c) => (format!("exit status {c}"), c.clamp(0, 255) as u8),
                    None => {
                        use std::os::unix::process::ExitStatusExt;
                        let sig = st.signal().unwrap_or(0);
                        (format!("signal {sig}"), (128 + sig).clamp(0, 255) as u8)
                    }
                };
                limit.fetch_min(i, Ordering::AcqRel);
                let mut f = found.lock().unwrap_or_else(|e| e.into_inner());
                if f.as_ref().is_none_or(|(j, _)| i < *j) {
                    *f = Some((
                        i,
                        Found {
                            spec,
                            status,
                            code,
                            stdout: out.stdout,
                            stderr: out.stderr,
                        },
                    ));
                }
            });
        }
    });
    if let Some(e) = spawn_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        eprintln!("gol: cannot run a schedule: {e}");
        return ExitCode::from(2);
    }
    let last = spec_at(n - 1);
    match found.into_inner().unwrap_or_else(|e| e.into_inner()) {
        None => {
            eprintln!(
                "gol: {n} schedule{} ({} to {last}): no race, panic, deadlock or failing exit",
                if n == 1 { "" } else { "s" },
                spec_at(0)
            );
            ExitCode::SUCCESS
        }
        Some((i, f)) => {
            let _ = std::io::stdout().write_all(&f.stdout);
            let _ = std::io::stdout().flush();
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(&f.stderr);
            let mut replay = String::from("gol run");
            if race {
                replay.push_str(" -race");
            }
            replay.push_str(&format!(" -sched={} {}", f.spec, shell_quote(file)));
            for a in args {
                replay.push(' ');
                replay.push_str(&shell_quote(a));
            }
            let _ = writeln!(
                err,
                "gol: schedule {} of {n} ({}) ended with {}; replay it with:\n    {replay}",
                i + 1,
                f.spec,
                f.status
            );
            ExitCode::from(f.code)
        }
    }
}

/// `s` as one shell word.
fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,+@%".contains(&b));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
