//! Composite values (structs, slices, maps, pointers, interfaces, methods)
//! against `../testdata/values.tsv` (see `testdata/gen/values.go`, which
//! declares the same values in Go under the same names).

use super::{show, unhex, Failures, FormatBehaviour, TV};
use crate::format::*;

const TABLE: &str = include_str!("../testdata/values.tsv");

fn int(i: i64) -> TV {
    TV::int(i)
}
fn s(x: &str) -> TV {
    TV::string(x)
}
fn t(a: i64, b: &str) -> TV {
    TV::strukt("main.T", vec![("A", int(a)), ("B", s(b))])
}
fn ints(v: &[i64]) -> TV {
    TV::slice("[]int", Kind::Int, v.iter().map(|&i| int(i)).collect())
}
fn main_s(i: i64) -> TV {
    TV::int_k(Kind::Int, "main.S", i).with_string(&format!("S<{i}>"))
}
fn any(v: Option<TV>) -> TV {
    TV::iface("interface {}", v)
}
fn runtime_error(msg: &str) -> TV {
    TV::strukt("runtime.Error", vec![]).with_error(msg)
}
fn main_e(msg: &str) -> TV {
    TV::strukt("main.E", vec![("msg", s(msg))]).with_error(&format!("E:{msg}"))
}
fn map_si(ty: &str, e: &[(&str, i64)]) -> TV {
    TV::map(ty, e.iter().map(|&(k, v)| (s(k), int(v))).collect())
}
fn bytes_arr(ty: &str, b: &[u8]) -> TV {
    TV::array(
        ty,
        Kind::Uint8,
        b.iter()
            .map(|&c| TV::uint_k(Kind::Uint8, "uint8", u64::from(c)))
            .collect(),
    )
}

/// values.go's `F(x)`, whose `Format` echoes its state.
fn main_f(x: i64) -> TV {
    TV::int_k(Kind::Int, "main.F", x).with_format(FormatBehaviour::Echo(x))
}

/// values.go's pointer at the fake address 0xc000010018.
fn fake() -> TV {
    TV::ptr("*int", 0xc000010018, int(0))
}

