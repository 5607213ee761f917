//! Type errors of small programs, with the messages and positions that
//! native Go 1.27 (`go build -gcflags=-e`) reports for the same source.
//! Each expected list was produced by running Go on the program (first
//! line of each message); `missing function body` is gol's own rule.

mod check_util;

use check_util::go_errors;

fn check(src: &str, want: &[&str]) {
    let got = go_errors(src);
    let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want, "\n got: {got:#?}\nwant: {want:#?}");
}

#[test]
fn constants_overflow_truncation_division() {
    check(
        r#"package main

func main() {
	var b byte = 300
	var c byte
	c = 1.5
	const k byte = 255 + 1
	var x int8 = 127
	x = x + 128
	const m int8 = 100 * 2
	_ = 1 / 0
	_, _, _ = b, c, x
	const n int8 = 100
	_ = n * 2
	_ = int8(200)
	_ = 1 << 70
	var f float64
	_ = f % 2
	_ = -uint(1)
	_ = 1.5 << 2
	var s uint = 2
	_ = 1.5 << s
}
"#,
        &[
            "4:15: cannot use 300 (untyped int constant) as byte value in variable declaration (overflows)",
            "6:6: cannot use 1.5 (untyped float constant) as byte value in assignment (truncated)",
            "7:17: cannot use 255 + 1 (untyped int constant 256) as byte value in constant declaration (overflows)",
            "9:10: 128 (untyped int constant) overflows int8",
            "10:17: cannot use 100 * 2 (untyped int constant 200) as int8 value in constant declaration (overflows)",
            "11:10: invalid operation: division by zero",
            "14:6: n * 2 (constant 200 of type int8) overflows int8",
            "15:11: constant 200 overflows int8",
            "16:6: cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value in assignment to _ identifier (overflows)",
            "18:6: invalid operation: operator % not defined on f (variable of type float64)",
            "19:6: -uint(1) (constant -1 of type uint) overflows uint",
            "20:6: invalid operation: shifted operand 1.5 (untyped float constant) must be integer",
            "22:6: invalid operation: shifted operand 1.5 (untyped float constant) must be integer",
        ],
    );
}

#[test]
fn interface_satisfaction_pointer_receivers() {
    check(
        r#"package main

type I interface{ M() }
type T struct{}

func (*T) M() {}

type U struct{}

func main() {
	var i I
	var t T
	i = t
	var u U
	i = u
	i = &t
	_ = i
	var e error = t
	_ = e
}
"#,
        &[
            "13:6: cannot use t (variable of struct type T) as I value in assignment: T does not implement I (method M has pointer receiver)",
            "15:6: cannot use u (variable of struct type U) as I value in assignment: U does not implement I (missing method M)",
            "18:16: cannot use t (variable of struct type T) as error value in variable declaration: T does not implement error (missing method Error)",
        ],
    );
}

#[test]
fn unused_imports_vars_and_assignment_counts() {
    check(
        r#"package main

import "fmt"

func f() int { return 1 }

func main() {
	a, b := f()
	x := 1
	x := 2
	var y int
	y, z := 1
}
"#,
        &[
            "3:8: \"fmt\" imported and not used",
            "8:2: declared and not used: a",
            "8:5: declared and not used: b",
            "8:10: assignment mismatch: 2 variables but f returns 1 value",
            "9:2: declared and not used: x",
            "10:4: no new variables on left side of :=",
            "11:6: declared and not used: y",
            "12:5: declared and not used: z",
            "12:10: assignment mismatch: 2 variables but 1 value",
        ],
    );
}

#[test]
fn mismatched_operators_comparisons_assignability() {
    check(
        r#"package main

func main() {
	var x int
	var s string
	_ = x + s
	_ = s - s
	f := func() {}
	_ = f == f
	var m map[[]int]int
	_ = m
	3 = 4
	f()
	x + 1
	var sl []int
	_ = sl == sl
	_ = nil == nil
}
"#,
        &[
            "6:6: invalid operation: x + s (mismatched types int and string)",
            "7:6: invalid operation: operator - not defined on s (variable of type string)",
            "9:6: invalid operation: f == f (func can only be compared to nil)",
            "10:12: invalid map key type []int",
            "12:2: cannot assign to 3 (neither addressable nor a map index expression)",
            "14:2: x + 1 (value of type int) is not used",
            "16:6: invalid operation: sl == sl (slice can only be compared to nil)",
            "17:13: invalid operation: nil == nil (operator == not defined on untyped nil)",
        ],
    );
}

