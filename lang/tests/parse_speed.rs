//! Parse speed on a generated 10,000-line program. Run in a release build:
//! `cargo test --release -p gol-lang --test parse_speed -- --ignored --nocapture`.
//! The always-on test only checks that the generated program parses cleanly.

use gol_lang::ast::NodeIdGen;
use gol_lang::parser::parse_file;
use gol_lang::FileKind;
use std::time::Instant;

/// About `lines` lines of varied, valid Go.
fn program(lines: usize) -> String {
    let mut s = String::from("package main\n\nimport \"fmt\"\n\n");
    let mut i = 0;
    while s.lines().count() < lines {
        s.push_str(&format!(
            "type T{i} struct {{\n\ta, b int\n\tname string\n\tnext *T{i}\n}}\n\n\
             func (t *T{i}) Sum{i}(xs []int, m map[string]int) (int, error) {{\n\
             \ttotal := t.a*2 + t.b<<1 - len(t.name)\n\
             \tfor j, x := range xs {{\n\
             \t\tif x%2 == 0 && j > 0 || x < -3 {{\n\
             \t\t\ttotal += x\n\
             \t\t}} else {{\n\
             \t\t\ttotal -= m[fmt.Sprint(x)]\n\
             \t\t}}\n\
             \t}}\n\
             \tswitch {{\n\
             \tcase total > 100:\n\
             \t\treturn total, nil\n\
             \tdefault:\n\
             \t}}\n\
             \tch := make(chan int, 1)\n\
             \tgo func() {{ ch <- total }}()\n\
             \tv := <-ch\n\
             \tarr := []float64{{1.5, 2e3, 0x10, 'a', 7}}\n\
             \treturn v + int(arr[0]), fmt.Errorf(\"bad %d\", v)\n\
             }}\n\n"
        ));
        i += 1;
    }
    s
}

#[test]
fn generated_program_parses() {
    let src = program(500);
    let mut ids = NodeIdGen::new();
    let (f, d) = parse_file(&src, 0, FileKind::Go, &mut ids);
    assert!(d.is_empty(), "{:?}", d.first());
    assert!(f.items.len() > 20);
}

#[test]
#[ignore]
fn parse_speed_10k_lines() {
    let src = program(10_000);
    let lines = src.lines().count();
    let runs = 10;
    let start = Instant::now();
    for _ in 0..runs {
        let mut ids = NodeIdGen::new();
        let (_, d) = parse_file(&src, 0, FileKind::Go, &mut ids);
        assert!(d.is_empty());
    }
    let secs = start.elapsed().as_secs_f64() / runs as f64;
    let lex_start = Instant::now();
    for _ in 0..runs {
        let (t, _) = gol_lang::lexer::lex(&src, 0);
        assert!(!t.is_empty());
    }
    let lex_secs = lex_start.elapsed().as_secs_f64() / runs as f64;
    println!(
        "lexing alone: {:.2} ms: {:.0} lines/s",
        lex_secs * 1e3,
        lines as f64 / lex_secs
    );
    println!(
        "parsed {lines} lines ({} bytes) in {:.2} ms: {:.0} lines/s",
        src.len(),
        secs * 1e3,
        lines as f64 / secs
    );
}
