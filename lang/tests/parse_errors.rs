//! Syntax errors: Go's wording at Go's positions (each expected line was
//! produced by `go build` with Go 1.27 on the same program), recovery that
//! reports several errors per file, and the errors only the parser can give
//! for gol's unsupported features.

use gol_lang::ast::NodeIdGen;
use gol_lang::parser::parse_file;
use gol_lang::source::SourceMap;
use gol_lang::FileKind;

fn errors_kind(src: &str, kind: FileKind) -> Vec<String> {
    let mut sm = SourceMap::new();
    let id = sm.add("x.go", src);
    let mut ids = NodeIdGen::new();
    let (_, d) = parse_file(src, sm.file(id).base, kind, &mut ids);
    d.iter().map(|d| d.one_line(&sm)).collect()
}

fn errors(src: &str) -> Vec<String> {
    errors_kind(src, FileKind::Go)
}

#[track_caller]
fn check(src: &str, want: &[&str]) {
    let got = errors(src);
    assert_eq!(got, want, "source:\n{src}");
}

#[test]
fn go_wording() {
    let cases: &[(&str, &str)] = &[
        ("package main\nx := 1\n", "x.go:2:1: syntax error: non-declaration statement outside function body"),
        ("package main\nfunc main() { f(a\n) }\n", "x.go:2:18: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        ("package main\nfunc main() { x y }\n", "x.go:2:17: syntax error: unexpected name y at end of statement"),
        ("package main\nfunc main() { x := }\n", "x.go:2:20: syntax error: unexpected }, expected expression"),
        ("package main\nfunc main() { if x \n{ } }\n", "x.go:2:20: syntax error: unexpected newline, expected { after if clause"),
        ("package main\nfunc main() { if x { } else for {} }\n", "x.go:2:29: syntax error: else must be followed by if or statement block"),
        ("package main\nfunc main() { if x := 1 { } }\n", "x.go:2:20: syntax error: cannot use x := 1 as value"),
        ("package main\nfunc main() { switch x := 1 { } }\n", "x.go:2:24: syntax error: cannot use x := 1 as value"),
        ("package main\nvar x = []int{1,\n2\n}\n", "x.go:3:2: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
        ("package main\nvar x int\nimport \"fmt\"\n", "x.go:3:1: syntax error: imports must appear before other declarations"),
        ("package main\nfunc main() {\n", "x.go:3:1: syntax error: unexpected EOF, expected }"),
        ("package main\nvar x = 1 +\n", "x.go:3:1: syntax error: unexpected EOF, expected expression"),
        ("package main\nfunc main() { x := func }\n", "x.go:2:25: syntax error: unexpected }, expected ("),
        ("package main\nfunc main() { for i := 0; i < 3; j := 1 {} }\n", "x.go:2:36: syntax error: cannot declare in post statement of for loop"),
        ("package main\nfunc main() { a, b }\n", "x.go:2:20: syntax error: unexpected }, expected := or = or comma"),
        ("package main\nfunc main() { f(;) }\n", "x.go:2:17: syntax error: unexpected semicolon, expected expression"),
        ("package main\nfunc main() { x \"a\" }\n", "x.go:2:17: syntax error: unexpected literal \"a\" at end of statement"),
        ("package main\nfunc main() { x += }\n", "x.go:2:20: syntax error: unexpected }, expected expression"),
        ("package main\nfunc main() { if x := 1; { } }\n", "x.go:2:24: syntax error: missing condition in if statement"),
        ("package main\nfunc f(a int\n) {}\n", "x.go:2:13: syntax error: unexpected newline in parameter list; possibly missing comma or )"),
        ("package main\nfunc main() { var x = }\n", "x.go:2:23: syntax error: unexpected }, expected expression"),
        ("package main\nfunc main() { f(1 }\n", "x.go:2:19: syntax error: unexpected } in argument list; possibly missing comma or )"),
        ("package main\nfunc main() { _ = a[1 }\n", "x.go:2:23: syntax error: unexpected }, expected comma, : or ]"),
        ("package main\nvar x int y\n", "x.go:2:11: syntax error: unexpected name y after top level declaration"),
        ("package main\nfunc main() { for x \n{ } }\n", "x.go:3:1: syntax error: unexpected {, expected for loop condition"),
        ("package main\nfunc main() { switch { case 1 } }\n", "x.go:2:31: syntax error: unexpected }, expected :"),
        ("package main\ntype T struct { a int, b int }\n", "x.go:2:22: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }"),
        ("package main\nfunc main() { func f() {} }\n", "x.go:2:20: syntax error: unexpected name f, expected ("),
        ("package main\nfunc main() { x := 1 }}\n", "x.go:2:23: syntax error: unexpected } after top level declaration"),
        ("package main\nfunc main() { for i := 0; i < 10; i++ \n{} }\n", "x.go:2:39: syntax error: unexpected newline, expected { after for clause"),
        ("package main\nvar 1x = 2\n", "x.go:2:5: syntax error: unexpected literal 1, expected name"),
        ("package main\n}\n", "x.go:2:1: syntax error: non-declaration statement outside function body"),
        ("package main\nfunc main() { else {} }\n", "x.go:2:15: syntax error: unexpected keyword else, expected }"),
        ("package main\nfunc main() { for i := range { } }\n", "x.go:2:30: syntax error: unexpected {, expected expression"),
        ("package main\nimport fmt\n", "x.go:2:11: missing import path"),
        ("package main\nfunc main() { case 1: }\n", "x.go:2:15: syntax error: unexpected keyword case, expected }"),
        ("package main\nfunc main() { m := map[string]int{\"a\" 1} }\n", "x.go:2:39: syntax error: unexpected literal 1 in composite literal; possibly missing comma or }"),
        ("package main\nfunc main() { return return }\n", "x.go:2:22: syntax error: unexpected keyword return, expected expression"),
        ("package main\nfunc main() { f(a b) }\n", "x.go:2:19: syntax error: unexpected name b in argument list; possibly missing comma or )"),
        ("package main\nfunc f(a int b) {}\n", "x.go:2:14: syntax error: unexpected name b in parameter list; possibly missing comma or )"),
        ("package main\nfunc main() {\n\tx := 1\n\t)\n}\n", "x.go:4:2: syntax error: unexpected ), expected }"),
        ("package main\nfunc main() {\n\tfmt.Println(\"a\"\n}\n", "x.go:3:17: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        ("package main\nfunc main() {\n\tf(1\n\t2)\n}\n", "x.go:3:5: syntax error: unexpected newline in argument list; possibly missing comma or )"),
        ("package main\nfunc main() { x = = 1 }\n", "x.go:2:19: syntax error: unexpected =, expected expression"),
        ("package main\nfunc (x int) {}\n", "x.go:2:14: syntax error: unexpected {, expected name"),
        ("package main\nfunc main() { x := 1; x. }\n", "x.go:2:26: syntax error: unexpected }, expected name or ("),
        ("package main\nfunc main() { go }\n", "x.go:2:18: syntax error: unexpected }, expected expression"),
        ("package main\nvar x []\n", "x.go:2:9: syntax error: unexpected newline, expected type"),
        ("package main\nvar x map[string]\n", "x.go:2:18: syntax error: unexpected newline, expected type"),
        ("package main\nfunc f(x chan) {}\n", "x.go:2:14: syntax error: missing channel element type"),
        ("package main\nvar x = y.(\n", "x.go:3:1: syntax error: unexpected EOF, expected type"),
        ("package main\ntype T\n", "x.go:2:7: syntax error: unexpected newline in type declaration"),
        ("package main\nfunc main() { for i := range x y {} }\n", "x.go:2:32: syntax error: unexpected name y, expected { after for clause"),
        ("package main\nfunc main() { _ = [...] }\n", "x.go:2:25: syntax error: unexpected }, expected type"),
        ("package main\ntype T interface { M( }\n", "x.go:2:23: syntax error: unexpected }, expected )"),
        ("package main\nfunc main() { for i := 0; i < 80 i++ {} }\n", "x.go:2:34: syntax error: unexpected name i, expected semicolon or newline"),
        ("package main\nfunc main() { for i := 0; i < n {} }\n", "x.go:2:33: syntax error: unexpected {, expected semicolon or newline"),
        ("package main\nfunc main) {}\n", "x.go:2:10: syntax error: unexpected ), expected ("),
        ("package main\nfunc main() { res(sumpd([0:]), 0, 40) }\n", "x.go:2:27: syntax error: unexpected :, expected ]"),
        ("package main\nfunc main() { if m[5]  5 {} }\n", "x.go:2:24: syntax error: unexpected literal 5, expected {"),
        ("package main\nfunc main() { _ = a[1:2 }\n", "x.go:2:25: syntax error: unexpected }, expected ]"),
        ("package main\nfunc main() { if x := 1; x y {} }\n", "x.go:2:28: syntax error: unexpected name y, expected { after if clause"),
        ("package main\nfunc main() { switch x y {} }\n", "x.go:2:24: syntax error: unexpected name y, expected {"),
        ("package main\nfunc main() { for i := 0; i < 3; i++ x {} }\n", "x.go:2:38: syntax error: unexpected name x, expected { after for clause"),
        ("package main\nfunc main() { if a {}; x y }\n", "x.go:2:26: syntax error: unexpected name y at end of statement"),
        ("package main\nx, y int\n", "x.go:2:1: syntax error: non-declaration statement outside function body"),
        ("package main\nfunc main() {\n\tfor var i = 0; i < 3; i++ {\n\t}\n}\n", "x.go:3:10: syntax error: var declaration not allowed in for initializer"),
        ("package main\nfunc main()\n{\n\tprintln()\n}\n", "x.go:3:1: syntax error: unexpected semicolon or newline before {"),
        ("package main\nfunc main() {\n\ta, b := 1, 2\n\ta, b += 1, 2\n}\n", "x.go:4:7: syntax error: unexpected +=, expected := or = or comma"),
        ("package main\nfunc main() { x := 1 @ 2 }\n", "x.go:2:22: invalid character U+0040 '@'"),
        // Not syntax errors in Go's parser, but only the parser sees them.
        ("package main\nfunc main() { a.b := 1 }\n", "x.go:2:15: non-name a.b on left side of :="),
        ("package main\nfunc (a, b T) f() {}\n", "x.go:2:15: method has multiple receivers"),
        ("package main\nfunc () f() {}\n", "x.go:2:9: method has no receiver"),
        ("package main\nfunc f(a int, string) {}\n", "x.go:2:21: syntax error: missing parameter type"),
        ("package main\nfunc f() (a int, b) {}\n", "x.go:2:19: syntax error: missing parameter type"),
        ("package main\nfunc f(...int, x int) {}\n", "x.go:2:8: syntax error: missing parameter name"),
        ("package main\nfunc main() { var m map[int]int; _ = f(){}; _ = m }\n", "x.go:2:41: syntax error: unexpected { at end of statement"),
        ("package main\ntype T struct{}\nvar x = (T){}\n", "x.go:3:12: syntax error: cannot parenthesize type in composite literal"),
        ("package main\nfunc main() { var x struct{y int}; if x.y = 1 { } }\n", "x.go:2:43: syntax error: cannot use assignment x.y = 1 as value"),
        ("package main\nfunc main() { if a, b = 1, 2 { } }\n", "x.go:2:23: syntax error: cannot use assignment a, b = 1, 2 as value"),
        ("package main\nfunc main() { if x += 1 { } }\n", "x.go:2:20: syntax error: cannot use x += 1 as value"),
    ];
    let mut bad = Vec::new();
    for (src, want) in cases {
        let got = errors(src);
        if got.first().map(String::as_str) != Some(*want) {
            bad.push(format!("{src:?}\n  want {want}\n  got  {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn slice_index_errors() {
    check(
        "package main\nfunc main() { _ = a[1::] }\n",
        &[
            "x.go:2:23: middle index required in 3-index slice",
            "x.go:2:24: final index required in 3-index slice",
        ],
    );
}

#[test]
fn missing_package_clause() {
    check(
        "func main() {}\n",
        &["x.go:1:1: syntax error: package statement must be first"],
    );
    // Scripts may omit it.
    assert!(errors_kind("func main() {}\n", FileKind::Script).is_empty());
}

#[test]
fn tags_goto_and_imaginary_literals_parse() {
    // Struct tags parse, in either kind of string literal.
    assert!(errors("package main\ntype T struct { x int \"tag\" }\n").is_empty());
    assert!(errors("package main\ntype T struct { x, y int `json:\"x\"`; *U `u` }\n").is_empty());
    // goto and imaginary literals parse.
    assert!(errors("package main\nfunc main() { goto L; L: _ = 1i }\n").is_empty());
    // Array types still parse in type declarations.
    assert!(errors("package main\nconst N = 2\ntype A [N]int\ntype B [N * 2]int\n").is_empty());
}

#[test]
fn recovery_reports_every_broken_statement() {
    let src = "package main\n\nfunc a() {\n\tx := \n}\n\nfunc b() {\n\ty := 1 2\n\tz := 3\n\tz y\n}\n\nfunc c() {\n\tif {\n\t}\n}\n";
    let got = errors(src);
    assert_eq!(
        got,
        vec![
            "x.go:5:1: syntax error: unexpected }, expected expression",
            "x.go:8:9: syntax error: unexpected literal 2 at end of statement",
            "x.go:10:4: syntax error: unexpected name y at end of statement",
            "x.go:14:5: syntax error: missing condition in if statement",
        ],
        "{got:#?}"
    );
}

#[test]
fn recovery_keeps_the_good_declarations() {
    let mut ids = NodeIdGen::new();
    let src = "package main\nfunc a() { x := }\nfunc b() { return }\nvar v = 1\n";
    let (f, d) = parse_file(src, 0, FileKind::Go, &mut ids);
    assert_eq!(d.len(), 1);
    assert_eq!(f.items.len(), 3, "{:#?}", f.items);
}

#[test]
fn lexical_and_syntax_errors_together() {
    let got = errors("package main\nvar s = \"abc\nvar t = 'xy'\n");
    assert_eq!(
        got,
        vec![
            "x.go:2:13: newline in string",
            "x.go:3:9: more than one character in rune literal"
        ]
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = format!(
        "package main\nvar x = {}1{}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let got = errors(&src);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("nested too deeply"), "{got:?}");
    let src = format!(
        "package main\nfunc f() {{ {} }}\n",
        "{".repeat(5000) + &"}".repeat(5000)
    );
    assert!(errors(&src)[0].contains("nested too deeply"));
    let src = format!("package main\nvar x = 1{}\n", " + 1".repeat(50_000));
    assert!(errors(&src)[0].contains("nested too deeply"));
    let src = format!("package main\nfunc f() {{\n{}\n}}\n", "L: ".repeat(50_000));
    assert!(errors(&src)[0].contains("nested too deeply"));
    // Just under the caps is fine.
    let src = format!(
        "package main\nvar x = {}1{}\n",
        "(".repeat(900),
        ")".repeat(900)
    );
    assert!(errors(&src).is_empty());
    let src = format!("package main\nvar x = 1{}\n", " + 1".repeat(2500));
    assert!(errors(&src).is_empty());
}

#[test]
fn recovery_matches_go_on_a_file_with_many_errors() {
    // `go build` prints exactly these six lines for this file.
    let src = "package main\n\nimport \"fmt\"\n\nfunc a() {\n\tx := \n\tfmt.Println(x)\n}\n\nfunc b() {\n\tif x == 1 \n\t{\n\t}\n\ty := [3]int{1, 2\n\t}\n\tfor i := 0; i < 3; i++ {\n\t\tz :=: 1\n\t}\n}\n\nfunc c() int {\n\treturn 1 +\n}\n\ntype T struct {\n\ta int,\n\tb string\n}\n\nvar v = map[string]int{\"a\": 1 \"b\": 2}\n";
    check(
        src,
        &[
            "x.go:11:12: syntax error: unexpected newline, expected { after if clause",
            "x.go:14:18: syntax error: unexpected newline in composite literal; possibly missing comma or }",
            "x.go:17:7: syntax error: unexpected :, expected expression",
            "x.go:23:1: syntax error: unexpected }, expected expression",
            "x.go:26:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }",
            "x.go:30:31: syntax error: unexpected literal \"b\" in composite literal; possibly missing comma or }",
        ],
    );
}

#[test]
fn at_most_ten_syntax_errors() {
    let src = format!("package main\nfunc f() {{\n{}}}\n", "\tx y\n".repeat(30));
    let got = errors(&src);
    assert_eq!(got.len(), 11, "{got:#?}");
    assert!(got[10].ends_with("too many errors"));
}

#[test]
fn repairs_leave_exactly_one_error() {
    // Each has exactly one error in Go; recovery must not add a second.
    for src in [
        "package main\nfunc main() {\n\tprintln(\"a\", \"b\"\n}\n",
        "package main\nfunc main() {\n\tfor var i = 0; i < 3; i++ {\n\t\tprintln(i)\n\t}\n}\n",
        "package main\nfunc main()\n{\n\tprintln(\"hi\")\n}\n",
        "package main\nvar x = []int{\n\t1,\n\t2\n}\nvar y = 1\n",
    ] {
        let got = errors(src);
        assert_eq!(got.len(), 1, "{src}\n{got:#?}");
    }
    // The repaired function keeps its body.
    let mut ids = NodeIdGen::new();
    let (f, _) = parse_file(
        "package main\nfunc main()\n{\n\tprintln()\n}\n",
        0,
        FileKind::Go,
        &mut ids,
    );
    match &f.items[..] {
        [gol_lang::ast::Item::Decl(gol_lang::ast::Decl::Func(fd))] => assert!(fd.body.is_some()),
        other => panic!("{other:#?}"),
    }
}

#[test]
fn errors_left_to_the_checker() {
    // Go reports these from its type checker, together with the other type
    // errors of the file; a parse error here would hide those.
    for src in [
        "package main\nconst x\n",
        "package main\nconst x int\n",
        "package main\nconst (\n\ta = iota\n\tb int\n)\n",
        "package main\nfunc main() { select { case x + 1: } }\n",
        "package main\nfunc main() { y := x.(type) }\n",
        "package main\nfunc f() { go func() {} }\n",
        "package main\nfunc f() { defer 1 }\n",
    ] {
        assert_eq!(errors(src), Vec::<String>::new(), "{src}");
    }
}