#[test]
fn missing_return_undefined_and_builtin_args() {
    check(
        r#"package main

func f() int { return 1 }
func g() int {
	for {
	}
}
func h() int {
	if true {
		return 1
	}
}
func k(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic(2)
	}
}
func main() {
	f()
	var p struct{ a int }
	p.b = 1
	undefinedx = 2
	_ = len(1)
}
"#,
        &[
            "12:1: missing return",
            "24:4: p.b undefined (type struct{a int} has no field or method b)",
            "25:2: undefined: undefinedx",
            "26:10: invalid argument: 1 (untyped int constant) for built-in len",
        ],
    );
}

#[test]
fn recursive_types_and_init_cycles_and_main_signature() {
    check(
        r#"package main

type T [len(T{})]int
type S struct{ s S }

const A = B
const B = A

var x = y
var y = x

func main(a int) int { return 0 }
"#,
        &[
            "3:6: invalid recursive type: T refers to itself",
            "4:6: invalid recursive type: S refers to itself",
            "6:7: initialization cycle for A",
            "9:5: initialization cycle for x",
            "12:6: func main must have no arguments and no return values",
        ],
    );
}

#[test]
fn type_switch_duplicates_labels_comparable() {
    check(
        r#"package main

func main() {
	var i interface{}
	switch v := i.(type) {
	case int, int:
	}
	switch i.(type) {
	case int:
	case int:
	}
	var e error
	_ = e.(int)
L:
	for {
		break M
	}
N:
	for {
	}
	var c comparable
	_ = c
}
"#,
        &[
            "5:9: v declared and not used",
            "6:12: duplicate case int in type switch",
            "10:7: duplicate case int in type switch",
            "13:6: impossible type assertion: e.(int)",
            "14:1: label L defined and not used",
            "16:9: break label not defined: M",
            "18:1: label N defined and not used",
            "21:8: cannot use type comparable outside a type constraint: interface is (or embeds) comparable",
        ],
    );
}

#[test]
fn ambiguous_selectors() {
    check(
        r#"package main

type A struct {
	B
	C
}
type B struct{ X int }
type C struct{ X int }

func main() {
	var a A
	_ = a.X
	x := 1
	x = 2
}
"#,
        &[
            "12:8: ambiguous selector a.X",
            "13:2: declared and not used: x",
        ],
    );
}

#[test]
fn unused_results_calls_and_range() {
    check(
        r#"package main

func main() {
	x := 1
	x + 1
	var y interface{}
	_ = y.(string)
	var s []int
	s.foo()
	var t struct{}
	t()
	for i := range 3.5 {
	}
}
"#,
        &[
            "5:2: x + 1 (value of type int) is not used",
            "9:4: s.foo undefined (type []int has no field or method foo)",
            "11:2: invalid operation: cannot call t (variable of type struct{}): struct{} is not a function",
            "12:17: cannot range over 3.5 (untyped float constant)",
        ],
    );
}

#[test]
fn channels_builtins_and_branches() {
    check(
        r#"package main

func main() {
	continue
	for {
	L:
		;
		break L
	}
	var c chan<- int
	<-c
	var r <-chan int
	r <- 1
	close(r)
	_ = append(1, 2)
	_ = copy(1, 2)
	var x int
	x.y = 3
	_ = make(int)
	_ = max("a", 1)
	_ = min()
}
"#,
        &[
            "4:2: continue is not in a loop",
            "8:9: invalid break label L",
            "11:4: invalid operation: cannot receive from send-only channel chan<- int c (variable of type chan<- int)",
            "13:2: invalid operation: cannot send to receive-only channel <-chan int r (variable of type <-chan int)",
            "14:8: invalid operation: cannot close receive-only channel r (variable of type <-chan int)",
            "15:13: invalid append: argument must be a slice; have 1 (untyped int constant)",
            "16:11: invalid copy: argument must be a slice; have 1 (untyped int constant)",
            "18:4: x.y undefined (type int has no field or method y)",
            "19:11: invalid argument: cannot make int: type must be slice, map, or channel",
            "20:15: invalid argument: mismatched types untyped string (previous argument) and untyped int (type of 1)",
            "21:6: invalid operation: not enough arguments for min() (expected 1, found 0)",
        ],
    );
}

