//! Unit tests of the code generator: compile small programs and check the
//! instructions chosen.

use super::*;
use crate::bytecode::Op;

struct NoStd;

impl crate::Importer for NoStd {
    fn package(&self, _path: &str) -> Option<Vec<(String, String)>> {
        None
    }
    fn available(&self) -> Vec<String> {
        Vec::new()
    }
}

fn compile_src(src: &str) -> Result<Program, String> {
    let c = crate::check_sources(vec![("t.go".into(), src.into())], &NoStd);
    let Some(p) = &c.program else {
        return Err(format!("{:?}", c.diagnostics));
    };
    compile(p, &c.sources).map_err(|d| format!("{d:?}"))
}

fn func<'p>(p: &'p Program, name: &str) -> &'p crate::bytecode::Function {
    p.funcs.iter().find(|f| f.name == name).expect("function")
}

#[test]
fn reflect_names() {
    assert_eq!(reflect_name("[]byte"), "[]uint8");
    assert_eq!(reflect_name("map[rune]main.byte"), "map[int32]main.byte");
    assert_eq!(reflect_name("func(runes) bytes"), "func(runes) bytes");
}

#[test]
fn compound_assignment_is_one_instruction() {
    let p =
        compile_src("package main\nfunc main() {\n\tx := 1\n\ty := 2\n\tx += y\n\tprintln(x)\n}\n")
            .unwrap();
    let f = func(&p, "main.main");
    assert!(
        f.code
            .iter()
            .any(|op| matches!(op, Op::AddInt { d, a, .. } if d == a)),
        "{}",
        p.disassemble()
    );
}

#[test]
fn loops_use_backward_jumps() {
    let p = compile_src("package main\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 10; i++ {\n\t\ts += i\n\t}\n\tprintln(s)\n}\n").unwrap();
    let f = func(&p, "main.main");
    // The step and the condition are one instruction at the bottom, taken
    // backwards; a guard copy of the test is at the top.
    let back: Vec<(usize, &Op)> = f
        .code
        .iter()
        .enumerate()
        .filter(|(pc, op)| matches!(op, Op::IncJumpIfLtIntImm { v: 1, lim: 10, to, .. } if (to.0 as usize) < *pc))
        .collect();
    assert_eq!(back.len(), 1, "{}", p.disassemble());
    assert!(f
        .code
        .iter()
        .any(|op| matches!(op, Op::JumpIfGeIntImm { v: 10, .. })));
    assert!(!f.code.iter().any(|op| matches!(op, Op::Loop { .. })));
    // A condition that calls a function is compiled once, tested at the
    // bottom and entered by a jump; the step stays apart.
    let p = compile_src("package main\nfunc n() int { return 3 }\nfunc main() {\n\ts := 0\n\tfor i := 0; i < n(); i++ {\n\t\ts += i\n\t}\n\tprintln(s)\n}\n").unwrap();
    let f = func(&p, "main.main");
    let calls = f
        .code
        .iter()
        .filter(|op| matches!(op, Op::Call { .. }))
        .count();
    assert_eq!(calls, 1, "{}", p.disassemble());
    // (The step may announce the call after it: `plain` is what it does.)
    assert!(f
        .code
        .iter()
        .any(|op| matches!(op.plain(), Op::AddIntImm { v: 1, .. })));
    assert!(
        matches!(f.code.get(2), Some(Op::Jump { .. })),
        "{}",
        p.disassemble()
    );
    // Without a condition the loop ends in `Loop` (budget spent there).
    let p = compile_src(
        "package main
func main() {
	s := 0
	for {
		s++
		if s > 5 {
			break
		}
	}
	println(s)
}
",
    )
    .unwrap();
    let f = func(&p, "main.main");
    assert_eq!(
        f.code
            .iter()
            .filter(|op| matches!(op, Op::Loop { .. }))
            .count(),
        1
    );
}

#[test]
fn constants_are_immediates() {
    let p = compile_src(
        "package main
func f(n int) int {
	if n < 2 {
		return n
	}
	return (n-1)*3 + (7 & n) + n<<2 + n%7 + n/3 + int(uint(n)%5) + int(uint(n)/9)
}
func main() {
	println(f(9))
}
",
    )
    .unwrap();
    let f = func(&p, "main.f");
    assert!(
        !f.code.iter().any(|op| matches!(op, Op::LoadInt { .. })),
        "{}",
        p.disassemble()
    );
    for want in [
        "JumpIfGeIntImm",
        "AddIntImm",
        "MulIntImm",
        "AndImm",
        "ShlImm",
        "RemIntImm",
        "DivIntImm",
        "RemUintImm",
        "DivUintImm",
    ] {
        assert!(
            f.code.iter().any(|op| format!("{op:?}").starts_with(want)),
            "{want}: {}",
            p.disassemble()
        );
    }
}

