//! The checker never panics: pathological declarations, and programs that
//! parse but are mutated at the token level (identifiers and literals
//! swapped for others), which reach the checker far more often than
//! byte-level mutations do.

mod check_util;

use check_util::{check_files, go_errors};
use std::panic;

#[test]
fn pathological_declarations_are_errors_not_panics() {
    let cases = [
        "package main\ntype T [len(T{})]int\nfunc main() {}\n",
        "package main\nconst A = B\nconst B = A\nfunc main() {}\n",
        "package main\ntype A B\ntype B A\nfunc main() {}\n",
        "package main\ntype A = B\ntype B = A\nfunc main() {}\n",
        "package main\ntype I interface{ J }\ntype J interface{ I }\nfunc main() {}\n",
        "package main\ntype S struct{ a [2]S }\nfunc main() {}\n",
        "package main\ntype L struct{ next *L; s []L; m map[string]L }\nfunc main() { var l L; _ = l }\n",
        "package main\nvar x [1 << 62]int\nfunc main() { _ = x }\n",
        "package main\nvar x [1 << 100]int\nfunc main() { _ = x }\n",
        "package main\nconst c = 1 << 600\nfunc main() { _ = c }\n",
        "package main\nconst c = 1 << 10000\nfunc main() { _ = c }\n",
        "package main\nvar a = len(a)\nfunc main() {}\n",
        "package main\ntype T struct{ T }\nfunc main() { var t T; _ = t.x }\n",
        "package main\ntype T struct{ *T }\nfunc main() { var t T; _ = t.x }\n",
        "package main\nfunc f() (int, int)\nfunc main() { f(f()) ; _ = f }\n",
        "package main\nconst (\n\ta = iota * b\n\tb\n)\nfunc main() {}\n",
        "package main\ntype T [T(1)]int\nfunc main() {}\n",
        "package main\nvar _ = [...]int{1 << 50: 1}\nfunc main() {}\n",
        "package main\nfunc main() { var x interface{ M() x } ; _ = x }\n",
        "package main\nfunc main() { type T [len(T{})]int }\n",
        "package main\nfunc main() { type T struct { a T } }\n",
        "package main\nfunc (T) M() {}\nfunc main() {}\n",
        "package main\nfunc (x) M() {}\nvar x int\nfunc main() {}\n",
        "package main\nfunc main() { for i := range (1 << 70) { _ = i } }\n",
        "package main\nfunc main() { _ = \"abc\"[1<<70] }\n",
        "package main\nfunc main() { var s []int; _ = s[:1<<70] }\n",
        "package main\nfunc main() { _ = make([]int, 1<<70) }\n",
        "package main\nfunc main() { _ = 1.0 << 1.5 ; _ = 1e1000000 }\n",
    ];
    for src in cases {
        let r = panic::catch_unwind(|| go_errors(src));
        let errs = r.unwrap_or_else(|_| panic!("checker panicked on:\n{src}"));
        assert!(
            !errs.is_empty() || src.contains("next *L"),
            "no error for:\n{src}"
        );
    }
}

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

/// Byte ranges of identifier and number tokens (outside strings and
/// comments, roughly: good enough to keep most mutants parseable).
fn tokens(src: &str) -> Vec<(usize, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'"' || c == b'`' || c == b'\'' {
            let q = c;
            i += 1;
            while i < b.len() && b[i] != q && b[i] != b'\n' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

use gol_lang::token::KEYWORDS;

#[test]
fn token_mutants_never_panic() {
    let mut seeds: Vec<String> = Vec::new();
    for sub in ["ken", "chan"] {
        let Ok(rd) = std::fs::read_dir(format!("/usr/share/go-1.19/test/{sub}")) else {
            continue;
        };
        let mut ps: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        ps.sort();
        for p in ps {
            if let Ok(t) = std::fs::read_to_string(&p) {
                if t.len() < 20_000 {
                    seeds.push(t);
                }
            }
        }
    }
    seeds.push(include_str!("check_errors.rs").to_string());
    seeds.retain(|s| s.starts_with("//") || s.starts_with("package"));
    if seeds.is_empty() {
        return;
    }
    let pool: Vec<String> = {
        let mut v: Vec<String> = seeds
            .iter()
            .flat_map(|s| tokens(s).into_iter().map(move |(a, b)| s[a..b].to_string()))
            .filter(|t| !KEYWORDS.contains(&t.as_str()))
            .collect();
        v.sort();
        v.dedup();
        v.extend(
            [
                "nil",
                "true",
                "iota",
                "_",
                "1.5",
                "0",
                "1e100",
                "len",
                "int8",
                "byte",
                "any",
                "error",
                "comparable",
                "main",
                "init",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        v
    };
    let secs: u64 = std::env::var("GOL_CHECK_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let start = std::time::Instant::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut checked = 0;
    while start.elapsed().as_secs() < secs {
        let seed = &seeds[rng.below(seeds.len())];
        let toks = tokens(seed);
        if toks.is_empty() {
            continue;
        }
        let mut src = seed.clone();
        // Replace from the back so earlier offsets stay valid.
        let mut picks: Vec<usize> = (0..1 + rng.below(4))
            .map(|_| rng.below(toks.len()))
            .collect();
        picks.sort_unstable();
        picks.dedup();
        for &k in picks.iter().rev() {
            let (a, b) = toks[k];
            let with = &pool[rng.below(pool.len())];
            src.replace_range(a..b, with);
        }
        let name = if rng.below(4) == 0 { "m.gol" } else { "m.go" };
        let s2 = src.clone();
        let r = panic::catch_unwind(move || {
            let c = check_files(&[(name, s2.as_str())]);
            c.diags.len()
        });
        if r.is_err() {
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("check-fuzz");
            let _ = std::fs::create_dir_all(&dir);
            let p = dir.join(format!("crash-{checked}.go"));
            let _ = std::fs::write(&p, &src);
            panic!("checker panicked; input saved to {}", p.display());
        }
        checked += 1;
    }
    eprintln!("{checked} mutants checked");
}

#[test]
fn long_declaration_chains_do_not_exhaust_the_stack() {
    let n = 5000;
    let mut src = String::from("package main\n");
    for i in 0..n {
        src.push_str(&format!("const c{i} = c{} + 1\n", i + 1));
        src.push_str(&format!("var v{i} = v{} + 1\n", i + 1));
        src.push_str(&format!("type T{i} T{}\n", i + 1));
    }
    src.push_str(&format!("const c{n} = 0\nvar v{n} = 0\ntype T{n} int\n"));
    src.push_str("func main() { var t T0; println(c0, v0, t) }\n");
    let c = check_files(&[("main.go", src.as_str())]);
    assert!(c.diags.is_empty(), "{:?}", c.diags.first());
    let p = c.program.expect("program");
    let order = &p.main_package().init_order;
    assert_eq!(order.len(), n + 1);
    // The last variable initialises first.
    assert_eq!(p.types.obj(order[0].lhs[0]).name, format!("v{n}"));
}

#[test]
fn expressions_as_deep_as_the_parser_allows() {
    let chain = vec!["1"; 2_900].join(" + ");
    let parens = format!("{}1{}", "(".repeat(990), ")".repeat(990));
    let src = format!(
        "package main\nfunc main() {{\n\tx := {chain}\n\ty := {parens}\n\tvar t {}int\n\t_, _, _ = x, y, t\n}}\n",
        "[]".repeat(900)
    );
    let c = check_files(&[("main.go", src.as_str())]);
    let errs: Vec<String> = c.diags.iter().map(|d| d.one_line(&c.sources)).collect();
    assert!(errs.is_empty(), "{errs:?}");
}