#[test]
fn methods_fields_nil_and_literals() {
    check(
        r#"package main

type T struct{ a int }

func (T) a() {}
func (t T) M() {}
func (t T) M() {}
func main() {
	var x int = "s"
	var p *int = nil
	_ = p
	_ = nil
	var q = nil
	const c = 10
	c = 5
	_ = T{1, 2}
	_ = T{b: 1}
	_ = []int{1: 1, 1: 2}
	_ = [2]int{1, 2, 3}
}
"#,
        &[
            "5:10: field and method with the same name a",
            "7:12: method T.M already declared at ./main.go:6:12",
            "9:6: declared and not used: x",
            "9:14: cannot use \"s\" (untyped string constant) as int value in variable declaration",
            "12:6: use of untyped nil in assignment to _ identifier",
            "13:6: declared and not used: q",
            "13:10: use of untyped nil in variable declaration",
            "15:2: cannot assign to c (neither addressable nor a map index expression)",
            "16:11: too many values in struct literal of type T",
            "17:8: unknown field b in struct literal of type T",
            "18:18: duplicate index 1 in array or slice literal",
            "19:19: index 2 is out of bounds (>= 2)",
        ],
    );
}

#[test]
fn multi_value_contexts_and_shifts() {
    check(
        r#"package main

var a, b = 1

func f() (int, int) { return 1 }
func g()            { return 1 }
func main() {
	var x, y int = f(), 1
	_, _ = x, y
	print(f())
	f() + 1
	_ = "a" * 2
	_ = 1 << 1.5
	var u uint = -1
	_ = u
	_ = 1 / 0.0
}
"#,
        &[
            "3:12: assignment mismatch: 2 variables but 1 value",
            "5:30: not enough return values",
            "6:30: too many return values",
            "8:17: multiple-value f() (value of type (int, int)) in single-value context",
            "11:2: multiple-value f() (value of type (int, int)) in single-value context",
            "12:6: invalid operation: \"a\" * 2 (mismatched types untyped string and untyped int)",
            "13:11: 1.5 (untyped float constant) truncated to uint",
            "14:15: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)",
            "16:10: invalid operation: division by zero",
        ],
    );
}

#[test]
fn qualified_identifiers_and_conversions() {
    check(
        r#"package main

import "strings"
import "os"

func main() {
	strings.foo()
	os.x = 1
	var s string = 1 + "a"
	_ = s
	var i int
	i.x()
	var bb []byte
	bb = "x"
	_ = string(1.5)
	_ = int("a")
	_ = int(1.5)
}
"#,
        &[
            "7:10: undefined: strings.foo",
            "8:5: undefined: os.x",
            "9:17: invalid operation: 1 + \"a\" (mismatched types untyped int and untyped string)",
            "12:4: i.x undefined (type int has no field or method x)",
            "13:6: declared and not used: bb",
            "14:7: cannot use \"x\" (untyped string constant) as []byte value in assignment",
            "15:13: cannot convert 1.5 (untyped float constant) to type string",
            "16:10: cannot convert \"a\" (untyped string constant) to type int",
            "17:10: cannot convert 1.5 (untyped float constant) to type int",
        ],
    );
}

#[test]
fn redeclaration_and_constant_indices() {
    check(
        r#"package main

const m int8 = 100

var x = 1
var x = 2

func main() {
	var i int = 1
	i++
	y := 2
	y = 3
	var u8 uint8 = 1
	_ = u8 << 300
	_ = "abc"[5]
	a := [3]int{}
	_ = a[5]
	_ = ^uint8(1)
}
"#,
        &[
            "6:5: x redeclared in this block",
            "11:2: declared and not used: y",
            "15:12: invalid argument: index 5 out of bounds [0:3]",
            "17:8: invalid argument: index 5 out of bounds [0:3]",
        ],
    );
}

#[test]
fn shadowed_package_append_len_and_named_types() {
    check(
        r#"package main

import "fmt"

func main() {
	fmt.Println(1)
	fmt := 2
	_ = fmt
	var e error = nil
	_ = e
	var z any = nil
	_ = z
	var s []int
	s = append(s, "x")
	_ = len(s, s)
	for i := range 10 {
		_ = i
	}
	type T int
	var t T
	t = 5
	_ = t + 1.5
}
"#,
        &[
            "14:16: cannot use \"x\" (untyped string constant) as int value in argument to append",
            "15:6: invalid operation: too many arguments for len(s, s) (expected 1, found 2)",
            "22:10: 1.5 (untyped float constant) truncated to int",
        ],
    );
}

