//! The network poller under load, measured as a user would: a program with
//! ten thousand connections open at once at GOMAXPROCS 1, 2 and 8 (every
//! byte checked, the process's thread count sampled throughout), and an
//! idle server's CPU time over two seconds.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn gol() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gol"))
}

/// The hard limit on open files (gol raises its soft limit to it).
fn nofile_hard() -> u64 {
    // SAFETY: getrlimit fills a plain struct we own.
    unsafe {
        let mut lim: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return 1024;
        }
        lim.rlim_max
    }
}

/// The process's thread count, from /proc.
fn threads(pid: u32) -> Option<u32> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|v| v.trim().parse().ok())
}

/// User plus system CPU time of the process, in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

/// Waits for `child`, sampling its thread count; kills it after `limit`.
fn wait_sampling(child: &mut Child, limit: Duration) -> (std::process::ExitStatus, u32) {
    let start = Instant::now();
    let mut max_threads = 0;
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return (st, max_threads);
        }
        if let Some(t) = threads(child.id()) {
            max_threads = max_threads.max(t);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("gol did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn ten_thousand_connections_at_once_at_gomaxprocs_1_2_and_8() {
    // Each connection is two descriptors (client and server ends).
    let n = 10_000.min((nofile_hard().saturating_sub(512) / 2) as usize);
    if n < 10_000 {
        eprintln!(
            "open-file limit {}: {n} connections instead of 10000",
            nofile_hard()
        );
    }
    let prog = common::root().join("tests/net/echo_many.go");
    for procs in [1u32, 2, 8] {
        let mut child = gol()
            .arg("run")
            .arg(&prog)
            .env("GOMAXPROCS", procs.to_string())
            .env("ECHO_CONNS", n.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run gol");
        let mut out = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = out.read_to_string(&mut s);
            s
        });
        let (status, max_threads) = wait_sampling(&mut child, Duration::from_secs(300));
        let stdout = reader.join().expect("reader");
        let mut stderr = String::new();
        let _ = child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr);
        assert!(
            status.success(),
            "GOMAXPROCS={procs}: {status}\n{stdout}{stderr}"
        );
        // "client 00042 says hello\n" and "... says goodbye\n": 24 + 26.
        let want = format!(
            "{n} connections open at once, {} bytes echoed, 0 wrong, 0 failed\n",
            50 * n
        );
        assert_eq!(stdout, want, "GOMAXPROCS={procs}");
        assert!(
            max_threads < procs + 8,
            "GOMAXPROCS={procs}: {max_threads} threads (allowed fewer than {})",
            procs + 8
        );
        eprintln!("GOMAXPROCS={procs}: {n} connections, at most {max_threads} threads");
    }
}

#[test]
fn an_idle_server_uses_no_cpu() {
    let mut child = gol()
        .arg("run")
        .arg(common::root().join("tests/net/idle_server.go"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gol");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines.next().and_then(|l| l.ok());
    assert_eq!(first.as_deref(), Some("ready"));
    std::thread::sleep(Duration::from_millis(300));
    let pid = child.id();
    let before = cpu_ticks(pid).expect("stat");
    std::thread::sleep(Duration::from_secs(2));
    let after = cpu_ticks(pid).expect("stat");
    let alive = child.try_wait().expect("wait").is_none();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        alive,
        "the idle server exited (a goroutine in IO wait is not a deadlock)"
    );
    // Clock ticks are 10 ms: two ticks is the measuring noise.
    assert!(
        after - before <= 2,
        "{} ticks of CPU in 2 s idle",
        after - before
    );
}

#[test]
fn bufio_scanner_reads_standard_input() {
    use std::io::Write;
    let mut child = gol()
        .arg("run")
        .arg(common::root().join("tests/net/stdin_lines.go"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gol");
    let mut input = String::new();
    let mut want = String::new();
    for i in 1..=20_000 {
        input.push_str(&format!("line {i}\r\n"));
        want.push_str(&format!("{i} LINE {i}\n"));
    }
    input.push_str("last without newline");
    want.push_str("20001 LAST WITHOUT NEWLINE\n20001 lines <nil>\n");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer").expect("write stdin");
    assert!(out.status.success(), "{}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
}

/// fmt's scans of standard input read ahead of what they consume: the
/// reads of os.Stdin that follow (a bufio.Reader, a bufio.Scanner) get
/// those bytes first, so each reader starts where the one before stopped
/// (the expected text is native Go's).
#[test]
fn fmt_scan_then_bufio_share_standard_input() {
    use std::io::Write;
    let mut child = gol()
        .arg("run")
        .arg(common::root().join("tests/net/stdin_scan_mixed.go"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gol");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"1 2\n3 4 rest of line\nnext\nlast")
        .expect("write stdin");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", out.status);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "1 2\n7\n\" rest of line\\n\" <nil>\nline \"next\"\nline \"last\"\n"
    );
}

/// A scan of standard input returns as soon as it has its operands and
/// the rune after them: the answer to the first prompt is printed while
/// the second line has not been written yet.
#[test]
fn fmt_scan_reads_no_further_than_it_needs() {
    use std::io::Write;
    let mut child = gol()
        .arg("run")
        .arg(common::root().join("tests/net/stdin_scan_prompt.go"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gol");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    stdin.write_all(b"5\n").expect("write stdin");
    stdin.flush().expect("flush");
    // The first answer arrives with only "5\n" written (a reader thread,
    // so a scan that blocks for more fails the test instead of hanging).
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = out.read_line(&mut line);
        let _ = tx.send(line);
        let mut rest = String::new();
        let _ = out.read_to_string(&mut rest);
    });
    let first = rx.recv_timeout(Duration::from_secs(20));
    stdin.write_all(b"7\n").expect("write stdin");
    drop(stdin);
    let st = wait_for_exit(&mut child);
    assert_eq!(first.as_deref(), Ok("n? got 5\n"));
    assert!(st.success(), "{st}");
}

fn wait_for_exit(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return st;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