#[test]
fn calls_return_in_place() {
    // fib's two calls leave their results where the addition reads them.
    let p = compile_src(
        "package main
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}
func main() {
	println(fib(5))
}
",
    )
    .unwrap();
    let f = func(&p, "main.fib");
    assert!(
        !f.code
            .iter()
            .any(|op| matches!(op, Op::Move { .. } | Op::MoveN { .. })),
        "{}",
        p.disassemble()
    );
}

#[test]
fn logical_conditions_are_jumps() {
    let p = compile_src(
        "package main
func f(a, b, c int) bool {
	if a < b && (b < c || !(a == c)) {
		return true
	}
	return false
}
func main() {
	println(f(1, 2, 3))
}
",
    )
    .unwrap();
    let f = func(&p, "main.f");
    assert!(
        !f.code.iter().any(|op| matches!(
            op,
            Op::LtInt { .. }
                | Op::EqInt { .. }
                | Op::Not { .. }
                | Op::JumpIf { .. }
                | Op::JumpIfNot { .. }
        )),
        "{}",
        p.disassemble()
    );
}

#[test]
fn narrow_ints_are_truncated() {
    let p = compile_src(
        "package main\nfunc main() {\n\tvar b int8 = 100\n\tb += 100\n\tprintln(b)\n}\n",
    )
    .unwrap();
    let f = func(&p, "main.main");
    assert!(f.code.iter().any(|op| matches!(
        op,
        Op::Sext {
            w: crate::bytecode::Width::W8,
            ..
        }
    )));
}

#[test]
fn frames_cover_every_slot() {
    let p = compile_src("package main\nfunc f(a, b int) (int, int) { return b, a }\nfunc main() {\n\tx, y := f(1, 2)\n\tprintln(x, y)\n}\n").unwrap();
    for f in &p.funcs {
        assert!(
            f.frame_words >= f.param_words.max(f.result_words),
            "{}",
            f.name
        );
        assert_eq!(f.code.len(), f.lines.len());
    }
}

#[test]
fn go_and_defer_of_builtins_get_numbered_wrappers() {
    let p = compile_src(
        "package main\nfunc main() {\n\tgo println(1)\n\tdefer println(2)\n\tgo close(make(chan int))\n}\n",
    )
    .unwrap();
    let names: Vec<&str> = p.funcs.iter().map(|f| f.name.as_str()).collect();
    for want in [
        "main.main.gowrap1",
        "main.main.deferwrap1",
        "main.main.gowrap2",
    ] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
}

#[test]
fn generic_declarations_compile() {
    for decl in [
        "type Chan[T any] chan Chan[T]\nvar _ Chan[int]",
        "type List[T any] struct{ next *List[T] }\nvar _ List[string]",
        "type I[T any] interface{ Foo(B[T]) string }\ntype B[T any] []T\nvar _ I[int]",
        "type S[T any, PT interface{ *T }] struct{}\nvar _ S[int, *int]",
        "type (\n\tA int\n\tM[K comparable, V any] map[K]V\n)\nvar _ = M[string, A]{}",
    ] {
        if let Err(e) = compile_src(&format!("package main\n{decl}\nfunc main() {{}}\n")) {
            panic!("{decl}: {e}");
        }
    }
    // Array types that look alike stay arrays.
    compile_src(
        "package main\nconst N, P, C = 2, 2, 3\ntype A [N]int\ntype B [P *C]int\ntype (\n\tD [N + 1]int\n)\nfunc main() {}\n",
    )
    .unwrap();
}

