//! Output and resource limits, as a user sees them from Go: what a program
//! printed is on its file descriptor when the print returns (a signal
//! loses nothing), a broken pipe kills the program with SIGPIPE, a failed
//! write is an error value, an impossible allocation is a fast fatal
//! error, and a fault inside gol is reported loudly with status 2, with
//! the stack of the goroutine it interrupted.
//!
//! The programs are in `tests/output`; the expected texts come from
//! running them under native Go 1.27.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

fn prog(name: &str) -> PathBuf {
    common::root().join("tests/output").join(name)
}

fn gol_run(name: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gol"));
    c.arg("run").arg(prog(name));
    c
}

/// Waits for `child` at most `limit`; kills it and fails the test past it.
fn wait_for(child: &mut Child, limit: Duration, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return st;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The first line the child writes to its piped stdout, or a failure if
/// none arrives within `limit` (buffered output never arrives while the
/// program runs).
fn first_line(child: &mut Child, limit: Duration) -> String {
    let out = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(out).read_line(&mut line);
        let _ = tx.send(line);
    });
    match rx.recv_timeout(limit) {
        Ok(line) => line,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("no output within {limit:?}: the print did not reach stdout when it returned");
        }
    }
}

fn signal(child: &Child, sig: libc::c_int) {
    // SAFETY: kill(2) on our own child's pid touches no memory.
    let r = unsafe { libc::kill(child.id() as libc::pid_t, sig) };
    assert_eq!(r, 0, "kill failed");
}

/// A print shows on a pipe as soon as it returns, and a program killed by
/// SIGTERM or SIGINT keeps what it printed and dies of the signal, as a Go
/// program without handlers does (the shell shows 143 and 130).
#[test]
fn output_survives_sigterm_and_sigint() {
    use std::os::unix::process::CommandExt;
    for sig in [libc::SIGTERM, libc::SIGINT] {
        let mut cmd = gol_run("sleep.go");
        // A test run from a background job of a non-interactive shell
        // inherits SIGINT ignored, and a Go program keeps an inherited
        // ignore (as gol does): give the child the default disposition
        // a terminal user's program has.
        // SAFETY: signal(2) is async-signal-safe, as pre_exec requires.
        unsafe {
            cmd.pre_exec(|| {
                libc::signal(libc::SIGINT, libc::SIG_DFL);
                libc::signal(libc::SIGTERM, libc::SIG_DFL);
                Ok(())
            });
        }
        let mut child = cmd.stdout(Stdio::piped()).spawn().expect("run gol");
        let line = first_line(&mut child, Duration::from_secs(20));
        assert_eq!(line, "start\n");
        signal(&child, sig);
        let st = wait_for(&mut child, Duration::from_secs(10), "killed program");
        assert_eq!(st.signal(), Some(sig), "status {st}");
    }
}

/// `gol run yes.go | head -1`: the program dies of SIGPIPE as soon as the
/// reader is gone, as Go's does.
#[test]
fn a_closed_pipe_kills_with_sigpipe() {
    let mut child = gol_run("yes.go")
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gol");
    let line = first_line(&mut child, Duration::from_secs(20));
    assert_eq!(line, "y\n");
    // `first_line` dropped the read end when its thread ended.
    let st = wait_for(&mut child, Duration::from_secs(10), "yes.go after head");
    assert_eq!(st.signal(), Some(libc::SIGPIPE), "status {st}");
}

/// Writes to a full device return Go's error: `n` 0 and `write
/// /dev/stdout: no space left on device`, for fmt's printers and
/// os.Stdout's methods alike.
#[test]
fn a_failed_write_is_an_error_value() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = gol_run("full.go")
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("run gol");
    let want = std::fs::read_to_string(prog("full.stderr")).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), want);
    assert!(out.status.success(), "status {}", out.status);
}