#[test]
fn variadic_calls_and_assertions() {
    check(
        r#"package main

func f(a ...int) {}
func g() (int, string) { return 0, "" }
func main() {
	f(1, 2)
	xs := []int{}
	f(xs...)
	f(1, xs...)
	f(g())
	var i interface{ M() }
	i.M(1)
	_ = i.(int)
	var x int
	_ = x.(int)
}
"#,
        &[
            "9:7: too many arguments in call to f",
            "10:4: cannot use g() (value of type string) as int value in argument to f",
            "12:6: too many arguments in call to i.M",
            "13:6: impossible type assertion: i.(int)",
            "15:6: invalid operation: x (variable of type int) is not an interface",
        ],
    );
}

#[test]
fn method_values_and_expressions() {
    check(
        r#"package main

type T struct{}

func (t T) M() {}
func main() {
	var t T
	_ = T.M
	_ = (*T).M
	f := t.M
	_ = f
	T.M(t)
	_ = &T{}
	_ = &t.M
	var p *T
	p.M()
	var pp **T
	pp.M()
}
"#,
        &[
            "14:7: invalid operation: cannot take address of t.M (value of type func())",
            "18:5: pp.M undefined (type **T has no field or method M)",
        ],
    );
}

#[test]
fn imports_init_cycles_through_functions_go_defer() {
    check(
        r#"package main

import (
	"fmt"
	"os"
	str "strings"
)

var x = f()

func f() int { return x }

var p, q = g()

func g() (int, int) { return 1, 2 }

func main() {
	fmt.Println(p, q)
	var unused int
	go fmt.Println()
	defer len("x")
	go func() {}
	func() {}()
}
"#,
        &[
            "5:2: \"os\" imported and not used",
            "6:2: \"strings\" imported as str and not used",
            "9:5: initialization cycle for x",
            "19:6: declared and not used: unused",
            "21:8: defer discards result of len(\"x\") (constant 1 of type int)",
            "22:5: expression in go must be function call",
        ],
    );
}

#[test]
fn embedding_promotion_and_method_sets() {
    check(
        r#"package main

type Animal interface {
	Sound() string
	Name() string
}

type Dog struct{ name string }

func (d Dog) Sound() string { return "woof" }

type Base struct{ id int }

func (b *Base) ID() int { return b.id }

type Derived struct {
	Base
	extra int
}

type Wrapper struct {
	*Base
}

type IDer interface{ ID() int }

func main() {
	var a Animal = Dog{"rex"}
	_ = a
	d := Derived{}
	_ = d.ID()
	_ = d.id
	var i IDer = d
	var j IDer = &d
	var k IDer = Wrapper{}
	_, _, _ = i, j, k
	var s fmt.Stringer
}
"#,
        &[
            "28:17: cannot use Dog{…} (value of struct type Dog) as Animal value in variable declaration: Dog does not implement Animal (missing method Name)",
            "33:15: cannot use d (variable of struct type Derived) as IDer value in variable declaration: Derived does not implement IDer (method ID has pointer receiver)",
            "37:6: declared and not used: s",
            "37:8: undefined: fmt",
        ],
    );
}

#[test]
fn scopes_closures_switch_select_range() {
    check(
        r#"package main

func main() {
	x := 1
	{
		x := 2
		_ = x
	}
	if x := 3; x > 0 {
	}
	for i := 0; i < 3; i++ {
		defer func() { println(i) }()
	}
	var fs []func()
	for _, v := range []int{1, 2} {
		fs = append(fs, func() { println(v) })
	}
	_ = fs
	switch y := x; y {
	case 1, 2:
	case 1:
	case "a":
	}
	var ch chan int
	select {
	case v := <-ch:
		_ = v
	case ch <- 1:
	case v, ok := <-ch:
		_ = v
	default:
	}
	m := map[string]int{"a": 1, "a": 2}
	v, ok := m["a"]
	_, _ = v, ok
	var a [3]int
	for i, e := range &a {
		_, _ = i, e
	}
	for k, vv := range "héllo" {
		var r rune = vv
		_, _ = k, r
	}
	for range ch {
	}
	for x, y := range ch {
	}
}
"#,
        &[
            "21:7: duplicate case 1 (constant of type int) in expression switch",
            "22:7: cannot convert \"a\" (untyped string constant) to type int",
            "29:10: declared and not used: ok",
            "33:30: duplicate key \"a\" in map literal",
            "46:6: declared and not used: x",
            "46:9: range over ch (variable of type chan int) permits only one iteration variable",
        ],
    );
}

