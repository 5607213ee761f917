//! Fatal errors of a program (Go's `fatal`): `tests/fatal/NAME.go` must
//! end as under native Go, with the same stdout, the same first line of
//! stderr and exit status 2, and, like Go's report, the stack of the
//! goroutine that died after a blank line. (The frames inside the standard
//! library differ between the two implementations, so the stack is checked
//! for its header and the program's own frames, not line by line.)

mod common;

use std::process::Command;

fn run(name: &str) -> (String, String, i32) {
    run_with(name, &[])
}

/// `gol run tests/fatal/NAME` with `env` set: stdout, stderr and the
/// status as a shell shows it (128 + the signal of a signalled end).
fn run_with(name: &str, env: &[(&str, &str)]) -> (String, String, i32) {
    use std::os::unix::process::ExitStatusExt;
    let p = common::root().join("tests/fatal").join(name);
    let out = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(&p)
        .env_remove("GOTRACEBACK")
        .envs(env.iter().copied())
        .output()
        .expect("run gol");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status
            .code()
            .unwrap_or_else(|| 128 + out.status.signal().unwrap_or(0)),
    )
}

/// Asserts a fatal error's report: first line, blank line, the running
/// goroutine, and the program's frames in order.
fn assert_fatal(stderr: &str, first: &str, frames: &[&str]) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.first().copied(), Some(first), "{stderr}");
    assert_eq!(lines.get(1).copied(), Some(""), "{stderr}");
    assert_eq!(
        lines.get(2).map(|l| without_fields(l)),
        Some("goroutine 1 [running]:".to_string()),
        "{stderr}"
    );
    let mut at = 3;
    for f in frames {
        let Some(k) = lines[at..].iter().position(|l| l == f) else {
            panic!("frame {f} missing or out of order in\n{stderr}");
        };
        at += k + 1;
    }
}

