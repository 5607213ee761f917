//! strconv against `../testdata/strconv.tsv` (see `testdata/gen/strconv.go`).

use super::{show, unhex, Failures};
use crate::format::*;

const TABLE: &str = include_str!("../testdata/strconv.tsv");

fn rows(tag: &str) -> impl Iterator<Item = Vec<&'static str>> + '_ {
    TABLE.lines().filter_map(move |l| {
        let f: Vec<&str> = l.split('\t').collect();
        (f[0] == tag).then_some(f)
    })
}

fn err_text<T>(r: &Result<T, (T, NumError)>) -> String {
    match r {
        Ok(_) => String::new(),
        Err((_, e)) => e.to_string(),
    }
}

#[test]
fn format_int_and_uint() {
    let mut f = Failures::new("FormatInt/FormatUint");
    for r in rows("fi") {
        f.case();
        let (i, base): (i64, u32) = (r[1].parse().unwrap(), r[2].parse().unwrap());
        let got = format_int(i, base).unwrap();
        if got != r[3] {
            f.fail(format!("FormatInt({i}, {base}) = {got}, Go {}", r[3]));
        }
        let mut buf = b"x".to_vec();
        append_int(&mut buf, i, base).unwrap();
        if buf[1..] != *r[3].as_bytes() {
            f.fail(format!("AppendInt({i}, {base}) = {}", show(&buf)));
        }
    }
    for r in rows("fu") {
        f.case();
        let (u, base): (u64, u32) = (r[1].parse().unwrap(), r[2].parse().unwrap());
        let got = format_uint(u, base).unwrap();
        if got != r[3] {
            f.fail(format!("FormatUint({u}, {base}) = {got}, Go {}", r[3]));
        }
    }
    f.finish(1500);
    assert!(format_int(5, 1).is_err());
    assert!(format_int(5, 37).is_err());
    assert_eq!(itoa(-42), "-42");
}

#[test]
fn format_float_table() {
    let mut f = Failures::new("FormatFloat");
    for r in rows("ff") {
        f.case();
        let bits = u64::from_str_radix(r[1], 16).unwrap();
        let v = f64::from_bits(bits);
        let fmt = r[2].as_bytes()[0];
        let prec: i64 = r[3].parse().unwrap();
        let bs: i64 = r[4].parse().unwrap();
        let got = format_float(v, fmt, prec, bs).unwrap();
        if got != r[5] {
            f.fail(format!(
                "FormatFloat({v:e} [{bits:016x}], '{}', {prec}, {bs}) = {got}, Go {}",
                fmt as char, r[5]
            ));
        }
    }
    f.finish(15000);
    assert!(format_float(1.0, b'g', -1, 16).is_err());
}

#[test]
fn parse_float_table() {
    let mut f = Failures::new("ParseFloat");
    for r in rows("pf") {
        f.case();
        let s = unhex(r[1]);
        let bs: i64 = r[2].parse().unwrap();
        let want_bits = u64::from_str_radix(r[3], 16).unwrap();
        let res = parse_float(&s, bs);
        let (v, e) = match &res {
            Ok(v) => (*v, String::new()),
            Err((v, e)) => (*v, e.to_string()),
        };
        let same = v.to_bits() == want_bits || v.is_nan() && f64::from_bits(want_bits).is_nan();
        if !same || e != r[4] {
            f.fail(format!(
                "ParseFloat({}, {bs}) = {:016x} {e:?}, Go {} {:?}",
                show(&s),
                v.to_bits(),
                r[3],
                r[4]
            ));
        }
    }
    f.finish(1000);
}

#[test]
fn parse_int_uint_atoi_bool() {
    let mut f = Failures::new("ParseInt/ParseUint/Atoi/ParseBool");
    for r in rows("pi") {
        f.case();
        let s = unhex(r[1]);
        let (base, bs): (i64, i64) = (r[2].parse().unwrap(), r[3].parse().unwrap());
        let res = parse_int(&s, base, bs);
        let v = match &res {
            Ok(v) => *v,
            Err((v, _)) => *v,
        };
        let e = err_text(&res);
        if v.to_string() != r[4] || e != r[5] {
            f.fail(format!(
                "ParseInt({}, {base}, {bs}) = {v} {e:?}, Go {} {:?}",
                show(&s),
                r[4],
                r[5]
            ));
        }
    }
    for r in rows("pu") {
        f.case();
        let s = unhex(r[1]);
        let (base, bs): (i64, i64) = (r[2].parse().unwrap(), r[3].parse().unwrap());
        let res = parse_uint(&s, base, bs);
        let v = match &res {
            Ok(v) => *v,
            Err((v, _)) => *v,
        };
        let e = err_text(&res);
        if v.to_string() != r[4] || e != r[5] {
            f.fail(format!(
                "ParseUint({}, {base}, {bs}) = {v} {e:?}, Go {} {:?}",
                show(&s),
                r[4],
                r[5]
            ));
        }
    }
    for r in rows("ai") {
        f.case();
        let s = unhex(r[1]);
        let res = atoi(&s);
        let v = match &res {
            Ok(v) => *v,
            Err((v, _)) => *v,
        };
        let e = err_text(&res);
        if v.to_string() != r[2] || e != r[3] {
            f.fail(format!(
                "Atoi({}) = {v} {e:?}, Go {} {:?}",
                show(&s),
                r[2],
                r[3]
            ));
        }
    }
    for r in rows("pb") {
        f.case();
        let s = unhex(r[1]);
        let (v, e) = match parse_bool(&s) {
            Ok(v) => (v, String::new()),
            Err(e) => (false, e.to_string()),
        };
        if v.to_string() != r[2] || e != r[3] {
            f.fail(format!(
                "ParseBool({}) = {v} {e:?}, Go {} {:?}",
                show(&s),
                r[2],
                r[3]
            ));
        }
    }
    f.finish(6000);
}