#[test]
fn returns_terminating_statements_fallthrough() {
    check(
        r#"package main

func f() (x int, err error) {
	{
		x := 2
		_ = x
		return
	}
}

func g() (int, error) {
	return 1
}

func h() int {
	return 1, 2
}

func k() {
	for {
		break
	}
}

func l() int {
	for {
		break
	}
}

func m(x int) int {
	switch {
	case x > 0:
		return 1
	}
}

func main() {
	fallthrough
	switch {
	case true:
		fallthrough
	case false:
		fallthrough
	}
}
"#,
        &[
            "7:3: result parameter x not in scope at return",
            "12:9: not enough return values",
            "16:12: too many return values",
            "29:1: missing return",
            "36:1: missing return",
            "39:2: fallthrough statement out of place",
            "44:3: cannot fallthrough final case in switch",
        ],
    );
}

#[test]
fn named_types_composites_conversions() {
    check(
        r#"package main

type Celsius float64
type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func main() {
	var c Celsius = 36.6
	var f float64 = c
	f = float64(c)
	var pts = []Point{{1, 2}, {3, 4}}
	var pps = []*Point{{1, 2}}
	mp := map[string]Point{"a": {1, 2}}
	_, _, _, _ = f, pts, pps, mp
	arr := [...]int{1, 2, 3}
	var arr2 [4]int = arr
	_ = arr2
	var b []byte = []byte("abc")
	s := string(b)
	r := []rune(s)
	_ = string(r)
	_ = string(rune(65))
	var i interface{} = 1
	n := i.(int)
	n2, ok := i.(string)
	_, _, _ = n, n2, ok
	var ip *int
	*ip = 1
	_ = Point.Add
	var e error
	_ = e.Error()
	type local struct{ next *local }
	var l local
	_ = l.next.next
}
"#,
        &[
            "10:18: cannot use c (variable of float64 type Celsius) as float64 value in variable declaration",
            "17:20: cannot use arr (variable of type [3]int) as [4]int value in variable declaration",
        ],
    );
}

#[test]
fn interfaces_across_packages() {
    check(
        r#"package main

import "fmt"

type T struct{}

func (t T) String() string { return "T" }

func use(s fmt.Stringer) {}

func main() {
	use(T{})
	use(&T{})
	use(1)
	var x interface{ String() string } = T{}
	_ = x
	fmt.Printf("%d\n", 1, 2)
	fmt.helper()
	_ = fmt.Stringer(nil)
}
"#,
        &[
            "14:6: cannot use 1 (constant of type int) as fmt.Stringer value in argument to use: int does not implement fmt.Stringer (missing method String)",
            "18:6: undefined: fmt.helper",
        ],
    );
}