/// `make([]int, 1<<40)` (8 TiB) is Go's `fatal error: runtime: out of
/// memory` within a moment, after the line printed before it.
#[test]
fn an_impossible_allocation_fails_fast() {
    let start = Instant::now();
    let mut child = gol_run("oom.go")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gol");
    let st = wait_for(&mut child, Duration::from_secs(15), "make([]int, 1<<40)");
    let elapsed = start.elapsed();
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(out, "before\n");
    assert_eq!(
        err.lines().next(),
        Some("fatal error: runtime: out of memory")
    );
    assert_eq!(st.code(), Some(2), "status {st}");
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

/// `make([]int, 1<<N)`: up to Go's 2^48-byte bound a fatal error (with
/// Go's `cannot allocate` line first when no address space can hold the
/// block), beyond it the recoverable makeslice panic; each after the line
/// printed before it, with status 2. First lines from Go 1.27.
#[test]
fn make_fails_as_go_at_each_size() {
    let fatal = "fatal error: runtime: out of memory";
    let cannot = "runtime: out of memory: cannot allocate ";
    let panic = "panic: runtime error: makeslice: len out of range";
    for (shift, first, second) in [
        ("40", fatal, None),
        ("44", cannot, Some(fatal)),
        ("45", cannot, Some(fatal)),
        ("46", panic, None),
        ("62", panic, None),
    ] {
        let mut child = gol_run("makeslice.go")
            .arg(shift)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run gol");
        let st = wait_for(&mut child, Duration::from_secs(15), "make");
        let mut out = String::new();
        let mut err = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert_eq!(out, "before\n", "1<<{shift}");
        let mut lines = err.lines();
        assert!(
            lines.next().is_some_and(|l| l.starts_with(first)),
            "1<<{shift}: {err}"
        );
        if let Some(second) = second {
            assert_eq!(lines.next(), Some(second), "1<<{shift}: {err}");
        }
        assert_eq!(st.code(), Some(2), "1<<{shift}: status {st}");
    }
}

/// A SIGSEGV, SIGBUS or SIGQUIT sent to gol is reported as Go reports it
/// (the signal's name, then the interrupted PC), with exit status 2, not a
/// silent 139 (or 131 and a core dump for SIGQUIT).
#[test]
fn a_fatal_signal_is_loud() {
    for (sig, name) in [
        (libc::SIGSEGV, "SIGSEGV: segmentation violation"),
        (libc::SIGBUS, "SIGBUS: bus error"),
        (libc::SIGQUIT, "SIGQUIT: quit"),
    ] {
        let mut child = gol_run("sleep.go")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run gol");
        assert_eq!(first_line(&mut child, Duration::from_secs(20)), "start\n");
        signal(&child, sig);
        let st = wait_for(&mut child, Duration::from_secs(10), "signalled gol");
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let mut lines = err.lines();
        assert_eq!(lines.next(), Some(name), "stderr: {err}");
        assert!(
            lines.next().is_some_and(|l| l.starts_with("PC=0x")),
            "stderr: {err}"
        );
        assert_eq!(st.code(), Some(2), "status {st}");
    }
}

/// A real fault: gol's own stack overflowing its guard page (a 900-deep
/// expression compiled on a 32 KiB main-thread stack) is reported as Go
/// reports an unexpected fault, with exit status 2, instead of Rust's
/// stack-overflow abort (status 134).
#[test]
fn a_fault_inside_gol_is_loud() {
    let dir = std::env::temp_dir().join(format!("gol-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = common::deep_expression_program(&dir);
    let (err, status) = common::gol_on_small_stack(&file, "");
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines
            .first()
            .is_some_and(|l| l.starts_with("unexpected fault address 0x")),
        "stderr: {err}"
    );
    assert_eq!(lines.get(1), Some(&"fatal error: fault"), "stderr: {err}");
    assert!(
        lines
            .get(2)
            .is_some_and(|l| l.starts_with("[signal SIGSEGV: segmentation violation code=0x")),
        "stderr: {err}"
    );
    assert!(err.contains("stack overflowed"), "stderr: {err}");
    assert_eq!(status, 2, "status {status}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fault on a thread that runs a goroutine reports that goroutine's
/// stack after the header, as Go does. The fault is a SIGSEGV sent to the
/// thread that runs the spinning goroutine (the one with the most CPU
/// time): the handler takes the same path for it, then exits with
/// status 2.
#[cfg(target_os = "linux")]
#[test]
fn a_signal_on_a_running_goroutine_prints_its_stack() {
    let mut child = gol_run("spin.go")
        .env("GOMAXPROCS", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gol");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .expect("read");
    assert_eq!(first, "spinning\n");
    // Let the goroutine's thread gather CPU time beyond every other's.
    std::thread::sleep(Duration::from_millis(500));
    let pid = child.id() as i32;
    let busiest = std::fs::read_dir(format!("/proc/{pid}/task"))
        .expect("tasks")
        .filter_map(|e| {
            let tid: i32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/stat")).ok()?;
            // Fields after the parenthesised name: utime is the 12th.
            let rest = &stat[stat.rfind(')')? + 2..];
            let utime: u64 = rest.split(' ').nth(11)?.parse().ok()?;
            Some((utime, tid))
        })
        .max()
        .expect("a thread")
        .1;
    // SAFETY: tgkill with a live process and one of its threads.
    unsafe { libc::syscall(libc::SYS_tgkill, pid, busiest, libc::SIGSEGV) };
    let st = wait_for(&mut child, Duration::from_secs(20), "gol after SIGSEGV");
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .expect("stderr");
    assert_eq!(st.code(), Some(2), "status {st}; stderr: {err}");
    assert!(
        err.starts_with("SIGSEGV: segmentation violation\nPC="),
        "stderr: {err}"
    );
    // Go's system level, which a fatal signal forces: `gp=` and the M.
    assert!(
        err.lines()
            .any(|l| l.starts_with("goroutine 1 gp=0x") && l.ends_with(" [running]:")),
        "stderr: {err}"
    );
    assert!(err.contains("\nmain.spin(...)\n\t"), "stderr: {err}");
    assert!(err.contains("spin.go:18 +0x"), "stderr: {err}");
}
