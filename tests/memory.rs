//! Memory use, as peak resident size of the `gol` process (from `wait4`'s
//! resource usage of that one child, Go's `/usr/bin/time -f %M`):
//! memory is reclaimed (`tests/memory/churn.go` allocates 10 GB in total
//! with a small live set), and a large result costs what it costs in Go,
//! not a second copy. And how a program that outgrows the memory ends: as
//! Go's, with `fatal error: runtime: out of memory` and exit status 2
//! (in a memory cgroup, whether the heap or a native's buffer outgrows
//! it), or with Go's recoverable panic for a size past Go's maxAlloc.

mod common;

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

/// Peak resident set allowed for the churn run. Native Go needs about
/// 10 MB; the bound leaves room for the VM and a GC cycle's garbage.
const MAX_RSS_KB: i64 = 64 * 1024;

/// Runs `gol run PROG ARGS...`: its exit status, its stdout and its peak
/// resident size in KB.
// The child is reaped by `wait4` (which also gives its resource usage), not
// by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn run_measured(prog: &std::path::Path, args: &[&str]) -> (std::process::ExitStatus, String, i64) {
    let child = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(prog)
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gol");
    let pid = child.id() as libc::pid_t;
    // Read stdout while the child runs, so a full pipe cannot stall it.
    let mut stdout = child.stdout.expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        use std::io::Read;
        stdout.read_to_string(&mut out).expect("read stdout");
        out
    });
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of the plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; both out-pointers are
    // valid for writes.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    let out = reader.join().expect("reader");
    (
        std::process::ExitStatus::from_raw(status),
        out,
        usage.ru_maxrss,
    )
}

#[test]
fn ten_gigabytes_of_garbage_in_bounded_memory() {
    let (st, out, rss) = run_measured(&common::root().join("tests/memory/churn.go"), &[]);
    assert!(st.success(), "gol exited with {st}");
    assert_eq!(out, "10000000000 99\n");
    assert!(
        rss < MAX_RSS_KB,
        "peak RSS {rss} KB, allowed {MAX_RSS_KB} KB"
    );
}

/// `strings.Repeat` of a 1 GiB result: Go's process peaks at about 1.05
/// GB; gol may add its own few tens of MB, not a second gigabyte (the
/// result was built in a Rust buffer and copied, peaking at 2.1 GB).
#[test]
fn a_one_gigabyte_repeat_needs_one_gigabyte() {
    let (st, out, rss) = run_measured(&common::root().join("tests/output/repeat.go"), &[]);
    assert!(st.success(), "gol exited with {st}");
    assert_eq!(out, "1073741824 ab\n");
    let max_kb = (1 << 20) + 200 * 1024;
    assert!(rss < max_kb, "peak RSS {rss} KB, allowed {max_kb} KB");
}

/// A goroutine parked on a channel receive with a deferred call pending
/// costs under 1 KiB of the whole process (about 640 bytes here; Go's cost
/// about 2.7 KiB, mostly its 2 KiB starting stack): the peak RSS of 200,000
/// of them, less that of none, over 200,000.
#[test]
fn a_parked_goroutine_costs_under_a_kilobyte() {
    const N: i64 = 200_000;
    let prog = common::root().join("tests/memory/parked.go");
    let (st, out, none) = run_measured(&prog, &["0"]);
    assert!(st.success(), "gol exited with {st}");
    assert_eq!(out, "0 0\n");
    let (st, out, full) = run_measured(&prog, &[&N.to_string()]);
    assert!(st.success(), "gol exited with {st}");
    assert_eq!(out, format!("{N} {}\n", N * (N - 1) / 2));
    let per_g = (full - none) * 1024 / N;
    assert!(
        per_g < 1024,
        "{per_g} bytes per parked goroutine (peak RSS {full} KB, {none} KB with none)"
    );
}

/// A memory cgroup (v1) below this process's own, limited to `limit` bytes;
/// `None` where none can be made (not root, no v1 memory hierarchy). The
/// directory is removed on drop.
struct Cgroup(std::path::PathBuf);

impl Cgroup {
    fn new(limit: u64) -> Option<Cgroup> {
        let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
        let path = own.lines().find_map(|l| {
            let mut p = l.splitn(3, ':');
            let (_, ctl, path) = (p.next()?, p.next()?, p.next()?);
            ctl.split(',').any(|c| c == "memory").then_some(path)
        })?;
        let dir = std::path::Path::new("/sys/fs/cgroup/memory")
            .join(path.trim_start_matches('/'))
            .join(format!("gol-test-{}", std::process::id()));
        std::fs::create_dir(&dir).ok()?;
        let cg = Cgroup(dir);
        std::fs::write(cg.0.join("memory.limit_in_bytes"), limit.to_string()).ok()?;
        Some(cg)
    }
}

impl Drop for Cgroup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir(&self.0);
    }
}