#[test]
fn iota_constants_and_array_lengths() {
    check(
        r#"package main

const (
	A = iota
	B
	C
	D = "x"
	E
	F = iota * 10
	G
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

func main() {
	var w Weekday = Monday
	var i int = w
	_ = i
	const big = 1 << 100
	_ = big >> 98
	var f32 float32 = 1e40
	_ = f32
	x := 10
	_ = x << 2.0
	_ = iota
	const h = len("abc")
	var arr [h]int
	_ = arr
	var n = 5
	var arr2 [n]int
	_ = arr2
}
"#,
        &[
            "22:14: cannot use w (variable of int type Weekday) as int value in variable declaration",
            "26:20: cannot use 1e40 (untyped float constant 1e+40) as float32 value in variable declaration (overflows)",
            "30:6: cannot use iota outside constant declaration",
            "34:6: declared and not used: n",
            "35:12: invalid array length n",
        ],
    );
}

#[test]
fn receivers_sends_and_unassignable_operands() {
    check(
        r#"package main

import "fmt"

func (i int) M() {}

type P *int

func (p P) M() {}

type I interface{ M() }

func (i I) N() {}

func nobody()

func main() {
	x := 5
	x = x
	var f func(int) int
	f = func(n int) int {
		if n == 0 {
			return 1
		}
		return n * f(n-1)
	}
	fmt.Println(f(3))
	var ch = make(chan int, 1)
	ch <- "s"
	var m map[string]int
	m.x = 1
	type S struct{ a int }
	ms := map[string]S{}
	ms["a"].a = 1
	var arr [3]int
	arr[1:2][0] = 1
	s := "abc"
	s[0] = 1
	_ = s[1:2:3]
}
"#,
        &[
            "5:9: cannot define new methods on non-local type int",
            "9:9: invalid receiver type P (pointer or interface type)",
            "13:9: invalid receiver type I (pointer or interface type)",
            "15:6: missing function body",
            "29:8: cannot use \"s\" (untyped string constant) as int value in send",
            "31:4: m.x undefined (type map[string]int has no field or method x)",
            "34:2: cannot assign to struct field ms[\"a\"].a in map",
            "38:2: cannot assign to s[0] (neither addressable nor a map index expression)",
            "39:12: invalid operation: 3-index slice of string",
        ],
    );
}

#[test]
fn nil_comparisons_and_untyped_operators() {
    check(
        r#"package main

import "fmt"


func main() {
	var x int = nil
	var y = 1 + nil
	var e error
	if e == nil {
	}
	var i interface{} = 5
	if i == 5 {
	}
	var z struct{ a []int }
	_ = z == z
	fmt.Println(x, y)
	var p *int
	_ = p == 0
	var b bool = 1 < 2
	_ = b && 1
	_ = !5
	_ = -"s"
	var u uint8 = 255
	u = u + 1
	_ = u
	_ = a + 1.5
	_ = 1 % 2.0
	const c = 10 / 4.0
	var ci int = c
	_ = ci
}
"#,
        &[
            "7:14: cannot use nil as int value in variable declaration",
            "8:10: invalid operation: 1 + nil (mismatched types untyped int and untyped nil)",
            "16:6: invalid operation: z == z (struct containing []int cannot be compared)",
            "19:11: invalid operation: p == 0 (mismatched types *int and untyped int)",
            "21:6: invalid operation: b && 1 (mismatched types bool and untyped int)",
            "22:7: invalid operation: operator ! not defined on 5 (untyped int constant)",
            "23:7: invalid operation: operator - not defined on \"s\" (untyped string constant)",
            "27:6: undefined: a",
            "28:6: invalid operation: operator % not defined on 1 (untyped float constant)",
            "30:15: cannot use c (untyped float constant 2.5) as int value in variable declaration (truncated)",
        ],
    );
}

#[test]
fn conditions_labels_defaults_and_type_switches() {
    check(
        r#"package main

func main() {
	var a []int
	a.len()
	for i := 0; i < 10; i++ {
		continue L
	}
	switch {
	default:
	default:
	}
	var x interface{}
	switch t := x.(type) {
	case int:
		_ = t + 1
	case string, bool:
		_ = t
	case nil:
	}
	switch x.(type) {
	case fmt:
	}
	if 1 {
	}
	for "x" {
	}
	var v int
	v()
}
"#,
        &[
            "5:4: a.len undefined (type []int has no field or method len)",
            "7:12: continue label not defined: L",
            "11:2: multiple defaults (first at ./main.go:10:2)",
            "22:7: undefined: fmt",
            "24:5: non-boolean condition in if statement",
            "26:6: non-boolean condition in for statement",
            "29:2: invalid operation: cannot call v (variable of type int): int is not a function",
        ],
    );
}

#[test]
fn pointer_methods_and_wrong_method_types() {
    check(
        r#"package main

import "fmt"

type T struct{ x int }

func (t T) Get() int { return t.x }
func (t *T) Set(v int) { t.x = v }

type Getter interface{ Get() int }
type Setter interface{ Set(int) }

func main() {
	T{}.Set(1)
	var g Getter = T{}
	var s Setter = T{}
	var s2 Setter = &T{}
	_, _, _ = g, s, s2
	var m map[string]T
	m["a"].Set(2)
	fmt.Println(m)
	var x interface{ Get() string } = T{}
	_ = x
	var f func() = nil
	f = main
	var i int
	i = f
	const c = "s"
	c += "t"
	var arr [2]int
	arr[2] = 1
	arr[-1] = 0
	var y uint = 1
	y = -y
	_ = y
}
"#,
        &[
            "14:6: cannot call pointer method Set on T",
            "16:17: cannot use T{} (value of struct type T) as Setter value in variable declaration: T does not implement Setter (method Set has pointer receiver)",
            "20:9: cannot call pointer method Set on T",
            "22:36: cannot use T{} (value of struct type T) as interface{Get() string} value in variable declaration: T does not implement interface{Get() string} (wrong type for method Get)",
            "26:6: declared and not used: i",
            "27:6: cannot use f (variable of type func()) as int value in assignment",
            "29:2: cannot assign to c (neither addressable nor a map index expression)",
            "31:6: invalid argument: index 2 out of bounds [0:2]",
            "32:6: invalid argument: index -1 (constant of type int) must not be negative",
        ],
    );
}

#[test]
fn call_and_builtin_argument_errors() {
    check(
        r#"package main

func f(int, string) {}

func g() {}

func main() {
	f(1)
	f(1, "a", 2)
	f("a", 1)
	x := g()
	var y = g()
	_ = append()
	_ = len()
	var s []int
	s = append(s, s)
	s = append(s, s...)
	copy(s, "abc")
	var bs []byte
	copy(bs, "abc")
	new(int, 1)
	make([]int)
	make(map[string]int, 1, 2)
	_ = cap(map[int]int{})
	delete(s, 1)
	close(1)
	var ch <-chan int
	close(ch)
	panic()
	print(nil)
}
"#,
        &[
            "8:4: not enough arguments in call to f",
            "9:12: too many arguments in call to f",
            "10:4: cannot use \"a\" (untyped string constant) as int value in argument to f",
            "10:9: cannot use 1 (untyped int constant) as string value in argument to f",
            "11:2: declared and not used: x",
            "11:7: g() (no value) used as value",
            "12:6: declared and not used: y",
            "12:10: g() (no value) used as value",
            "13:6: invalid operation: not enough arguments for append() (expected 1, found 0)",
            "14:6: invalid operation: not enough arguments for len() (expected 1, found 0)",
            "16:16: cannot use s (variable of type []int) as int value in argument to append",
            "18:7: invalid copy: arguments s (variable of type []int) and \"abc\" (untyped string constant) have different element types int and byte",
            "21:2: invalid operation: too many arguments for new(int, 1) (expected 1, found 2)",
            "22:2: invalid operation: make([]int) expects 2 or 3 arguments; found 1",
            "23:2: invalid operation: make(map[string]int, 1, 2) expects 1 or 2 arguments; found 3",
            "24:10: invalid argument: map[int]int{} (value of type map[int]int) for built-in cap",
            "25:9: invalid argument: s (variable of type []int) is not a map",
            "26:8: invalid operation: cannot close non-channel 1 (untyped int constant)",
            "28:8: invalid operation: cannot close receive-only channel ch (variable of type <-chan int)",
            "29:2: invalid operation: not enough arguments for panic() (expected 1, found 0)",
            "30:8: use of untyped nil in argument to built-in print",
        ],
    );
}

#[test]
fn duplicate_methods_fields_params() {
    check(
        r#"package main

type I interface {
	M()
	M()
}

type J interface {
	I
	N() int
}

type S struct {
	a int
	a string
}

type E struct {
	*int
}

var v = undefinedfn()

func dup(a int, a string) {}

func res() (x int, x string) { return }

func main() {
	var j J
	j.M()
	_ = j.N() + "x"
}
"#,
        &[
            "5:2: duplicate method M",
            "15:2: a redeclared",
            "22:9: undefined: undefinedfn",
            "24:17: a redeclared in this block",
            "26:20: x redeclared in this block",
            "26:32: result parameter x not in scope at return",
            "31:6: invalid operation: j.N() + \"x\" (mismatched types int and untyped string)",
        ],
    );
}

#[test]
fn switch_case_conversions() {
    check(
        r#"package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		go func() {
			fmt.Println(i)
		}()
	}
	var x int
	switch x {
	case "a":
	case 1.5:
	}
	switch {
	case 1:
	}
	var p *int
	switch p {
	case nil:
	}
	type T struct{}
	var t T
	switch t {
	}
	var f func()
	switch f {
	case nil:
	}
}
"#,
        &[
            "13:7: cannot convert \"a\" (untyped string constant) to type int",
            "14:7: 1.5 (untyped float constant) truncated to int",
            "17:7: cannot convert 1 (untyped int constant) to type bool",
        ],
    );
}

