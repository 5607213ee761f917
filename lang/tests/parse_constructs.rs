//! Parser tests: every construct of the subset, checked through the
//! S-expression dump of the tree.

use gol_lang::ast::*;
use gol_lang::parser::{dump, parse_expr, parse_file};
use gol_lang::FileKind;

fn parse_ok(src: &str, kind: FileKind) -> File {
    let mut ids = NodeIdGen::new();
    let (f, d) = parse_file(src, 0, kind, &mut ids);
    assert!(
        d.is_empty(),
        "diagnostics for {src:?}: {:#?}",
        d.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    f
}

/// The dump of a Go file's declarations.
fn decls(src: &str) -> String {
    dump::file(&parse_ok(&format!("package p\n{src}\n"), FileKind::Go)).replacen(
        "(package p)",
        "",
        1,
    )
}

/// The dump of the statements of a function body.
fn body(src: &str) -> String {
    let f = parse_ok(
        &format!("package p\nfunc f() {{\n{src}\n}}\n"),
        FileKind::Go,
    );
    match &f.items[..] {
        [Item::Decl(Decl::Func(fd))] => {
            let stmts = &fd.body.as_ref().expect("body").stmts;
            stmts
                .iter()
                .map(dump::stmt_string)
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => panic!("unexpected items"),
    }
}

fn expr(src: &str) -> String {
    let mut ids = NodeIdGen::new();
    match parse_expr(src, 0, &mut ids) {
        Ok(e) => dump::expr_string(&e),
        Err(d) => panic!(
            "{src}: {:?}",
            d.iter().map(|d| &d.message).collect::<Vec<_>>()
        ),
    }
}

#[test]
fn package_and_imports() {
    let f = parse_ok(
        "package main\nimport \"fmt\"\nimport (\n\tstr \"strings\"\n\t. \"math\"\n\t_ \"os\"\n)\n",
        FileKind::Go,
    );
    assert_eq!(
        dump::file(&f),
        r#"(package main)(import "fmt")(import str "strings")(import . "math")(import _ "os")"#
    );
    assert_eq!(f.imports[1].path_span, Span::new(40, 49));
}

#[test]
fn const_iota() {
    assert_eq!(
        decls("const (\n\tA = iota\n\tB\n\tC, D int = 1, 2\n\tE, F\n)"),
        "(const A iota=0 = iota)(const B iota=1)(const C,D iota=2 int = 1 2)(const E,F iota=3)"
    );
    assert_eq!(decls("const X = 1"), "(const X iota=0 = 1)");
}

#[test]
fn var_and_type_decls() {
    assert_eq!(decls("var x int"), "(var x int)");
    assert_eq!(decls("var a, b = 1, 2"), "(var a,b = 1 2)");
    assert_eq!(
        decls("var (\n\tx []int = nil\n\ty map[string]*T\n)"),
        "(var x (slicetype int) = nil)(var y (map string (* T)))"
    );
    assert_eq!(
        decls("type T struct {\n\ta, b int\n\tE\n\t*pkg.F\n\tc func(int) string\n}"),
        "(type T (struct (a,b int) (E) ((* (sel pkg F))) (c (functype (int) (string)))))"
    );
    assert_eq!(decls("type A = B"), "(type A = B)");
    assert_eq!(
        decls("type I interface {\n\tM(x int) (int, error)\n\tfmt.Stringer\n}"),
        "(type I (interface (M (x int) (int; error)) (sel fmt Stringer)))"
    );
    assert_eq!(
        decls("type (\n\tC chan<- int\n\tR <-chan int\n\tB chan int\n\tN chan<- chan int\n)"),
        "(type C (chan<- int))(type R (<-chan int))(type B (chan int))(type N (chan<- (chan int)))"
    );
    assert_eq!(
        decls("type Arr [4][2]int"),
        "(type Arr (array 4 (array 2 int)))"
    );
    assert_eq!(decls("type P (*int)"), "(type P (paren (* int)))");
}

#[test]
fn func_decls_and_params() {
    assert_eq!(
        decls("func f(a, b int, c string) (x int, err error) {}"),
        "(func f (a,b int; c string) (x int; err error) {})"
    );
    assert_eq!(
        decls("func f(int, string) bool"),
        "(func f (int; string) (bool))"
    );
    assert_eq!(decls("func f(xs ...int) {}"), "(func f (xs ...int) {})");
    assert_eq!(decls("func f(...int)"), "(func f (...int))");
    assert_eq!(decls("func (r *T) M() {}"), "(func (r (* T)) M () {})");
    assert_eq!(decls("func (T) M() {}"), "(func (T) M () {})");
    assert_eq!(
        decls("func f(a, b []int, f func(int) bool) func() {}"),
        "(func f (a,b (slicetype int); f (functype (int) (bool))) ((functype ())) {})"
    );
    assert_eq!(
        decls("func f(p.T, *q.U)"),
        "(func f ((sel p T); (* (sel q U))))"
    );
}

#[test]
fn simple_statements() {
    assert_eq!(body("x := 1"), "(:= x | 1)");
    assert_eq!(body("a, b := f()"), "(:= a,b | (call f))");
    assert_eq!(body("a, b = b, a"), "(= a b | b a)");
    assert_eq!(
        body("x += 2; y <<= 1; z &^= 3"),
        "(+= x | 2) (<<= y | 1) (&^= z | 3)"
    );
    assert_eq!(body("x++; y--"), "(++ x) (-- y)");
    assert_eq!(body("ch <- v"), "(send ch v)");
    assert_eq!(body("<-ch"), "(<- ch)");
    assert_eq!(body("f(xs...)"), "(call f xs ...)");
    assert_eq!(
        body("var x int; const c = 1; type T int"),
        "(var x int) (const c iota=0 = 1) (type T int)"
    );
}

#[test]
fn control_statements() {
    assert_eq!(
        body("if x { } else if y { } else { }"),
        "(if _ x {} else (if _ y {} else {}))"
    );
    assert_eq!(
        body("if v, ok := m[k]; ok { }"),
        "(if (:= v,ok | (index m k)) ok {})"
    );
    assert_eq!(body("for { break }"), "(for _ _ _ {(break)})");
    assert_eq!(
        body("for i < n { continue }"),
        "(for _ (< i n) _ {(continue)})"
    );
    assert_eq!(
        body("for i := 0; i < n; i++ { }"),
        "(for (:= i | 0) (< i n) (++ i) {})"
    );
    assert_eq!(body("for ; ; { }"), "(for _ _ _ {})");
    assert_eq!(body("for k, v := range m { }"), "(range k v := m {})");
    assert_eq!(body("for k = range m { }"), "(range k _ = m {})");
    assert_eq!(body("for range 10 { }"), "(range _ _ = 10 {})");
    assert_eq!(body("for i := range n { }"), "(range i _ := n {})");
    assert_eq!(
        body("L: for { break L; continue L }"),
        "(label L (for _ _ _ {(break L) (continue L)}))"
    );
    assert_eq!(body("goto L\nL:"), "(goto L) (label L (empty))");
    assert_eq!(body("go f(); defer g()"), "(go (call f)) (defer (call g))");
    assert_eq!(body("return"), "(return)");
    assert_eq!(body("return 1, 2"), "(return 1 2)");
    assert_eq!(body("{ x := 1; { _ = x } }"), "{(:= x | 1) {(= _ | x)}}");
}

#[test]
fn switches() {
    assert_eq!(
        body("switch x := f(); x {\ncase 1, 2:\n\tg()\n\tfallthrough\ncase 3:\ndefault:\n}"),
        "(switch (:= x | (call f)) x (case 1 2 : (call g) (fallthrough)) (case 3 :) (default))"
    );
    assert_eq!(
        body("switch {\ncase x > 1:\n}"),
        "(switch _ _ (case (> x 1) :))"
    );
    assert_eq!(body("switch x := y.(type) {\ncase int, *T:\ncase []int, map[string]int, chan int, nil:\ndefault:\n}"),
        "(typeswitch _ x y (case int (* T) :) (case (slicetype int) (map string int) (chan int) nil :) (default))");
    assert_eq!(body("switch y.(type) {\n}"), "(typeswitch _ _ y)");
    assert_eq!(
        body("switch a := 1; v := y.(type) {\n}"),
        "(typeswitch (:= a | 1) v y)"
    );
}

#[test]
fn selects() {
    assert_eq!(body("select {\ncase ch <- 1:\ncase v := <-ch:\ncase v, ok := <-ch:\ncase x = <-ch:\ncase <-ch:\ndefault:\n}"),
        "(select (case (send ch 1) :) (case (:= v | (<- ch)) :) (case (:= v,ok | (<- ch)) :) (case (= x | (<- ch)) :) (case (<- ch) :) (default))");
}

#[test]
fn expressions_and_precedence() {
    assert_eq!(expr("a + b*c"), "(+ a (* b c))");
    assert_eq!(expr("a || b && c == d"), "(|| a (&& b (== c d)))");
    assert_eq!(expr("a - b - c"), "(- (- a b) c)");
    assert_eq!(expr("a << 1 | b &^ c"), "(| (<< a 1) (&^ b c))");
    assert_eq!(expr("-x * ^y"), "(* (- x) (^ y))");
    assert_eq!(expr("!ok && *p > 0"), "(&& (! ok) (> (* p) 0))");
    assert_eq!(expr("<-ch + 1"), "(+ (<- ch) 1)");
    assert_eq!(expr("&T{1, 2}"), "(& (lit T 1 2))");
    assert_eq!(
        expr("a.b.c[i](x)(y)"),
        "(call (call (index (sel (sel a b) c) i) x) y)"
    );
    assert_eq!(expr("s[1:]"), "(slice s 1 _ _)");
    assert_eq!(expr("s[:n]"), "(slice s _ n _)");
    assert_eq!(expr("s[:]"), "(slice s _ _ _)");
    assert_eq!(expr("s[a:b:c]"), "(slice3 s a b c)");
    assert_eq!(expr("x.(T)"), "(assert x T)");
    assert_eq!(expr("x.(*p.T)"), "(assert x (* (sel p T)))");
    assert_eq!(
        expr("x.(interface{ M() })"),
        "(assert x (interface (M ())))"
    );
    assert_eq!(expr("[]byte(s)"), "(call (slicetype byte) s)");
    assert_eq!(expr("(*T)(p)"), "(call (paren (* T)) p)");
    assert_eq!(expr("(chan int)(c)"), "(call (paren (chan int)) c)");
    assert_eq!(expr("(<-chan int)(c)"), "(call (paren (<-chan int)) c)");
    assert_eq!(expr("(func())(f)"), "(call (paren (functype ())) f)");
    assert_eq!(expr("interface{}(x)"), "(call (interface) x)");
    assert_eq!(expr("make([]int, 10)"), "(call make (slicetype int) 10)");
    assert_eq!(
        expr("make(map[string][]int)"),
        "(call make (map string (slicetype int)))"
    );
    assert_eq!(
        expr("make(chan struct{}, 1)"),
        "(call make (chan (struct)) 1)"
    );
    assert_eq!(expr("new(int)"), "(call new int)");
    assert_eq!(
        expr("1.5e3 + 0x1p-2 + 'a' + \"s\" + 2i"),
        "(+ (+ (+ (+ 1.5e3 0x1p-2) '97') \"s\") 2i)"
    );
}

#[test]
fn composite_literals() {
    assert_eq!(expr("[]int{1, 2, 3,}"), "(lit (slicetype int) 1 2 3)");
    assert_eq!(
        expr("[...]string{2: \"a\", \"b\"}"),
        "(lit (array ... string) 2:\"a\" \"b\")"
    );
    assert_eq!(
        expr("map[string]Point{\"a\": {1, 2}, \"b\": {X: 3}}"),
        "(lit (map string Point) \"a\":(lit _ 1 2) \"b\":(lit _ X:3))"
    );
    assert_eq!(
        expr("[][]int{{1}, {}}"),
        "(lit (slicetype (slicetype int)) (lit _ 1) (lit _))"
    );
    assert_eq!(expr("pkg.T{A: 1}"), "(lit (sel pkg T) A:1)");
    assert_eq!(expr("struct{ x int }{1}"), "(lit (struct (x int)) 1)");
    assert_eq!(expr("[]func(){f}"), "(lit (slicetype (functype ())) f)");
    assert_eq!(expr("[]int{1}[0]"), "(index (lit (slicetype int) 1) 0)");
}

#[test]
fn function_literals() {
    assert_eq!(
        expr("func(x int) int { return x }"),
        "(funclit (x int) (int) {(return x)})"
    );
    assert_eq!(expr("func() {}()"), "(call (funclit () {}))");
    assert_eq!(
        body("go func(c chan int) { c <- 1 }(ch)"),
        "(go (call (funclit (c (chan int)) {(send c 1)}) ch))"
    );
}

#[test]
fn composite_literals_in_headers() {
    // Bare type names may not head a composite literal in a header...
    assert_eq!(body("if x == y {\n}"), "(if _ (== x y) {})");
    // ...but parenthesised ones and literal types may.
    assert_eq!(
        body("if p == (T{}) {\n}"),
        "(if _ (== p (paren (lit T))) {})"
    );
    assert_eq!(
        body("for _, v := range []int{1, 2} {\n}"),
        "(range _ v := (lit (slicetype int) 1 2) {})"
    );
    assert_eq!(
        body("switch s := []byte(x); s[0] {\n}"),
        "(switch (:= s | (call (slicetype byte) x)) (index s 0))"
    );
    assert_eq!(
        body("if f := func() bool { return true }; f() {\n}"),
        "(if (:= f | (funclit () (bool) {(return true)})) (call f) {})"
    );
}

#[test]
fn scripts() {
    let f = parse_ok(
        "x := 1\nfunc f() int { return x }\nprintln(f())\nvar y = 2\n",
        FileKind::Script,
    );
    assert!(f.package.is_none());
    assert_eq!(
        dump::file(&f),
        "(:= x | 1)(func f () (int) {(return x)})(call println (call f))(var y = 2)"
    );
    assert!(matches!(f.items[1], Item::Decl(Decl::Func(_))));
    assert!(matches!(f.items[3], Item::Decl(Decl::Var(_))));
    let f = parse_ok(
        "func() { println(1) }()\nfunc (p P) M() {}\ndefer func() {}()\n",
        FileKind::Script,
    );
    assert_eq!(
        dump::file(&f),
        "(call (funclit () {(call println 1)}))(func (p P) M () {})(defer (call (funclit () {})))"
    );
    let f = parse_ok("import \"fmt\"\nfmt.Println(1)\n", FileKind::Script);
    assert_eq!(f.imports.len(), 1);
    let f = parse_ok(
        "package main\nfor i := range 3 { println(i) }\n",
        FileKind::Script,
    );
    assert_eq!(f.items.len(), 1);
}

#[test]
fn bodyless_functions() {
    let f = parse_ok(
        "package strings\nfunc Index(s, sub string) int\nfunc (b *Builder) String() string\n",
        FileKind::Std,
    );
    assert_eq!(f.items.len(), 2);
}

#[test]
fn spans_are_global() {
    let mut ids = NodeIdGen::new();
    let (f, d) = parse_file("package p\nvar x = 1\n", 1000, FileKind::Go, &mut ids);
    assert!(d.is_empty());
    assert_eq!(
        f.package.as_ref().map(|p| p.span),
        Some(Span::new(1008, 1009))
    );
    match &f.items[0] {
        Item::Decl(Decl::Var(g)) => {
            assert_eq!(g.span.lo, 1010);
            assert_eq!(g.specs[0].values[0].span, Span::new(1018, 1019));
        }
        _ => panic!(),
    }
}

#[test]
fn node_ids_are_unique() {
    let mut ids = NodeIdGen::new();
    let (_, _) = parse_file(
        "package p\nfunc f() { a := b + c; g(a) }\n",
        0,
        FileKind::Go,
        &mut ids,
    );
    let n = ids.count();
    let (_, _) = parse_file("package q\nvar z = 1\n", 100, FileKind::Go, &mut ids);
    assert!(ids.count() > n, "the generator is shared across files");
}

#[test]
fn block_rbrace_and_switch_rbrace() {
    let src = "package p\nfunc f() {\n\tswitch {\n\t}\n}\n";
    let f = parse_ok(src, FileKind::Go);
    let Item::Decl(Decl::Func(fd)) = &f.items[0] else {
        panic!()
    };
    let b = fd.body.as_ref().unwrap();
    assert_eq!(&src[b.rbrace().lo as usize..b.rbrace().hi as usize], "}");
    let StmtKind::Switch { rbrace, .. } = &b.stmts[0].kind else {
        panic!()
    };
    assert_eq!(rbrace.lo as usize, src.find("\t}").unwrap() + 1);
}

#[test]
fn assorted_valid_programs() {
    let src = r#"package main

import "fmt"

type (
	F func(int) int
	S struct{ a, b int }
	I interface {
		fmt.Stringer
		Close() error
	}
)

const (
	a, b = iota, iota * 2
	c, d
)

func seq(yield func(int) bool) {}

func main() {
	var x struct{ a int }
	x.a++
	p := &x
	(*p).a = 3
	*p = x
	a := []int{1, 2}
	a[0], a[1] = a[1], a[0]
	ch := make(chan int)
	other := make(<-chan int)
	ch <- <-other
	v, ok := <-ch
	_, _ = v, ok
	for i := 0; i < 3; {
		i++
	}
	for ; v < 3; v++ {
	}
	for range ch {
	}
	for x := range seq {
		_ = x
	}
	if v := (S{}); v.a > 0 {
	}
	for _, s := range []S{{1, 2}, {a: 3}} {
		_ = s
	}
	switch y := interface{}(x).(type) {
	case nil, fmt.Stringer:
	case func(int) bool, *[4]byte, chan<- int, <-chan int:
		_ = y
	}
	m := map[string]struct{}{"k": {}}
	_ = &[]int{1}
	_ = []string{"a"}[0:1]
	_ = (*S).String
	_ = string(rune(65)) + fmt.Sprint(float64(len(m)))
	_ = (*[8]byte)(nil)
	_ = [][]*int{}
	type local struct{ x []map[string]chan func() }
	var (
		q int
		r = 2
	)
	_, _ = q, r
	select {}
}
"#;
    parse_ok(src, FileKind::Go);
}

#[test]
fn type_switch_case_types() {
    assert_eq!(
        body("switch y := x.(type) {\ncase func(int) bool, *[4]byte, <-chan int, (func()):\n}"),
        "(typeswitch _ y x (case (functype (int) (bool)) (* (array 4 byte)) (<-chan int) (paren (functype ())) :))"
    );
}

#[test]
fn pointer_conversions() {
    assert_eq!(expr("(*[8]byte)(s)"), "(call (paren (* (array 8 byte))) s)");
    assert_eq!(expr("(**T)(nil)"), "(call (paren (* (* T))) nil)");
}
