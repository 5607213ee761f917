//! gol's own rules (the subset it rejects, with its own wording) and
//! programs of several files.

mod check_util;

use check_util::{check_files, go_errors};

#[test]
fn complex_numbers_are_accepted_and_constraints_rejected() {
    let src = "package main

func main() {
	var c complex128
	z := 1 + 2i
	_ = real(z)
	var cm comparable
	_, _ = c, cm
	_ = z < c
}
";
    assert_eq!(
        go_errors(src),
        [
            "7:9: cannot use type comparable outside a type constraint: interface is (or embeds) comparable",
            "9:6: invalid operation: z < c (operator < not defined on complex128)",
        ]
    );
}

/// Go's causes for a function that is not an iterator, at the range
/// expression (Go also prints the parameters' names in the types).
#[test]
fn range_over_functions_that_are_not_iterators() {
    let src = "package main

func a(yield func(int)) {}
func b(yield func(int, int, int) bool) {}
func c(x int) {}
func d(yield func(int) bool) int { return 0 }

func main() {
	for x := range a {
		println(x)
	}
	for x := range b {
		println(x)
	}
	for x := range c {
		println(x)
	}
	for x := range d {
		println(x)
	}
}
";
    assert_eq!(
        go_errors(src),
        [
            "9:17: cannot range over a (value of type func(func(int))): func must be func(yield func(...) bool): yield func does not return bool",
            "12:17: cannot range over b (value of type func(func(int, int, int) bool)): func must be func(yield func(...) bool): yield func has too many parameters",
            "15:17: cannot range over c (value of type func(int)): func must be func(yield func(...) bool): argument is not func",
            "18:17: cannot range over d (value of type func(func(int) bool) int): func must be func(yield func(...) bool): unexpected results",
        ]
    );
}

#[test]
fn any_and_error_are_ordinary_types() {
    check_util::assert_clean(
        "package main

func main() {
	var a any = 1
	var e error
	var xs []any = []any{a, e}
	_ = xs
}
",
    );
}

#[test]
fn main_must_exist() {
    assert_eq!(
        go_errors("package main\n\nfunc helper() {}\n"),
        ["1:1: function main is undeclared in the main package"]
    );
}

#[test]
fn errors_of_every_file_in_one_run_sorted() {
    let a = "package main

func main() {
	var t T
	t.M()
	helper(1)
	x := 1
}
";
    let b = "package main

type T struct{}

func (T) M() {}

func helper() {}

var y int = \"s\"
";
    let c = check_files(&[("a.go", a), ("b.go", b)]);
    let got: Vec<String> = c.diags.iter().map(|d| d.one_line(&c.sources)).collect();
    assert_eq!(
        got,
        [
            "a.go:6:9: too many arguments in call to helper",
            "a.go:7:2: declared and not used: x",
            "b.go:9:13: cannot use \"s\" (untyped string constant) as int value in variable declaration",
        ]
    );
}

#[test]
fn redeclaration_across_files_points_at_the_other() {
    let c = check_files(&[
        ("a.go", "package main\n\nfunc main() {}\n\nvar x = 1\n"),
        ("b.go", "package main\n\nvar x = 2\n"),
    ]);
    assert_eq!(c.diags.len(), 1);
    let d = &c.diags[0];
    assert_eq!(
        d.one_line(&c.sources),
        "b.go:3:5: x redeclared in this block"
    );
    assert_eq!(d.secondary.len(), 1);
    assert_eq!(c.sources.position(d.secondary[0].span.lo), "a.go:5:5");
    assert_eq!(d.secondary[0].message, "other declaration of x");
}

#[test]
fn functions_without_body_only_in_standard_packages() {
    assert_eq!(
        go_errors("package main\n\nfunc native() int\n\nfunc main() { _ = native() }\n"),
        ["3:6: missing function body"]
    );
    // The test importer's packages declare bodyless functions freely.
    check_util::assert_clean(
        "package main\n\nimport \"strings\"\n\nfunc main() { _ = strings.Repeat(\"a\", 2) }\n",
    );
}

#[test]
fn unexported_names_are_invisible_to_importers() {
    assert_eq!(
        go_errors(
            "package main\n\nimport \"strings\"\n\nfunc main() {\n\tvar b strings.Builder\n\t_ = b.buf\n}\n"
        ),
        ["7:8: b.buf undefined (cannot refer to unexported field buf)"]
    );
}
