//! Robustness of the front end: random bytes and mutated valid programs
//! must never make the lexer, parser or checker panic or hang.
//!
//! The seeds are every program of the project (examples, benchmarks,
//! diagnostic cases) and, where installed, Go's own test programs. Each
//! round picks a seed and applies a few random mutations (byte flips,
//! deletions, duplications, splices from another seed, inserted Go
//! tokens). A panic fails the test and saves the input under
//! `target/fuzz-failures/`; a single input running longer than 20 s is
//! reported as a hang.
//!
//! `GOL_FUZZ_SECS` sets the time budget (default 20 s); the ignored test
//! `fuzz_long` runs for 10 minutes.

mod common;

use std::panic;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ";",
    ",",
    ".",
    ":=",
    "=",
    "...",
    "\n",
    "func",
    "var ",
    "const ",
    "type ",
    "struct",
    "interface",
    "map[",
    "chan ",
    "<-",
    "go ",
    "defer ",
    "select",
    "switch",
    "case ",
    "default:",
    "for ",
    "range ",
    "if ",
    "else ",
    "return ",
    "break",
    "continue",
    "x",
    "T",
    "int",
    "string",
    "nil",
    "0x",
    "1e",
    "'",
    "\"",
    "`",
    "/*",
    "*/",
    "//",
    "\\",
    "iota",
    "1<<62",
    "&",
    "*",
    "+",
    "-",
    "!",
    "^",
    "%",
    ".(type)",
    "fallthrough",
    "goto ",
    "import ",
    "package ",
    "main",
    "fmt.",
    "_",
    "len(",
    "append(",
    "make(",
    "new(",
    "panic(",
    "recover()",
    "[...]",
    "0b",
    "0o",
    "1.5",
    "'\\x",
    "\"\\u",
    "\u{feff}",
    "\u{00e9}",
    "\0",
    "\t",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let len = input.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] = rng.next() as u8;
            }
            1 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(len - i + 1).min(64);
                input.drain(i..i + n);
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(len - i + 1).min(256);
                let chunk = input[i..i + n].to_vec();
                let at = rng.below(input.len() + 1);
                input.splice(at..at, chunk);
            }
            3 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let i = rng.below(other.len());
                    let n = rng.below(other.len() - i + 1).min(512);
                    let at = rng.below(input.len() + 1);
                    input.splice(at..at, other[i..i + n].iter().copied());
                }
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(input.len() + 1);
                input.splice(at..at, t.iter().copied());
            }
        }
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let root = common::root();
    let mut dirs = vec![
        root.join("examples"),
        root.join("bench"),
        root.join("tests/diagnostics"),
    ];
    if let Some(go) = common::go_test_dir() {
        dirs.push(go.join("ken"));
        dirs.push(go.join("chan"));
    }
    let mut out = Vec::new();
    for d in dirs {
        for p in common::files_with(&d, &[".go", ".gol"]) {
            if let Ok(b) = std::fs::read(&p) {
                out.push(b);
            }
        }
    }
    out
}

fn run(budget: Duration) {
    let seeds = seeds();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ budget.as_secs());
    let current: Arc<Mutex<(Vec<u8>, Instant)>> =
        Arc::new(Mutex::new((Vec::new(), Instant::now())));
    let done = Arc::new(AtomicBool::new(false));
    // The watchdog: an input that runs for 20 s is a hang. Report it and
    // end the process (a hung thread cannot be stopped from outside).
    let watchdog = {
        let current = current.clone();
        let done = done.clone();
        std::thread::spawn(move || {
            while !done.load(Ordering::Acquire) {
                std::thread::sleep(Duration::from_millis(500));
                let guard = current.lock().unwrap_or_else(|e| e.into_inner());
                if guard.1.elapsed() > Duration::from_secs(20) {
                    let path = save_failure("hang", &guard.0);
                    eprintln!("front end hung for 20 s on the input saved at {path}");
                    std::process::exit(101);
                }
            }
        })
    };
    panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let mut execs = 0u64;
    let mut failures = Vec::new();
    while start.elapsed() < budget {
        let mut input = if seeds.is_empty() || rng.below(8) == 0 {
            (0..rng.below(200)).map(|_| rng.next() as u8).collect()
        } else {
            seeds[rng.below(seeds.len())].clone()
        };
        mutate(&mut rng, &seeds, &mut input);
        {
            let mut g = current.lock().unwrap_or_else(|e| e.into_inner());
            *g = (input.clone(), Instant::now());
        }
        let text = String::from_utf8_lossy(&input).into_owned();
        let name = if rng.below(2) == 0 {
            "fuzz.go"
        } else {
            "fuzz.gol"
        };
        let r = panic::catch_unwind(|| {
            let c = common::check_file(name, text);
            // Rendering must not panic either.
            let _ = gol_lang::diag::render_plain(&c.sources, &c.diagnostics);
        });
        execs += 1;
        if let Err(e) = r {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{msg} (input: {})", save_failure("panic", &input)));
            if failures.len() >= 10 {
                break;
            }
        }
    }
    let _ = panic::take_hook();
    done.store(true, Ordering::Release);
    let _ = watchdog.join();
    println!(
        "fuzz: {execs} executions in {:.1} s, {} seeds, {} failures",
        start.elapsed().as_secs_f64(),
        seeds.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "front end panicked:\n{}",
        failures.join("\n")
    );
}

fn save_failure(kind: &str, input: &[u8]) -> String {
    let dir = common::root().join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in input {
        h = (h ^ *b as u64).wrapping_mul(0x100_0000_01b3);
    }
    let p = dir.join(format!("{kind}-{h:016x}.go"));
    let _ = std::fs::write(&p, input);
    p.display().to_string()
}

#[test]
fn fuzz_front_end() {
    let secs = std::env::var("GOL_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    run(Duration::from_secs(secs));
}

#[test]
#[ignore = "ten-minute fuzzing run; use --ignored"]
fn fuzz_long() {
    run(Duration::from_secs(600));
}
