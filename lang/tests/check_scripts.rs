//! Scripts (`.gol`): optional package clause, implicit imports of standard
//! packages, and the implicit `func main` made of top-level statements.

mod check_util;

use check_util::{check_files, errors_of};
use gol_lang::ast::Item;

#[test]
fn statements_vars_and_declarations_form_a_script() {
    let src = "x := 10
fmt.Println(x * 2)
for i := range 3 {
\tfmt.Println(i)
}
const k = 5
type P struct{ a int }
func helper() int { return k }
var y = helper()
fmt.Println(y, P{1})
";
    assert_eq!(errors_of("main.gol", src), Vec::<String>::new());
    let c = check_files(&[("main.gol", src)]);
    let p = c.program.expect("program");
    let main = p.main_package();
    let sm = main.script_main.as_ref().expect("implicit main");
    assert_eq!(p.main, sm.func);
    // The body is the statements and the var declaration, in order.
    let items = &main.files[sm.file].ast.items;
    let kinds: Vec<&str> = sm
        .items
        .iter()
        .map(|&i| match &items[i] {
            Item::Stmt(_) => "stmt",
            Item::Decl(_) => "var",
        })
        .collect();
    assert_eq!(kinds, ["stmt", "stmt", "stmt", "var", "stmt"]);
    // const, type and func are package-level.
    assert!(main.scope.contains_key("k"));
    assert!(main.scope.contains_key("P"));
    assert!(main.scope.contains_key("helper"));
    assert!(!main.scope.contains_key("y"));
    // fmt was imported implicitly.
    assert!(p.packages.iter().any(|pk| pk.path == "fmt"));
}

#[test]
fn explicit_unused_import_is_still_an_error() {
    assert_eq!(
        errors_of("main.gol", "import \"os\"\nfmt.Println(\"hi\")\n"),
        ["1:8: \"os\" imported and not used"]
    );
}

#[test]
fn implicit_import_in_a_script_with_func_main() {
    let src = "package main\n\nfunc main() {\n\tfmt.Println(strings.ToUpper(\"x\"))\n}\n";
    assert_eq!(errors_of("main.gol", src), Vec::<String>::new());
    // Go files get no implicit imports.
    assert_eq!(
        errors_of("main.go", src),
        ["4:2: undefined: fmt", "4:14: undefined: strings"]
    );
}

#[test]
fn statements_beside_func_main_are_rejected() {
    assert_eq!(
        errors_of("main.gol", "func main() {}\nx := 1\n"),
        ["2:1: syntax error: non-declaration statement outside function body"]
    );
}

#[test]
fn script_vars_are_locals_of_main() {
    assert_eq!(
        errors_of("main.gol", "var count int\nfunc inc() { count++ }\ninc()\n"),
        [
            "1:5: declared and not used: count",
            "2:14: undefined: count"
        ]
    );
    assert_eq!(
        errors_of("main.gol", "unused := 3\n"),
        ["1:1: declared and not used: unused"]
    );
}

#[test]
fn unknown_import_lists_the_packages() {
    assert_eq!(
        errors_of("main.gol", "import \"nosuch\"\nnosuch.Foo()\n"),
        ["1:8: package nosuch is not in std; gol has: flag, fmt, io, math/rand, os, runtime, strconv, strings, sync, time"]
    );
}

#[test]
fn a_local_name_shadows_an_implicit_package() {
    assert_eq!(
        errors_of("main.gol", "fmt := 3\nfmt.Println(fmt)\n"),
        ["2:5: fmt.Println undefined (type int has no field or method Println)"]
    );
}