#[test]
fn quote_table() {
    let mut f = Failures::new("Quote*");
    for r in rows("q") {
        f.case();
        let s = unhex(r[1]);
        let checks: [(&str, Vec<u8>, &str); 3] = [
            ("Quote", quote(&s), r[2]),
            ("QuoteToASCII", quote_to_ascii(&s), r[3]),
            ("QuoteToGraphic", quote_to_graphic(&s), r[4]),
        ];
        for (name, got, want) in checks {
            if got != unhex(want) {
                f.fail(format!(
                    "{name}({}) = {}, Go {}",
                    show(&s),
                    show(&got),
                    show(&unhex(want))
                ));
            }
        }
        if can_backquote(&s).to_string() != r[5] {
            f.fail(format!("CanBackquote({}) != {}", show(&s), r[5]));
        }
        // Unquote inverts Quote.
        if unquote(&quote(&s)).as_deref() != Ok(&s[..]) && std::str::from_utf8(&s).is_ok() {
            f.fail(format!("Unquote(Quote({})) differs", show(&s)));
        }
    }
    for r in rows("qr") {
        f.case();
        let c: i64 = r[1].parse().unwrap();
        let checks: [(&str, Vec<u8>, &str); 3] = [
            ("QuoteRune", quote_rune(c), r[2]),
            ("QuoteRuneToASCII", quote_rune_to_ascii(c), r[3]),
            ("QuoteRuneToGraphic", quote_rune_to_graphic(c), r[4]),
        ];
        for (name, got, want) in checks {
            if got != unhex(want) {
                f.fail(format!(
                    "{name}({c}) = {}, Go {}",
                    show(&got),
                    show(&unhex(want))
                ));
            }
        }
        if is_print(c).to_string() != r[5] || is_graphic(c).to_string() != r[6] {
            f.fail(format!(
                "IsPrint/IsGraphic({c:#x}) = {} {}, Go {} {}",
                is_print(c),
                is_graphic(c),
                r[5],
                r[6]
            ));
        }
    }
    for r in rows("ip") {
        f.case();
        let c: i64 = r[1].parse().unwrap();
        if is_print(c).to_string() != r[2] || is_graphic(c).to_string() != r[3] {
            f.fail(format!(
                "IsPrint/IsGraphic({c:#x}) = {} {}, Go {} {}",
                is_print(c),
                is_graphic(c),
                r[2],
                r[3]
            ));
        }
    }
    f.finish(4500);
}

#[test]
fn unquote_table() {
    let mut f = Failures::new("Unquote/UnquoteChar");
    for r in rows("uq") {
        f.case();
        let s = unhex(r[1]);
        let (v, e) = match unquote(&s) {
            Ok(v) => (v, String::new()),
            Err(e) => (Vec::new(), e.to_string()),
        };
        if v != unhex(r[2]) || e != r[3] {
            f.fail(format!(
                "Unquote({}) = {} {e:?}, Go {} {:?}",
                show(&s),
                show(&v),
                show(&unhex(r[2])),
                r[3]
            ));
        }
    }
    for r in rows("uc") {
        f.case();
        let s = unhex(r[1]);
        let q: u8 = r[2].parse().unwrap();
        let got = match unquote_char(&s, q) {
            Ok(c) => format!("{} {} {} ", c.value, c.multibyte, show(c.tail)),
            Err(e) => format!("0 false \"\" {e}"),
        };
        let want = format!("{} {} {} {}", r[3], r[4], show(&unhex(r[5])), r[6]);
        if got != want {
            f.fail(format!("UnquoteChar({}, {q}) = {got}, Go {want}", show(&s)));
        }
    }
    f.finish(100);
}

/// Go's panic values for illegal arguments (printed by native Go with
/// `fmt.Sprint(recover())`).
#[test]
fn illegal_arguments_are_go_panics() {
    let msg = |r: Result<String, StrconvPanic>| r.unwrap_err().to_string();
    assert_eq!(
        msg(format_int(5, 1)),
        "strconv: illegal AppendInt/FormatInt base"
    );
    assert_eq!(
        msg(format_uint(5, 37)),
        "strconv: illegal AppendInt/FormatInt base"
    );
    assert_eq!(
        msg(format_float(1.0, b'g', -1, 16)),
        "strconv: illegal FormatFloat bitSize"
    );
    let mut buf = Vec::new();
    assert_eq!(
        append_float(&mut buf, 1.0, b'g', -1, 16)
            .unwrap_err()
            .to_string(),
        "strconv: illegal AppendFloat bitSize"
    );
    assert_eq!(
        append_int(&mut buf, 1, 99).unwrap_err().to_string(),
        "strconv: illegal AppendInt/FormatInt base"
    );
    append_bool(&mut buf, true);
    append_quote_to_graphic(&mut buf, "\u{3000}\u{7}".as_bytes());
    append_quote_rune_to_graphic(&mut buf, 0x2000);
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        "true\"\u{3000}\\a\"'\u{2000}'"
    );
}