/// The values of values.go, by name.
fn value(name: &str) -> Option<TV> {
    let u = |zero: bool| {
        let nil_t = TV::nil_of(Kind::Pointer, "*main.T");
        let fields: Vec<(&str, TV)> = if zero {
            vec![
                ("a", int(0)),
                ("C", TV::nil_of(Kind::Slice, "[]int")),
                ("D", TV::nil_of(Kind::Map, "map[string]int")),
                ("E", any(None)),
                ("F", TV::iface("error", None)),
                ("G", TV::iface("fmt.Stringer", None)),
                ("H", nil_t),
                (
                    "I",
                    TV::array(
                        "[2]bool",
                        Kind::Bool,
                        vec![TV::boolean(false), TV::boolean(false)],
                    ),
                ),
                ("J", TV::bytes("[]uint8", None)),
                ("K", bytes_arr("[3]uint8", &[0, 0, 0])),
            ]
        } else {
            vec![
                ("a", int(1)),
                ("C", ints(&[1])),
                ("D", map_si("map[string]int", &[("k", 1)])),
                ("E", any(Some(TV::float(2.5)))),
                ("F", TV::iface("error", Some(main_e("f")))),
                ("G", TV::iface("fmt.Stringer", Some(main_s(3)))),
                ("H", nil_t),
                (
                    "I",
                    TV::array(
                        "[2]bool",
                        Kind::Bool,
                        vec![TV::boolean(true), TV::boolean(false)],
                    ),
                ),
                ("J", TV::bytes("[]uint8", Some(b"hi"))),
                ("K", bytes_arr("[3]uint8", &[1, 2, 3])),
            ]
        };
        TV::strukt("main.U", fields)
    };
    Some(match name {
        "t" => t(1, "x"),
        "ptr_t" => TV::ptr("*main.T", 0xc000010018, t(2, "y")),
        "slice_int" => ints(&[1, -2, 3]),
        "nil_slice" => TV::nil_of(Kind::Slice, "[]int"),
        "empty_slice" => ints(&[]),
        "arr" => TV::array("[3]int", Kind::Int, vec![int(7), int(8), int(9)]),
        "slice_str" => TV::slice("[]string", Kind::String, vec![s("a"), s("b c"), s("")]),
        "map_si" => map_si("map[string]int", &[("b", 2), ("a", 1), ("c", 3)]),
        "map_is" => TV::map(
            "map[int]string",
            vec![(int(3), s("c")), (int(-1), s("m")), (int(10), s("t"))],
        ),
        "map_nil" => TV::nil_of(Kind::Map, "map[string]int"),
        "map_f" => TV::map(
            "map[float64]int",
            vec![
                (TV::float(2.5), int(2)),
                (TV::float(f64::NAN), int(1)),
                (TV::float(0.0), int(4)),
                (TV::float(f64::NEG_INFINITY), int(3)),
            ],
        ),
        "map_b" => TV::map(
            "map[bool]int",
            vec![(TV::boolean(true), int(1)), (TV::boolean(false), int(0))],
        ),
        "map_st" => TV::map(
            "map[main.T]bool",
            vec![
                (t(2, "a"), TV::boolean(true)),
                (t(1, "b"), TV::boolean(false)),
                (t(1, "a"), TV::boolean(true)),
            ],
        ),
        "map_arr" => {
            let a = |x, y| TV::array("[2]int", Kind::Int, vec![int(x), int(y)]);
            TV::map(
                "map[[2]int]string",
                vec![(a(2, 1), s("x")), (a(1, 2), s("y"))],
            )
        }
        "s" => main_s(5),
        "slice_s" => TV::slice("[]main.S", Kind::Int, vec![main_s(1), main_s(2)]),
        "map_s" => TV::map(
            "map[main.S]main.S",
            vec![(main_s(2), main_s(3)), (main_s(1), main_s(4))],
        ),
        "e" => main_e("oops"),
        "p" => TV::strukt("main.P", vec![("X", int(1))]).with_string_panic(s("boom")),
        "pe" => TV::strukt("main.PE", vec![]).with_string_panic(
            TV::ptr(
                "*errors.errorString",
                0xc000014000,
                TV::strukt("errors.errorString", vec![("s", s("bad"))]),
            )
            .with_error("bad"),
        ),
        "slice_p" => TV::slice(
            "[]main.P",
            Kind::Struct,
            vec![TV::strukt("main.P", vec![("X", int(1))]).with_string_panic(s("boom"))],
        ),
        "np_nil" => TV::nil_of(Kind::Pointer, "*main.NP").with_string_panic(runtime_error(
            "runtime error: invalid memory address or nil pointer dereference",
        )),
        "np" => TV::ptr(
            "*main.NP",
            0xc000012000,
            TV::strukt("main.NP", vec![("X", int(4))]),
        )
        .with_string("NP4"),
        "g" => TV::strukt("main.G", vec![("X", int(1))]).with_gostring("G!"),
        "slice_g" => TV::slice(
            "[]main.G",
            Kind::Struct,
            vec![
                TV::strukt("main.G", vec![("X", int(1))]).with_gostring("G!"),
                TV::strukt("main.G", vec![("X", int(2))]).with_gostring("G!"),
            ],
        ),
        "hidden" => TV::strukt("main.Hidden", vec![("s", main_s(1)), ("T", main_s(2))]),
        "named" => TV::slice("main.Named", Kind::Int, vec![int(4), int(5)]),
        "m" => map_si("main.M", &[("z", 26)]),
        "str" => TV::str_t("main.Str", b"hey"),
        "u" => u(false),
        "u_zero" => u(true),
        "emb" => TV::strukt("main.Emb", vec![("T", t(1, "e")), ("N", int(2))]),
        "all" => TV::strukt(
            "main.All",
            vec![
                ("B", TV::boolean(true)),
                ("I8", TV::int_k(Kind::Int8, "int8", -8)),
                ("U16", TV::uint_k(Kind::Uint16, "uint16", 16)),
                ("F32", TV::float_k(Kind::Float32, "float32", 0.25)),
                ("F64", TV::float(1e21)),
                ("S", s("s")),
                ("R", TV::int_k(Kind::Int32, "int32", 'r' as i64)),
                ("By", TV::uint_k(Kind::Uint8, "uint8", u64::from(b'b'))),
            ],
        ),
        "slice_any" => TV::slice(
            "[]interface {}",
            Kind::Interface,
            vec![
                any(Some(int(1))),
                any(Some(s("a"))),
                any(None),
                any(Some(TV::float(2.5))),
                any(Some(ints(&[1]))),
                any(Some(t(0, ""))),
            ],
        ),
        "ptr_slice" => TV::ptr("*[]int", 0xc000016000, ints(&[1, 2])),
        "ptr_map" => TV::ptr(
            "*map[string]int",
            0xc000016008,
            map_si("map[string]int", &[("a", 1)]),
        ),
        "ptr_arr" => TV::ptr(
            "*[2]string",
            0xc000016010,
            TV::array("[2]string", Kind::String, vec![s("x"), s("y")]),
        ),
        "nested" => TV::slice(
            "[][]string",
            Kind::Slice,
            vec![
                TV::slice("[]string", Kind::String, vec![s("a")]),
                TV::slice("[]string", Kind::String, vec![]),
                TV::nil_of(Kind::Slice, "[]string"),
            ],
        ),
        "map_slice" => TV::map(
            "map[string][]int",
            vec![
                (s("y"), TV::nil_of(Kind::Slice, "[]int")),
                (s("x"), ints(&[1, 2])),
            ],
        ),
        "both" => TV::strukt("main.Both", vec![("X", int(1))])
            .with_string("str")
            .with_error("err"),
        "err" => TV::ptr(
            "*errors.errorString",
            0xc000014010,
            TV::strukt("errors.errorString", vec![("s", s("plain error"))]),
        )
        .with_error("plain error"),
        "slice_bytes_named" => TV::bytes("[]uint8", Some(b"AB")),
        "arr_bytes" => bytes_arr("[3]uint8", b"abc"),
        "struct_bytes" => TV::strukt(
            "struct { B []uint8 }",
            vec![("B", TV::bytes("[]uint8", Some(b"hi")))],
        ),
        "anon" => TV::strukt(
            "struct { X int; y string }",
            vec![("X", int(1)), ("y", s("z"))],
        ),
        "nil_ptr_t" => TV::nil_of(Kind::Pointer, "*main.T"),
        "slice_ptr_nil" => TV::slice(
            "[]*main.T",
            Kind::Pointer,
            vec![TV::nil_of(Kind::Pointer, "*main.T")],
        ),
        "slice_err" => TV::slice(
            "[]error",
            Kind::Interface,
            vec![
                TV::iface("error", Some(main_e("a"))),
                TV::iface("error", None),
            ],
        ),
        "map_str_any" => TV::map(
            "map[string]interface {}",
            vec![
                (s("s"), any(Some(main_s(2)))),
                (s("n"), any(None)),
                (s("i"), any(Some(int(1)))),
            ],
        ),
        "floats" => TV::slice(
            "[]float64",
            Kind::Float64,
            [1e21, 1e20, 0.000001, 1e-7, f64::INFINITY, f64::NAN, 0.0]
                .iter()
                .map(|&f| TV::float(f))
                .collect(),
        ),
        "f32s" => TV::slice(
            "[]float32",
            Kind::Float32,
            [0.1f32, 1e21, 16777216.0]
                .iter()
                .map(|&f| TV::float_k(Kind::Float32, "float32", f64::from(f)))
                .collect(),
        ),
        "runes" => TV::slice(
            "[]int32",
            Kind::Int32,
            "héllo"
                .chars()
                .map(|c| TV::int_k(Kind::Int32, "int32", c as i64))
                .collect(),
        ),
        "uints" => TV::slice(
            "[]uint",
            Kind::Uint,
            [0, 1, u64::MAX]
                .iter()
                .map(|&u| TV::uint_k(Kind::Uint, "uint", u))
                .collect(),
        ),
        "f" => main_f(3),
        "f7" => main_f(7),
        "slice_f" => TV::slice("[]main.F", Kind::Int, vec![main_f(1), main_f(2)]),
        "fp" => TV::strukt("main.FP", vec![]).with_format(FormatBehaviour::PartialPanic),
        "fn_nil" => TV::nil_of(Kind::Pointer, "*main.FN").with_format(FormatBehaviour::NilDeref),
        "struct_f" => TV::strukt(
            "struct { A main.F; b main.F }",
            vec![("A", main_f(1)), ("b", main_f(2))],
        ),
        "fake_ptr" => fake(),
        "struct_ptr" => TV::strukt("struct { P *int }", vec![("P", fake())]),
        "slice_ptrs" => TV::slice(
            "[]*int",
            Kind::Pointer,
            vec![fake(), TV::nil_of(Kind::Pointer, "*int")],
        ),
        "nil_chan" => TV::nil_of(Kind::Chan, "chan int"),
        "nil_func" => TV::nil_of(Kind::Func, "func(int) string"),
        "nil_int_ptr" => TV::nil_of(Kind::Pointer, "*int"),
        "map_ptr_key" => TV::map(
            "map[*int]int",
            vec![
                (fake(), int(1)),
                (TV::nil_of(Kind::Pointer, "*int"), int(0)),
            ],
        ),
        _ => return None,
    })
}