#[test]
fn assignability_of_interfaces_pointers_channels() {
    check(
        r#"package main

import "fmt"

type Animal interface{ Speak() string }
type Dog struct{}

func (d Dog) Speak() string { return "woof" }

func describe(a Animal) {}

func main() {
	var d *Dog
	describe(d)
	describe(Dog{})
	var a Animal = Dog{}
	dog := a.(Dog)
	cat := a.(*Dog)
	_, _ = dog, cat
	var n int = a
	var a2 Animal = 5
	fmt.Println(n, a2)
	var e error = "oops"
	_ = e
	var pi *int = new(int)
	var ps *string = pi
	_ = ps
	ch := make(chan int)
	var rch <-chan int = ch
	var sch chan<- int = rch
	_ = sch
	type MyInt int
	var mi MyInt = 5
	var ii int = mi + 1
	_ = ii
}
"#,
        &[
            "20:14: cannot use a (variable of interface type Animal) as int value in variable declaration",
            "21:18: cannot use 5 (constant of type int) as Animal value in variable declaration: int does not implement Animal (missing method Speak)",
            "23:16: cannot use \"oops\" (constant of type string) as error value in variable declaration: string does not implement error (missing method Error)",
            "26:19: cannot use pi (variable of type *int) as *string value in variable declaration",
            "30:23: cannot use rch (variable of type <-chan int) as chan<- int value in variable declaration",
            "34:15: cannot use mi + 1 (value of int type MyInt) as int value in variable declaration",
        ],
    );
}

