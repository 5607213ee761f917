//! Goroutine dumps and leaks, end to end.
//!
//! * `GOTRACEBACK`: the programs of `tests/dumps` (a panic, a fatal
//!   error, a deadlock, each with other goroutines waiting) run at every
//!   level; stdout, the first line of stderr and the exit status must be
//!   native Go's (`tests/dumps/gen.sh` records them; `crash` dies of
//!   SIGABRT, 134 in a shell), and so must the goroutines shown: per
//!   goroutine of the program (Go's own runtime goroutines left out), its
//!   status or wait reason and its innermost frame of package main with
//!   that frame's line, as a multiset.
//!   `breakpoint_others` dies of `runtime.Breakpoint`'s SIGTRAP, which
//!   Go reports as every fatal signal: every goroutine at the system
//!   level, whatever the level, and SIGABRT under `crash`.
//! * SIGQUIT: `quit.go` is signalled once it printed `start`; the same
//!   comparison, plus Go's `PC=` line. Sent to one M's thread (`tgkill`),
//!   the `PC=` line names that M (`m=N`), as Go names the thread's M.
//!   The same for a SIGSEGV, SIGBUS or SIGTRAP sent by `kill` (not a
//!   fault: Go reports it as SIGQUIT, with the `addr=` of SIGSEGV and
//!   SIGBUS), under `none` and `crash`.
//! * Leaks: each program of `tests/leaks` runs with
//!   `GODEBUG=leakcheck=1`; its stdout must be Go's (`NAME.out`, from
//!   `go run`) and its reports exactly the goroutines its source marks
//!   with `// LEAK <wait reason> [xN] [(at exit)]` on the line it blocks
//!   in: each once, with that reason and line, found at a collection or,
//!   for `(at exit)`, only after main returned. Without the setting the
//!   same program prints nothing on stderr.

