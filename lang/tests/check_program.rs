//! What the checker hands the code generator: the side tables of a
//! checked program.

mod check_util;

use check_util::check_files;
use gol_lang::ast::{Decl, Expr, ExprKind, Item, Stmt, StmtKind};
use gol_lang::check::{CallKind, Mode, Program, SelectionKind};
use gol_lang::constant::Value;
use gol_lang::types::{ids, ObjKind};

fn program(src: &str) -> Program {
    let c = check_files(&[("main.go", src)]);
    let msgs: Vec<String> = c.diags.iter().map(|d| d.one_line(&c.sources)).collect();
    c.program.unwrap_or_else(|| panic!("errors: {msgs:#?}"))
}

/// The body statements of function `name` in the main package.
fn body<'p>(p: &'p Program, name: &str) -> &'p [Stmt] {
    for f in &p.main_package().files {
        for it in &f.ast.items {
            if let Item::Decl(Decl::Func(fd)) = it {
                if fd.name.name == name {
                    return &fd.body.as_ref().expect("body").stmts;
                }
            }
        }
    }
    panic!("no func {name}")
}

fn define_value(s: &Stmt) -> &Expr {
    match &s.kind {
        StmtKind::Define { values, .. } => &values[0],
        StmtKind::Decl(Decl::Var(g)) => &g.specs[0].values[0],
        k => panic!("not a definition: {k:?}"),
    }
}

#[test]
fn constants_and_untyped_expressions_get_their_final_types() {
    let p = program(
        "package main

func main() {
	var s uint = 3
	a := 1 << 3
	var b int64 = 1 << s
	var c float64 = 2
	d := 'x'
	_, _, _, _ = a, b, c, d
}
",
    );
    let st = body(&p, "main");
    let ty = |e: &Expr| p.info.types[&e.id].clone();
    let a = ty(define_value(&st[1]));
    assert_eq!(a.mode, Mode::Constant);
    assert_eq!(a.ty, ids::INT);
    assert_eq!(a.value.as_deref(), Some(&Value::int(8)));
    // The untyped left operand of a non-constant shift takes the type of
    // the context.
    let b = define_value(&st[2]);
    assert_eq!(ty(b).ty, ids::INT64);
    let ExprKind::Binary(_, l, _) = &b.kind else {
        panic!()
    };
    assert_eq!(ty(l).ty, ids::INT64);
    assert_eq!(ty(define_value(&st[3])).ty, ids::FLOAT64);
    assert_eq!(
        p.types.type_string(ty(define_value(&st[4])).ty, None),
        "rune"
    );
}

#[test]
fn selections_through_embedded_fields_and_promoted_methods() {
    let p = program(
        "package main

type Base struct{ id int }

func (b *Base) ID() int { return b.id }

type Mid struct {
	x int
	*Base
}

type Top struct {
	name string
	Mid
}

func main() {
	var t Top
	_ = t.id
	_ = t.ID()
	f := (*Base).ID
	_ = f
}
",
    );
    let st = body(&p, "main");
    let rhs = |s: &Stmt| match &s.kind {
        StmtKind::Assign { rhs, .. } => rhs[0].clone(),
        _ => panic!(),
    };
    let field = rhs(&st[1]);
    let sel = &p.info.selections[&field.id];
    assert_eq!(sel.kind, SelectionKind::Field);
    assert_eq!(sel.index, vec![1, 1, 0]);
    assert!(sel.indirect, "reached through the embedded *Base");
    let call = rhs(&st[2]);
    let ExprKind::Call { func, .. } = &call.kind else {
        panic!()
    };
    let msel = &p.info.selections[&func.id];
    assert_eq!(msel.kind, SelectionKind::MethodVal);
    assert_eq!(msel.index, vec![1, 1]);
    assert_eq!(p.info.calls[&call.id], CallKind::Call);
    let m = msel.obj.expect("method object");
    assert_eq!(p.types.obj(m).name, "ID");
    let mexpr = define_value(&st[3]);
    assert_eq!(p.info.selections[&mexpr.id].kind, SelectionKind::MethodExpr);
    let main = Some(p.main_package().id);
    assert_eq!(
        p.types.type_string(p.info.types[&mexpr.id].ty, main),
        "func(*Base) int"
    );
}

#[test]
fn package_variables_initialise_in_dependency_order() {
    let p = program(
        "package main

var a = b + 1
var b = f()
var x, y = pair()
var c = 2

func f() int { return c }
func pair() (int, int) { return 1, 2 }

func main() {}
",
    );
    let order: Vec<Vec<String>> = p
        .main_package()
        .init_order
        .iter()
        .map(|i| i.lhs.iter().map(|o| p.types.obj(*o).name.clone()).collect())
        .collect();
    // Each initializer says where its expression is.
    for init in &p.main_package().init_order {
        let f = &p.main_package().files[init.file];
        let Item::Decl(Decl::Var(g)) = &f.ast.items[init.item] else {
            panic!("not a var declaration")
        };
        assert_eq!(g.specs[init.spec].values[init.value].id, init.rhs);
    }
    // Go's order (checked with `go run`): the earliest ready variable first.
    assert_eq!(order, vec![vec!["x", "y"], vec!["c"], vec!["b"], vec!["a"]]);
}

#[test]
fn loop_variables_captures_conversions_and_type_switch_objects() {
    let p = program(
        "package main

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for k, v := range []int{1} {
		_, _ = k, v
	}
	var e interface{} = 1
	switch v := e.(type) {
	case int:
		_ = float64(v)
	case string:
		_ = v
	}
}
",
    );
    let st = body(&p, "main");
    let vars = &p.info.loop_vars[&st[1].id];
    assert_eq!(vars.len(), 1);
    assert!(p.types.obj(vars[0]).captured);
    assert_eq!(p.info.loop_vars[&st[2].id].len(), 2);
    let StmtKind::TypeSwitch { cases, .. } = &st[4].kind else {
        panic!()
    };
    let int_case = p.info.implicits[&cases[0].implicit];
    assert_eq!(p.types.obj(int_case).ty, ids::INT);
    assert!(matches!(p.types.obj(int_case).kind, ObjKind::Var(_)));
    let StmtKind::Assign { rhs, .. } = &cases[0].body[0].kind else {
        panic!()
    };
    assert_eq!(p.info.calls[&rhs[0].id], CallKind::Conversion(ids::FLOAT64));
}

#[test]
fn imported_packages_come_before_main() {
    let p = program("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n");
    let paths: Vec<&str> = p.packages.iter().map(|pk| pk.path.as_str()).collect();
    assert_eq!(paths.last(), Some(&"main"));
    let fmt = paths.iter().position(|&x| x == "fmt").expect("fmt");
    let io = paths.iter().position(|&x| x == "io").expect("io");
    assert!(io < fmt, "fmt imports io: {paths:?}");
    assert_eq!(p.types.obj(p.main).name, "main");
}