#[test]
fn composite_values() {
    let mut f = Failures::new("composite values");
    for line in TABLE.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (name, format, want) = (fields[0], unhex(fields[1]), unhex(fields[2]));
        if name == "map_any" {
            // Go orders interface keys of different dynamic types by type
            // descriptor address; gol by type name (see fmtsort.rs).
            continue;
        }
        let Some(v) = value(name) else {
            f.fail(format!("no Rust value for {name}"));
            continue;
        };
        f.case();
        let got = sprintf(&format, &[&v]).expect("printing succeeds");
        if got != want {
            f.fail(format!(
                "Sprintf({}, {name}) = {}, Go {}",
                show(&format),
                show(&got),
                show(&want)
            ));
        }
    }
    f.finish(900);
}

/// Cases whose expected output was printed by native Go (testdata/gen is
/// the source of the tables; these few were run by hand with `%q`).
#[test]
fn methods_errorf_and_nil_operands() {
    let bad = || TV::strukt("main.Bad", vec![]).with_string_panic(main_s(7));
    let out = |f: &str, args: &[&dyn FmtValue]| {
        String::from_utf8(sprintf(f.as_bytes(), args).unwrap()).unwrap()
    };
    assert_eq!(
        out("%10v|%-10s|%x", &[&main_s(1), &main_s(2), &main_s(3)]),
        "      S<1>|S<2>      |533c333e"
    );
    assert_eq!(out("%10v|", &[&bad()]), "%!v(PANIC=String method: S<7>)|");
    let list = TV::slice(
        "[]interface {}",
        Kind::Interface,
        vec![any(Some(bad())), any(Some(main_s(1)))],
    );
    assert_eq!(
        out("%v %d", &[&list, &main_s(4)]),
        "[%!v(PANIC=String method: S<7>) S<1>] 4"
    );

    let inner = || {
        TV::ptr(
            "*errors.errorString",
            0xc000014020,
            TV::strukt("errors.errorString", vec![("s", s("inner"))]),
        )
        .with_error("inner")
    };
    let (msg, wrapped) = errorf(b"wrap %w and %w %d", &[&inner(), &inner(), &int(3)]).unwrap();
    assert_eq!(msg, b"wrap inner and inner 3");
    assert_eq!(wrapped, vec![0, 1]);
    let err = |m: &str| {
        TV::ptr(
            "*errors.errorString",
            0xc000014030,
            TV::strukt("errors.errorString", vec![("s", s(m))]),
        )
        .with_error(m)
    };
    // Go: "b a b", and Unwrap() []error has 2 errors (indexes sorted, deduplicated).
    let (msg, wrapped) = errorf(b"%[2]w %[1]w %[2]w", &[&err("a"), &err("b")]).unwrap();
    assert_eq!(msg, b"b a b");
    assert_eq!(wrapped, vec![0, 1, 1]);
    let (msg, _) = errorf(b"%w", &[&int(5)]).unwrap();
    assert_eq!(msg, b"%!w(int=5)");
    assert_eq!(out("%w", &[&inner()]), "%!w(*errors.errorString=&{inner})");

    let nil = Nil;
    let got = sprint(&[&nil, &int(1), &nil, &s("a"), &s("b"), &nil]).unwrap();
    assert_eq!(got, b"<nil> 1 <nil>ab<nil>");
    assert_eq!(
        out("%v %d %s", &[&nil, &nil, &nil]),
        "<nil> %!d(<nil>) %!s(<nil>)"
    );
    assert_eq!(
        out("%!v %[2]v %v", &[&int(1), &int(2), &int(3)]),
        "%!!(int=1)v 2 3"
    );
    // A top-level operand of interface kind prints as its dynamic value.
    assert_eq!(
        out("%v %T", &[&any(Some(main_s(9))), &any(Some(int(1)))]),
        "S<9> int"
    );
}

