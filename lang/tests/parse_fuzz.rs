//! Robustness: the lexer and parser must never panic, whatever the input.
//! A small deterministic generator (xorshift) feeds them random bytes,
//! random token soup, and mutations of valid programs (bytes flipped,
//! deleted, duplicated, spliced), a few thousand inputs in all.

use gol_lang::ast::NodeIdGen;
use gol_lang::lexer::lex;
use gol_lang::parser::{parse_expr, parse_file};
use gol_lang::FileKind;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SEED_PROGRAM: &str = r#"package main

import (
	"fmt"
	s "strings"
)

type Point struct {
	X, Y int
	*Inner
}

type Shape interface {
	Area() float64
	fmt.Stringer
}

const (
	A = iota
	B
	C = 1 << iota
)

var table = map[string][]int{"a": {1, 2}, "b": nil}

func (p *Point) Move(dx, dy int) (int, error) {
	p.X += dx
	p.Y -= dy
	return p.X, nil
}

func main() {
	ch := make(chan int, 3)
	done := make(chan struct{})
	go func(c chan<- int) {
		for i := range 10 {
			c <- i * 2
		}
		close(c)
	}(ch)
	sum := 0
L:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break L
			}
			sum += v
		case <-done:
			return
		default:
		}
	}
	switch x := interface{}(sum).(type) {
	case int, int64:
		fmt.Println(x, s.Repeat("ab", 2), 'x', "\n\x41\u00e9", `raw`)
	default:
	}
	arr := [...]float64{1.5, 2e3, 0x1p-2}
	for i, v := range arr[1:2:3] {
		_ = i + int(v)
	}
	defer func() { recover() }()
	var p = &Point{X: 1, Y: 2}
	if n, err := p.Move(1, 2); err != nil || n > 0 {
		fmt.Printf("%d\n", n)
	} else if n == 0 {
		n++
	}
}
"#;

const SOUP: &[&str] = &[
    "package",
    "import",
    "func",
    "var",
    "const",
    "type",
    "struct",
    "interface",
    "map",
    "chan",
    "if",
    "else",
    "for",
    "range",
    "switch",
    "case",
    "default",
    "select",
    "go",
    "defer",
    "return",
    "break",
    "continue",
    "goto",
    "fallthrough",
    "x",
    "y",
    "_",
    "1",
    "0x",
    "1e",
    "'a'",
    "\"s\"",
    "`r`",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
    ":",
    ".",
    "...",
    "=",
    ":=",
    "+=",
    "<-",
    "++",
    "*",
    "&",
    "!",
    "^",
    "+",
    "-",
    "/",
    "%",
    "<<",
    "&&",
    "||",
    "==",
    "\n",
    " ",
    "/*",
    "*/",
    "//",
    ".(type)",
    "'",
    "\"",
    "`",
    "\\",
    "@",
    "é",
    "\u{feff}",
];

fn check(src: &str) {
    let _ = lex(src, 7);
    for kind in [FileKind::Go, FileKind::Script, FileKind::Std] {
        let mut ids = NodeIdGen::new();
        let (_, diags) = parse_file(src, 7, kind, &mut ids);
        for d in &diags {
            // Spans stay inside the file (base 7, one past the end allowed).
            assert!(
                d.primary.span.lo >= 7 && d.primary.span.lo as usize <= 7 + src.len() + 1,
                "{d:?} for {src:?}"
            );
        }
    }
    let mut ids = NodeIdGen::new();
    let _ = parse_expr(src, 0, &mut ids);
}

#[test]
fn seed_program_is_valid() {
    let mut ids = NodeIdGen::new();
    let (_, d) = parse_file(SEED_PROGRAM, 0, FileKind::Go, &mut ids);
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..1500 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let src = String::from_utf8_lossy(&bytes);
        check(&src);
    }
}

#[test]
fn token_soup() {
    let mut rng = Rng(12345);
    for _ in 0..1500 {
        let n = rng.below(80);
        let src: String = (0..n)
            .map(|_| SOUP[rng.below(SOUP.len())])
            .collect::<Vec<_>>()
            .join(" ");
        check(&src);
    }
}

#[test]
fn mutated_programs() {
    let mut rng = Rng(0xDEAD_BEEF);
    let seed = SEED_PROGRAM.as_bytes();
    for _ in 0..1500 {
        let mut b = seed.to_vec();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(b.len());
            match rng.below(4) {
                0 => b[i] = SOUP[rng.below(SOUP.len())].as_bytes()[0],
                1 => {
                    b.remove(i);
                }
                2 => {
                    let j = (i + rng.below(40)).min(b.len());
                    let chunk = b[i..j].to_vec();
                    let at = rng.below(b.len());
                    b.splice(at..at, chunk);
                }
                _ => {
                    let j = (i + rng.below(60)).min(b.len());
                    b.drain(i..j);
                }
            }
        }
        check(&String::from_utf8_lossy(&b));
    }
}