/// A chain of named struct types 10,000 long: layouts are exact at every
/// depth and compiling it does not recurse per level (this runs on a test
/// thread's small stack).
#[test]
fn long_type_chains_have_exact_layouts() {
    const N: usize = 10_000;
    let mut src = String::from("package main\n");
    for i in 0..N {
        src.push_str(&format!("type T{i} struct{{ x T{}; s string }}\n", i + 1));
    }
    src.push_str(&format!("type T{N} struct{{ a int; p *string }}\n"));
    src.push_str("func main() {\n\tvar v T0\n\tw := v\n\tprintln(v == w)\n\tvar i interface{} = v\n\t_ = i\n}\n");
    let p = compile_src(&src).unwrap();
    let t0 = p.types.iter().find(|t| t.name == "main.T0").expect("T0");
    // T{N} is [a, p]; every level above adds a string (pointer, length).
    assert_eq!(t0.words as usize, 2 * N + 2);
    let bits: Vec<usize> = (0..t0.words as usize)
        .filter(|&w| t0.ptr_mask[w / 64] & (1 << (w % 64)) != 0)
        .collect();
    let want: Vec<usize> = std::iter::once(1).chain((1..=N).map(|k| 2 * k)).collect();
    assert_eq!(bits, want);

    // A slice at the bottom makes every level incomparable.
    let bad = src.replace(
        &format!("type T{N} struct{{ a int; p *string }}"),
        &format!("type T{N} struct{{ a []int }}"),
    );
    let c = crate::check_sources(vec![("t.go".into(), bad)], &NoStd);
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.diagnostics);
    assert!(
        c.diagnostics[0]
            .message
            .contains("struct containing T1 cannot be compared"),
        "{:?}",
        c.diagnostics
    );
}

#[test]
fn locals_over_ten_megabytes_live_in_a_new_object() {
    let src = "package main\nfunc main() {\n\tvar a [1 << 28]int\n\ta[5] = 1\n\tvar b [1 << 20]int\n\tb[1] = 2\n\tprintln(a[len(a)-1], b[1])\n}\n";
    let p = compile_src(src).unwrap();
    let f = func(&p, "main.main");
    // a (2 GB) is one slot holding a zeroed object; b (8 MB) stays in
    // slots, under Go's 10 MB rule.
    assert!(f.frame_words > 1 << 20, "{}", f.frame_words);
    assert!(f.frame_words < (1 << 20) + 64, "{}", f.frame_words);
    assert!(f.code.iter().any(|op| matches!(op, Op::New { .. })));
    assert!(
        !f.code
            .iter()
            .any(|op| matches!(op, Op::Zero { n, .. } if *n > 1 << 20)),
        "{}",
        p.disassemble()
    );
}

#[test]
fn copies_of_huge_values_check_nil_first_and_skip_slots() {
    let src = "package main\ntype B struct {\n\tx int\n\ta [128 << 20]byte\n}\nvar p *B\nvar sink interface{}\nfunc main() {\n\tq := *p\n\tsink = *p\n\t_ = *p\n\tprintln(q.x)\n}\n";
    let p = compile_src(src).unwrap();
    let f = func(&p, "main.main");
    assert!(f.frame_words < 64, "{}", p.disassemble());
    let nil_check = f
        .code
        .iter()
        .position(|op| matches!(op, Op::Load { n: 0, .. }))
        .expect("a nil check");
    let first_new = f
        .code
        .iter()
        .position(|op| matches!(op, Op::New { .. }))
        .expect("q's object");
    assert!(nil_check < first_new, "{}", p.disassemble());
    assert!(f.code.iter().any(|op| matches!(op, Op::CopyValue { .. })));
    assert!(f.code.iter().any(|op| matches!(op, Op::BoxValue { .. })));
}

#[test]
fn frames_over_a_gigabyte_are_refused() {
    // Go refuses this signature itself, with this message.
    let err = compile_src(
        "package main\nfunc f(a [1 << 28]int) int { return a[5] }\nfunc main() { println(f) }\n",
    )
    .unwrap_err();
    assert!(
        err.contains("stack frame too large (>1GB): 0 MB locals + 2048 MB args"),
        "{err}"
    );
    // Go runs this one (128 MB of arguments); gol's slots would need 1 GB.
    let err = compile_src(
        "package main\ntype B struct{ a [128 << 20]byte }\nfunc f(b B) byte { return b.a[0] }\nfunc main() { println(f) }\n",
    )
    .unwrap_err();
    assert!(
        err.contains("gol cannot compile a function whose frame needs"),
        "{err}"
    );
}

#[test]
fn package_variables_over_two_gigabytes_are_refused() {
    let err =
        compile_src("package main\nvar g [1 << 28]int\nfunc main() { g[0] = 1 }\n").unwrap_err();
    assert!(
        err.contains("main.g: symbol too large (2147483648 bytes > 2000000000 bytes)"),
        "{err}"
    );
}