#[test]
fn interface_keys_sort_by_type_name_then_value() {
    // Go's order here depends on type descriptor addresses; gol's is
    // documented as type name first (int < string), then value.
    let m = TV::map(
        "map[interface {}]int",
        vec![
            (any(Some(s("b"))), int(1)),
            (any(Some(int(2))), int(2)),
            (any(Some(s("a"))), int(3)),
            (any(Some(int(1))), int(4)),
            (any(None), int(5)),
        ],
    );
    assert_eq!(
        sprintf(b"%v", &[&m]).unwrap(),
        b"map[<nil>:5 1:4 2:2 a:3 b:1]"
    );
}

/// A value that contains itself through an interface, like
/// `s := []any{nil}; s[0] = s`.
struct Cyclic;

impl FmtValue for Cyclic {
    fn kind(&self) -> Kind {
        Kind::Slice
    }
    fn type_name(&self) -> String {
        "[]interface {}".into()
    }
    fn elem_kind(&self) -> Option<Kind> {
        Some(Kind::Interface)
    }
    fn len(&self) -> usize {
        1
    }
    fn index(&self, _i: usize) -> Option<Box<dyn FmtValue + '_>> {
        Some(Box::new(CyclicIface))
    }
}

struct CyclicIface;

impl FmtValue for CyclicIface {
    fn kind(&self) -> Kind {
        Kind::Interface
    }
    fn type_name(&self) -> String {
        "interface {}".into()
    }
    fn elem(&self) -> Option<Box<dyn FmtValue + '_>> {
        Some(Box::new(Cyclic))
    }
}

#[test]
fn cyclic_values_stop_with_an_error() {
    assert_eq!(sprint(&[&Cyclic]), Err(PrintError::TooDeep));
    assert_eq!(sprintf(b"%#v", &[&Cyclic]), Err(PrintError::TooDeep));
}

#[test]
fn panic_while_printing_a_panic_is_reported() {
    // String panics with a value whose own String panics: Go re-panics.
    let inner = TV::strukt("main.Bad", vec![]).with_string_panic(s("again"));
    let outer = TV::strukt("main.Worse", vec![]).with_string_panic(inner);
    assert_eq!(sprint(&[&outer]), Err(PrintError::NestedPanic));
}