/// A file removed on drop.
struct TempFile(std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs `gol run tests/memory/NAME` in a new memory cgroup of `limit`
/// bytes and checks that it ends with Go's out-of-memory fatal error and
/// exit status 2; the file that holds its stdout. `None` where no cgroup
/// can be made (the test then says so and checks nothing).
///
/// Stdout goes to a file, not into this process: a child's peak resident
/// size (`wait4`'s `ru_maxrss`, which the other tests measure) starts at
/// this process's own high-water mark, as the child is spawned sharing
/// its memory until `exec`, so the test process must stay small.
fn run_out_of_memory(limit: u64, name: &str) -> Option<TempFile> {
    let Some(cg) = Cgroup::new(limit) else {
        eprintln!("no memory cgroup can be made here: not checked");
        return None;
    };
    let prog = common::root().join("tests/memory").join(name);
    let stdout = TempFile(
        std::env::temp_dir().join(format!("gol-memory-{}-{name}.out", std::process::id())),
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"echo $$ > "$1/cgroup.procs" && exec "$2" run "$3" > "$4""#)
        .arg("sh")
        .arg(&cg.0)
        .arg(env!("CARGO_BIN_EXE_gol"))
        .arg(&prog)
        .arg(&stdout.0)
        .output()
        .expect("run gol");
    drop(cg);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "status {}, stderr: {stderr}",
        out.status
    );
    assert_eq!(
        stderr.lines().next(),
        Some("fatal error: runtime: out of memory")
    );
    Some(stdout)
}

/// Past the memory the system can give (here a 512 MiB cgroup), an
/// allocation fails with Go's fatal error, the lines printed before it kept,
/// where the kernel's OOM killer would end the process with SIGKILL and no
/// word (and does end native Go's).
#[test]
fn outgrowing_the_memory_limit_is_a_fatal_error_not_a_kill() {
    let Some(file) = run_out_of_memory(512 << 20, "double.go") else {
        return;
    };
    let stdout = std::fs::read_to_string(&file.0).expect("stdout");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() >= 24, "only {} lines printed", lines.len());
    assert_eq!(lines[23], "23 33554432");
    assert!(lines.len() < 30, "{} lines within 512 MiB", lines.len());
}

/// The same through fmt, whose output is built in a Rust buffer outside
/// the heap: `fmt.Println` of a struct whose string field doubles. Those
/// buffers are charged to the heap's commit budget before they are
/// filled, so the print that cannot fit is Go's fatal error, where it was
/// the kernel's SIGKILL. Native Go in the same 512 MiB cgroup prints 26
/// lines (the last with a 128 MiB string) and is then killed by the
/// kernel (SIGKILL, status 137 from a shell): it keeps one copy of a line
/// where gol keeps two (the string's bytes, then the output), so gol
/// stops one line earlier, at 25, with the fatal error.
#[test]
fn printing_past_the_memory_limit_is_a_fatal_error_not_a_kill() {
    use std::io::{BufRead, Read};
    let Some(file) = run_out_of_memory(512 << 20, "fmtstruct.go") else {
        return;
    };
    // Read as a stream (the lines reach 64 MiB): line i is `{i s}`, s
    // being "ab" doubled i+1 times, 2^(i+2) bytes.
    let mut r = std::io::BufReader::new(std::fs::File::open(&file.0).expect("stdout"));
    let mut lines = 0;
    loop {
        let mut head = Vec::new();
        r.read_until(b' ', &mut head).expect("read");
        if head.is_empty() {
            break;
        }
        let i = lines;
        assert_eq!(head, format!("{{{i} ").into_bytes(), "line {i}'s start");
        let mut left = 1usize << (i + 2);
        let mut chunk = vec![0; 1 << 16];
        while left > 0 {
            let k = left.min(chunk.len());
            r.read_exact(&mut chunk[..k])
                .unwrap_or_else(|e| panic!("line {i} cut short: {e}"));
            assert!(
                chunk[..k].chunks(2).all(|p| p == b"ab"),
                "line {i}'s string"
            );
            left -= k;
        }
        let mut end = [0; 2];
        r.read_exact(&mut end).expect("line end");
        assert_eq!(&end, b"}\n", "line {i}'s end");
        lines += 1;
    }
    assert!(lines >= 20, "only {lines} lines printed");
    assert!(lines < 30, "{lines} lines within 512 MiB");
}

/// Results that no heap holds (`tests/memory/maxalloc.go`): past Go's
/// maxAlloc, `Repeat` and `Replace` panic with makeslice's runtime error,
/// which the program recovers, before any memory is asked for; past
/// maxInt, Repeat's own panic; then a 1 TiB `ReplaceAll` (more than any
/// test machine can back) is the out-of-memory fatal error, at once.
/// Stdout is what native Go printed (`maxalloc.out`).
#[test]
fn results_past_max_alloc_panic_and_past_memory_are_fatal() {
    let dir = common::root().join("tests/memory");
    let t = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(dir.join("maxalloc.go"))
        .output()
        .expect("run gol");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "status {}, stderr: {stderr}",
        out.status
    );
    assert_eq!(
        stderr.lines().next(),
        Some("fatal error: runtime: out of memory")
    );
    let want = std::fs::read_to_string(dir.join("maxalloc.out")).expect("maxalloc.out");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    assert!(t.elapsed() < std::time::Duration::from_secs(10));
}