mod common;

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const LEVELS: [&str; 5] = ["none", "single", "all", "system", "crash"];

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for prog in [
        "panic_others",
        "fatal_others",
        "deadlock_all",
        "breakpoint_others",
    ] {
        for level in LEVELS {
            trials.push(Trial::test(
                format!("gotraceback/{prog}/{level}"),
                move || gotraceback(prog, level),
            ));
        }
    }
    for level in ["single", "crash"] {
        trials.push(Trial::test(format!("sigquit/{level}"), move || {
            sent(libc::SIGQUIT, level, format!("quit.{level}"))
        }));
    }
    for (sig, name) in [
        (libc::SIGSEGV, "SEGV"),
        (libc::SIGBUS, "BUS"),
        (libc::SIGTRAP, "TRAP"),
    ] {
        for level in ["none", "crash"] {
            trials.push(Trial::test(format!("sent/{name}/{level}"), move || {
                sent(sig, level, format!("quit.{name}.{level}"))
            }));
        }
    }
    trials.push(Trial::test("sigquit/on-an-m-thread", sigquit_on_an_m));
    trials.push(Trial::test("sigquit/on-sysmon", sigquit_on_sysmon));
    for p in common::files_with(&common::root().join("tests/leaks"), &[".go"]) {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        trials.push(Trial::test(format!("leaks/{name}"), move || leaks(&p)));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn dir() -> PathBuf {
    common::root().join("tests/dumps")
}

fn read(p: PathBuf) -> String {
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A shell's view of an exit status: the code, or 128 + the signal.
fn shell_status(st: ExitStatus) -> i32 {
    st.code().unwrap_or_else(|| 128 + st.signal().unwrap_or(0))
}

/// One goroutine of a dump: its status or wait reason, whether Go's
/// `gp=`/`m=` fields are there and say it is on an M (`m=N`) or not
/// (`m=nil`), and its innermost frame of package main, with that frame's
/// file name and line. A goroutine shown twice counts once (Go's signal
/// handler may print the signalled thread's goroutine, then print it
/// again among the others).
fn goroutines(stderr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut lines = stderr.lines().peekable();
    while let Some(l) = lines.next() {
        let Some(rest) = l.strip_prefix("goroutine ") else {
            continue;
        };
        let id = rest.split(' ').next().unwrap_or("");
        if id != "0" && !seen.insert(id.to_string()) {
            continue;
        }
        let Some(open) = rest.find('[') else { continue };
        let state = rest[open + 1..].trim_end_matches(':').trim_end_matches(']');
        // Go's system-level fields: `gp=0x...` and `m=nil` or `m=N
        // mp=0x...`; the addresses and the M's number are the process's
        // own, whether the goroutine is on an M is not.
        let fields: Vec<&str> = rest[..open].split_whitespace().skip(1).collect();
        let on = match fields.as_slice() {
            [] => "",
            [gp, "m=nil"] if gp.starts_with("gp=0x") => " m=nil",
            [gp, m, mp]
                if gp.starts_with("gp=0x")
                    && m.strip_prefix("m=")
                        .is_some_and(|n| n.parse::<u32>().is_ok())
                    && mp.starts_with("mp=0x") =>
            {
                " m=N"
            }
            f => panic!("bad goroutine header fields {f:?} in {l:?}"),
        };
        let mut frame = None;
        while let Some(f) = lines.peek() {
            if f.is_empty() || f.starts_with("goroutine ") {
                break;
            }
            let f = lines.next().unwrap();
            if frame.is_none() && f.starts_with("main.") {
                let name = f.rsplit_once('(').map_or(f, |(n, _)| n);
                let loc = lines.next().unwrap_or("");
                let loc = loc.trim().split(' ').next().unwrap_or("");
                let file = loc.rsplit('/').next().unwrap_or(loc);
                frame = Some(format!("{name} {file}"));
            }
        }
        // Go's own goroutines (GC workers, finalizers) run no main code.
        if let Some(f) = frame {
            out.push(format!("[{state}]{on} {f}"));
        }
    }
    out.sort();
    out
}

fn gol(prog: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gol"));
    c.arg("run").arg(prog);
    c.env_remove("GODEBUG").env_remove("GOTRACEBACK");
    c
}

fn compare(
    what: &str,
    out: &[u8],
    err: &str,
    status: i32,
    want_out: &str,
    want_err: &str,
    want_status: i32,
) -> Result<(), Failed> {
    let mut problems = Vec::new();
    if String::from_utf8_lossy(out) != want_out {
        problems.push(format!(
            "stdout: {:?}, want {want_out:?}",
            String::from_utf8_lossy(out)
        ));
    }
    if err.lines().next() != want_err.lines().next() {
        problems.push(format!(
            "first line of stderr: {:?}, want {:?}",
            err.lines().next(),
            want_err.lines().next()
        ));
    }
    if status != want_status {
        problems.push(format!("status {status}, want {want_status}"));
    }
    let (got, want) = (goroutines(err), goroutines(want_err));
    if got != want {
        problems.push(format!("goroutines {got:#?}\nwant {want:#?}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{what}: {}\n--- stderr\n{err}", problems.join("\n")).into())
    }
}

fn gotraceback(prog: &str, level: &str) -> Result<(), Failed> {
    let d = dir();
    let out = gol(&d.join(format!("{prog}.go")))
        .env("GOTRACEBACK", level)
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    let want_status: i32 = read(d.join(format!("{prog}.{level}.code")))
        .trim()
        .parse()
        .unwrap();
    compare(
        &format!("GOTRACEBACK={level}"),
        &out.stdout,
        &String::from_utf8_lossy(&out.stderr),
        shell_status(out.status),
        &read(d.join(format!("{prog}.{level}.out"))),
        &read(d.join(format!("{prog}.{level}.err"))),
        want_status,
    )
}

/// quit.go running under `GOTRACEBACK=level` (and `GOMAXPROCS=procs`),
/// past its first line and at its sleep, ready for a SIGQUIT.
struct Quit {
    child: std::process::Child,
    /// Open and silent: one goroutine waits in a read of it.
    _stdin: Option<std::process::ChildStdin>,
    stdout: BufReader<std::process::ChildStdout>,
    first: String,
}

fn start_quit(level: &str, procs: Option<&str>) -> Result<Quit, Failed> {
    let mut cmd = gol(&dir().join("quit.go"));
    cmd.env("GOTRACEBACK", level);
    if let Some(n) = procs {
        cmd.env("GOMAXPROCS", n);
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    let _stdin = child.stdin.take();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).map_err(|e| e.to_string())?;
    // Let main reach its sleep (gen.sh waits as long).
    std::thread::sleep(Duration::from_millis(300));
    Ok(Quit {
        child,
        _stdin,
        stdout,
        first,
    })
}

/// quit.go under `GOTRACEBACK=level`, sent signal `sig` by `kill`
/// once it printed `start`: compared with Go's `stem.{out,err,code}`,
/// and Go's `PC=` line (`m=0 sigcode=0`: SI_USER; a fault address for
/// SIGSEGV and SIGBUS) checked on both sides.
fn sent(sig: i32, level: &str, stem: String) -> Result<(), Failed> {
    let d = dir();
    let Quit {
        mut child,
        _stdin,
        mut stdout,
        first,
    } = start_quit(level, None)?;
    // SAFETY: kill(2) on our own child's pid touches no memory.
    unsafe { libc::kill(child.id() as libc::pid_t, sig) };
    let st = wait_after_sigquit(&mut child)?;
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).map_err(|e| e.to_string())?;
    let mut out = first.into_bytes();
    out.extend_from_slice(&rest);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .map_err(|e| e.to_string())?;
    let want_err = read(d.join(format!("{stem}.err")));
    let addr = sig == libc::SIGSEGV || sig == libc::SIGBUS;
    let pc = |s: &str| {
        s.lines().nth(1).is_some_and(|l| {
            l.starts_with("PC=0x") && l.contains(" m=0 sigcode=0") && l.contains(" addr=0x") == addr
        })
    };
    if !pc(&err) || !pc(&want_err) {
        return Err(format!("no `PC=0x... m=0 sigcode=0` line:\n{err}").into());
    }
    compare(
        &format!("signal {sig}, GOTRACEBACK={level}"),
        &out,
        &err,
        shell_status(st),
        &read(d.join(format!("{stem}.out"))),
        &want_err,
        read(d.join(format!("{stem}.code"))).trim().parse().unwrap(),
    )
}

/// The child's status once it ended after SIGQUIT (an error after 20 s).
fn wait_after_sigquit(child: &mut std::process::Child) -> Result<ExitStatus, Failed> {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            return Ok(st);
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            return Err("still running 20 s after SIGQUIT".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// SIGQUIT sent to the thread of one M: the dump's `PC=` line names it.
fn sigquit_on_an_m() -> Result<(), Failed> {
    sigquit_on_thread(|pid| {
        // The highest-numbered M's thread (M0 would not tell an M's
        // number from the main thread's 0).
        let (m, tid) = common::highest_m_thread(pid).ok_or("no thread of an M")?;
        if m == 0 {
            return Err("only M0 runs".into());
        }
        Ok((m, tid))
    })
}

/// SIGQUIT sent to sysmon's thread: `m=1`, as Go's sysmon is m1 (Go
/// 1.27 prints `m=1` for its second thread, sysmon, so signalled).
fn sigquit_on_sysmon() -> Result<(), Failed> {
    sigquit_on_thread(|pid| {
        let tid = common::thread_named(pid, "gol-sysmon").ok_or("no sysmon thread")?;
        Ok((1, tid))
    })
}

/// quit.go, and a SIGQUIT sent by `tgkill` to the thread `pick` chooses,
/// which must be named by the header's `m=` (the M id `pick` gives).
fn sigquit_on_thread(pick: impl Fn(i32) -> Result<(u64, i32), Failed>) -> Result<(), Failed> {
    // Stdin and stdout stay open until the end, as for `sigquit`.
    let Quit {
        mut child,
        _stdin,
        stdout: _stdout,
        ..
    } = start_quit("single", Some("2"))?;
    let pid = child.id() as libc::pid_t;
    let (m, tid) = match pick(pid) {
        Ok(t) => t,
        Err(e) => {
            let _ = child.kill();
            return Err(e);
        }
    };
    // SAFETY: tgkill(2) on a thread of our own child touches no memory.
    unsafe { libc::syscall(libc::SYS_tgkill, pid, tid, libc::SIGQUIT) };
    let st = wait_after_sigquit(&mut child)?;
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .map_err(|e| e.to_string())?;
    if shell_status(st) != 2 {
        return Err(format!("status {}:\n{err}", shell_status(st)).into());
    }
    // tgkill's signal code is SI_TKILL, -6, which Go prints unsigned.
    let want = format!(" m={m} sigcode=18446744073709551610");
    let mut lines = err.lines();
    if lines.next() != Some("SIGQUIT: quit")
        || !lines
            .next()
            .is_some_and(|l| l.starts_with("PC=0x") && l.ends_with(&want))
    {
        return Err(format!("no `PC=0x...{want}` line:\n{err}").into());
    }
    Ok(())
}

/// A goroutine a leak report shows: (wait reason, line of its innermost
/// frame of package main, found at exit).
type Leak = (String, u32, bool);

fn leaks(p: &Path) -> Result<(), Failed> {
    let src = read(p.to_path_buf());
    let mut want: Vec<Leak> = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let Some((_, m)) = line.split_once("// LEAK ") else {
            continue;
        };
        let at_exit = m.ends_with(" (at exit)");
        let m = m.trim_end_matches(" (at exit)");
        let (reason, n) = match m.rsplit_once(" x") {
            Some((r, n)) if n.parse::<usize>().is_ok() => (r, n.parse().unwrap()),
            _ => (m, 1),
        };
        for _ in 0..n {
            want.push((reason.to_string(), i as u32 + 1, at_exit));
        }
    }
    want.sort();
    let out = gol(p)
        .env("GODEBUG", "leakcheck=1")
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    let want_out = read(p.with_extension("out"));
    if String::from_utf8_lossy(&out.stdout) != want_out || !out.status.success() {
        return Err(format!(
            "status {}, stdout {:?}, want {want_out:?}\n{err}",
            out.status,
            String::from_utf8_lossy(&out.stdout)
        )
        .into());
    }
    let mut got: Vec<Leak> = Vec::new();
    let mut ids = Vec::new();
    let mut at_exit = false;
    let mut lines = err.lines();
    while let Some(l) = lines.next() {
        if let Some(rest) = l.strip_prefix("leakcheck: ") {
            at_exit = rest.contains(" at exit ");
            continue;
        }
        let Some(rest) = l.strip_prefix("goroutine ") else {
            continue;
        };
        let (id, head) = rest.split_once(' ').unwrap_or((rest, ""));
        ids.push(id.to_string());
        let Some(reason) = head
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(" (leaked)]:"))
        else {
            return Err(format!("not a leak report's header: {l}\n{err}").into());
        };
        let mut line_no = 0;
        while let Some(f) = lines.next() {
            if f.is_empty() {
                break;
            }
            if f.starts_with("main.") {
                let loc = lines.next().unwrap_or("");
                let loc = loc.trim().split(' ').next().unwrap_or("");
                line_no = loc
                    .rsplit(':')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                break;
            }
        }
        got.push((reason.to_string(), line_no, at_exit));
    }
    got.sort();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    if unique.len() != ids.len() {
        return Err(format!("a goroutine reported twice: {ids:?}\n{err}").into());
    }
    if got != want {
        return Err(format!("reported {got:#?}\nwant {want:#?}\n--- stderr\n{err}").into());
    }
    // Off, nothing is printed.
    let off = gol(p)
        .output()
        .map_err(|e| format!("cannot run gol: {e}"))?;
    if !off.stderr.is_empty() || off.stdout != out.stdout {
        return Err(format!(
            "without leakcheck: stderr {:?}",
            String::from_utf8_lossy(&off.stderr)
        )
        .into());
    }
    Ok(())
}