/// A goroutine header without Go's system-level fields (`gp=0x...`,
/// `m=N` or `m=nil`, `mp=0x...`).
fn without_fields(header: &str) -> String {
    header
        .split(' ')
        .filter(|w| !["gp=", "m=", "mp="].iter().any(|p| w.starts_with(p)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a goroutine header carries Go's system-level fields, on an M
/// (`gp=0x... m=N mp=0x...`) or on none (`gp=0x... m=nil`).
fn has_fields(header: &str) -> bool {
    let w: Vec<&str> = header.split(' ').collect();
    w.len() >= 5
        && w[2].starts_with("gp=0x")
        && (w[3] == "m=nil"
            || (w[3]
                .strip_prefix("m=")
                .is_some_and(|n| n.parse::<u32>().is_ok())
                && w[4].starts_with("mp=0x")))
}

#[test]
fn unlock_of_unlocked_mutex() {
    let (out, err, code) = run("unlock_unlocked.go");
    // Not a panic: the deferred recover never runs.
    assert_eq!(out, "before\n");
    assert_eq!(code, 2);
    assert_fatal(
        &err,
        "fatal error: sync: unlock of unlocked mutex",
        &["main.release(...)", "main.main()"],
    );
}

#[test]
fn a_panic_in_the_error_method_of_a_panic_value() {
    let (out, err, code) = run("panic_in_error_method.go");
    assert_eq!(out, "before\n");
    assert_eq!(code, 2);
    assert_fatal(
        &err,
        "fatal error: panic while printing panic value: inner",
        &["main.main()"],
    );
}

#[test]
fn runlock_of_unlocked_rwmutex() {
    let (out, err, code) = run("runlock_unlocked.go");
    assert_eq!(out, "");
    assert_eq!(code, 2);
    assert_fatal(
        &err,
        "fatal error: sync: RUnlock of unlocked RWMutex",
        &["main.main()"],
    );
}

#[test]
fn set_finalizer_misuse() {
    for (name, first) in [
        (
            "finalizer_not_pointer.go",
            "fatal error: runtime.SetFinalizer: first argument is int, not pointer",
        ),
        (
            "finalizer_twice.go",
            "fatal error: runtime.SetFinalizer: finalizer already set",
        ),
        (
            "finalizer_wrong_type.go",
            "fatal error: runtime.SetFinalizer: cannot pass *main.T to finalizer func(*int)",
        ),
    ] {
        let (out, err, code) = run(name);
        assert_eq!((out.as_str(), code), ("", 2), "{name}: {err}");
        assert_fatal(&err, first, &["main.main()"]);
    }
}

/// `runtime.Breakpoint` dies of SIGTRAP, as under Go: Go's signal header
/// (the signal's name, then `PC=0x... m=0 sigcode=128`: the main
/// goroutine's M took the trap, whose code is the kernel's), then the
/// stack from the line that called it (Go's registers are not printed).
/// The header's shape is compared with native Go's (breakpoint.err, its
/// first lines under Go 1.27). tests/dumps.rs compares the goroutines
/// shown at every GOTRACEBACK level, and crash's SIGABRT.
#[test]
fn breakpoint() {
    let (out, err, code) = run("breakpoint.go");
    assert_eq!(out, "in f 1\n");
    assert_eq!(code, 2);
    let go = std::fs::read_to_string(common::root().join("tests/fatal/breakpoint.err")).unwrap();
    // Addresses differ between the two; the rest must not.
    let shape = |s: &str| -> Vec<String> {
        s.lines()
            .take(3)
            .map(|l| {
                l.split(' ')
                    .map(|w| match w.strip_prefix("PC=0x") {
                        Some(h) if !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                            "PC=0x_"
                        }
                        _ => w,
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    assert_eq!(shape(&err), shape(&go), "{err}");
    assert_eq!(
        shape(&go),
        ["SIGTRAP: trace trap", "PC=0x_ m=0 sigcode=128", ""]
    );
    // Past the PC line, the report of other fatal errors.
    let without_pc: Vec<&str> = err
        .lines()
        .enumerate()
        .filter(|&(i, _)| i != 1)
        .map(|(_, l)| l)
        .collect();
    assert_fatal(
        &without_pc.join("\n"),
        "SIGTRAP: trace trap",
        &["main.f(...)", "main.main()"],
    );
    let lines: Vec<&str> = err.lines().collect();
    let at = |frame: &str| {
        let k = lines.iter().position(|l| *l == frame).expect(frame);
        lines.get(k + 1).copied().unwrap_or_default()
    };
    // A fatal signal: Go's system level whatever GOTRACEBACK says.
    assert!(has_fields(lines[3]) && lines[3].contains(" m=0 "), "{err}");
    assert!(at("main.f(...)").contains("/breakpoint.go:10 +0x"), "{err}");
    assert!(at("main.main()").contains("/breakpoint.go:15 +0x"), "{err}");
}

#[test]
fn concurrent_map_writers_die_every_time() {
    // Go's check (a write-in-progress flag on the map) is not a race
    // detector: it is always on, and catches the writers in every run.
    let p = common::root().join("tests/fatal/concurrent_map_writes.go");
    for procs in ["2", "8"] {
        for _ in 0..10 {
            let out = Command::new(env!("CARGO_BIN_EXE_gol"))
                .arg("run")
                .arg(&p)
                .env("GOMAXPROCS", procs)
                .output()
                .expect("run gol");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{err}");
            assert_eq!(
                err.lines().next(),
                Some("fatal error: concurrent map writes"),
                "{err}"
            );
        }
    }
}

/// A SIGSEGV sent to the thread of one M (`tgkill`, as a fault in that
/// thread would land): Go's header, `PC=0x... m=N
/// sigcode=18446744073709551610 addr=0x...` (SI_TKILL, -6, printed
/// unsigned as Go does),
/// names that M, as Go names the M whose thread took the signal.
#[test]
fn a_signal_names_the_m_whose_thread_took_it() {
    let dir = std::env::temp_dir().join(format!("gol-fatal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("spin.go");
    std::fs::write(
        &p,
        "package main\n\nfunc spin(c chan int) {\n\tn := 0\n\tfor {\n\t\tn++\n\t\tif n == 1000 {\n\t\t\tc <- n\n\t\t}\n\t}\n}\n\nfunc main() {\n\tc := make(chan int)\n\tgo spin(c)\n\tgo spin(c)\n\t<-c\n\t<-c\n\tspin(make(chan int, 1))\n}\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(&p)
        .env("GOMAXPROCS", "2")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run gol");
    let pid = child.id() as libc::pid_t;
    // The highest-numbered M's thread, once there are two (0 would not
    // tell an M's number from the main thread's).
    let start = std::time::Instant::now();
    let (m, tid) = loop {
        let found = common::highest_m_thread(pid);
        match found {
            Some((m, tid)) if m > 0 => break (m, tid),
            _ if start.elapsed() > std::time::Duration::from_secs(20) => {
                let _ = child.kill();
                panic!("no second M");
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    };
    // SAFETY: tgkill(2) on a thread of our own child touches no memory.
    unsafe { libc::syscall(libc::SYS_tgkill, pid, tid, libc::SIGSEGV) };
    let out = child.wait_with_output().expect("wait for gol");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("SIGSEGV: segmentation violation"),
        "{err}"
    );
    let pc = lines.get(1).copied().unwrap_or_default();
    assert!(
        pc.starts_with("PC=0x")
            && pc.contains(&format!(" m={m} sigcode=18446744073709551610 addr=0x")),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `fatal error: concurrent map writes` (Go's `fatal`) at every
/// GOTRACEBACK level, as native Go 1.27 prints it for
/// map_writes_others.go: nothing after the message under `none`; the
/// failing goroutine alone under `single`; under `all` it first, then the
/// other writer and the waiting receiver; under `system` and `crash` the
/// same with Go's `gp=`/`m=` fields on every header; `crash` ends with
/// SIGABRT (134), the others with status 2. (Which writer fails, and so
/// the goroutines' numbers and lines, varies from run to run, in Go too.)
#[test]
fn concurrent_map_writes_at_every_traceback_level() {
    for (level, shown, status) in [
        ("none", 0, 2),
        ("single", 1, 2),
        ("all", 3, 2),
        ("system", 3, 2),
        ("crash", 3, 134),
    ] {
        let (out, err, code) = run_with("map_writes_others.go", &[("GOTRACEBACK", level)]);
        assert_eq!((out.as_str(), code), ("before\n", status), "{level}: {err}");
        assert_eq!(
            err.lines().next(),
            Some("fatal error: concurrent map writes"),
            "{level}: {err}"
        );
        let headers: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("goroutine "))
            .collect();
        assert_eq!(headers.len(), shown, "{level}: {err}");
        let fields = matches!(level, "system" | "crash");
        assert!(
            headers.iter().all(|h| has_fields(h) == fields),
            "{level}: {err}"
        );
        let states: Vec<String> = headers
            .iter()
            .map(|h| {
                let h = without_fields(h);
                h[h.find('[').unwrap()..].to_string()
            })
            .collect();
        if let Some(first) = states.first() {
            assert_eq!(first, "[running]:", "{level}: {err}");
        }
        if shown == 3 {
            assert!(
                states.contains(&"[chan receive]:".to_string()),
                "{level}: {err}"
            );
            // The other writer was stopped between two instructions: Go
            // shows it runnable, on no M.
            assert!(
                headers
                    .iter()
                    .skip(1)
                    .all(|h| !h.contains("[running]") && (!fields || h.contains(" m=nil "))),
                "{level}: {err}"
            );
        }
    }
}

/// A fault inside gol itself (its own stack overflowing, as in
/// tests/output.rs) under `GOTRACEBACK=crash` ends as Go's crash does:
/// the report, then SIGABRT (134 in a shell), not status 2.
#[test]
fn a_fault_under_gotraceback_crash_aborts() {
    let dir = std::env::temp_dir().join(format!("gol-fatal-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = common::deep_expression_program(&dir);
    for (level, status) in [("crash", 134), ("none", 2)] {
        let (err, code) = common::gol_on_small_stack(&file, &format!("GOTRACEBACK={level}"));
        assert!(
            err.starts_with("unexpected fault address 0x"),
            "{level}: {err}"
        );
        assert_eq!(code, status, "{level}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Asserts Go's report of a fault on mapped memory: `unexpected fault
/// address A`, `fatal error: fault`, the signal line with `code` and the
/// same address, a blank line, the running goroutine with Go's
/// system-level fields (a fault is a runtime throw), then `frames` in
/// order.
fn assert_fault(stderr: &str, code: &str, frames: &[&str]) {
    let lines: Vec<&str> = stderr.lines().collect();
    let addr = lines
        .first()
        .and_then(|l| l.strip_prefix("unexpected fault address 0x"))
        .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
        .unwrap_or_else(|| panic!("no fault address in\n{stderr}"));
    assert_eq!(
        lines.get(1).copied(),
        Some("fatal error: fault"),
        "{stderr}"
    );
    let signal = format!("[signal SIGSEGV: segmentation violation code={code} addr=0x{addr} pc=0x");
    assert!(
        lines
            .get(2)
            .is_some_and(|l| l.starts_with(&signal) && l.ends_with(']')),
        "{stderr}"
    );
    assert!(has_fields(lines[4]), "{stderr}");
    assert_fatal(&lines[2..].join("\n"), lines[2], frames);
}

/// A write to a read-only page of a mapping (syscall.Mmap, Mprotect)
/// by a goroutine without `debug.SetPanicOnFault` (another goroutine's
/// setting is not its own) ends the program as under Go: the fault
/// report, no deferred call run, exit status 2. The interpreter refuses
/// the access before making it (gol_vm::usermap).
#[test]
fn a_fault_on_mapped_memory_is_fatal() {
    let (out, err, code) = run("mmap_fault.go");
    assert_eq!(out, "before\n");
    assert_eq!(code, 2);
    assert_fault(&err, "0x2", &["main.poke(...)", "main.main()"]);
}

/// A native that reads a protected page (fmt printing the bytes) takes
/// the real SIGSEGV, which ends the program with the same report even
/// under `SetPanicOnFault` (Go, whose fmt is Go code, would panic: the
/// deviation gol_vm::usermap documents).
#[test]
fn a_fault_of_a_native_on_mapped_memory_is_fatal() {
    let (out, err, code) = run("mmap_fault_native.go");
    assert_eq!(out, "before\n");
    assert_eq!(code, 2);
    assert_fault(&err, "0x2", &["fmt.Println(...)", "main.main()"]);
}