#[test]
fn unused_variables_in_loops_and_closures() {
    check(
        r#"package main

func main() {
	var s []int
	for i := range s {
	}
	for i, v := range s {
		_ = v
	}
	var m map[string]int
	for k := range m {
		_ = k
	}
	x := 1
	func() {
		x := 2
	}()
	_ = x
	var unusedFn = func() {}
	y := 0
	y++
	z := 0
	z += 1
	var w int
	w = 3
}
"#,
        &[
            "5:6: declared and not used: i",
            "7:6: declared and not used: i",
            "16:3: declared and not used: x",
            "19:6: declared and not used: unusedFn",
            "24:6: declared and not used: w",
        ],
    );
}

#[test]
fn redeclared_functions_types_and_var_counts() {
    check(
        r#"package main

type T struct{ a int }

func (t T) M() {}

func (t *T) M() {}

func (t T) a() {}

func F() {}
func F() {}

var G = 1

func G() {}

type F2 int
type F2 string

func main() {
	var x, y = 1, 2, 3
	var p, q int = 1
	a, b := 1, 2, 3
	_, _, _, _, _, _ = x, y, p, q, a, b
}
"#,
        &[
            "7:13: method T.M already declared at ./main.go:5:12",
            "9:12: field and method with the same name a",
            "12:6: F redeclared in this block",
            "16:6: G redeclared in this block",
            "19:6: F2 redeclared in this block",
            "22:19: extra init expr 3",
            "23:17: assignment mismatch: 2 variables but 1 value",
            "24:10: assignment mismatch: 2 variables but 3 values",
        ],
    );
}

#[test]
fn arity_of_var_and_const_specs() {
    check(
        r#"package main

const a, b = 1
var c, d, e = 1, 2
var f, g = 1, 2, 3

const (
	h, i = 1, 2
	j
)

func main() {
	const k, l = 1
	var m, n, o = 1, 2
	_, _, _ = m, n, o
}
"#,
        &[
            "3:10: missing init expr for b",
            "4:11: missing init expr for e",
            "5:18: extra init expr 3",
            "9:2: extra init expr at ./main.go:8:12",
            "13:11: missing init expr for l",
            "14:12: missing init expr for o",
        ],
    );
}

#[test]
fn unused_variables_after_count_mismatches() {
    check(
        r#"package main

func f() int { return 1 }

func main() {
	a, b := f()
	var c, d = f()
	var e, g int
	e, g = f()
	var h, i, j = 1, 2
	type t struct {
		x int
		x int
	}
	var v t
	_ = v.x
}
"#,
        &[
            "6:2: declared and not used: a",
            "6:5: declared and not used: b",
            "6:10: assignment mismatch: 2 variables but f returns 1 value",
            "7:6: declared and not used: c",
            "7:9: declared and not used: d",
            "7:13: assignment mismatch: 2 variables but f returns 1 value",
            "8:6: declared and not used: e",
            "8:9: declared and not used: g",
            "9:9: assignment mismatch: 2 variables but f returns 1 value",
            "10:6: declared and not used: h",
            "10:9: declared and not used: i",
            "10:12: missing init expr for j",
            "10:12: declared and not used: j",
            "13:3: x redeclared",
        ],
    );
}

#[test]
fn cycle_reports_inherited_constants_and_invalid_cases() {
    check(
        r#"package main

var (
	a, b = f()
	c    = b
)

func f() (int, int) {
	return c, c
}

const (
	ok = byte(iota + 253)
	bad
	barn
	bard
)

const (
	k = len([1 - iota]int{})
	l
	m
)

func main() {
	switch {
	case 0 == 0:
	case 1 == 1:
	}
	var x interface{}
	switch t := x.(type) {
	case 0:
		t.x = 1
	}
}
"#,
        &[
            "4:5: initialization cycle for b",
            "16:2: constant 256 overflows byte",
            "22:2: invalid array length 1 - iota (untyped int constant -1)",
            "32:7: 0 is not a type",
        ],
    );
}
