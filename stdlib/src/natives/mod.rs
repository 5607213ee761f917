//! Native implementations of standard package functions, registered with
//! the VM by name ([`resolve`]).
//!
//! Each native reads its arguments by parameter index through the typed
//! accessors of `NativeCtx` (`ctx.str(0)`, `ctx.int(1)`, `ctx.slice(0)`),
//! which check the read against the native's declared Go signature (see
//! gol_vm's native module), and writes its results over the same window
//! through the typed setters (`ctx.ret_int(0, n)`, `ctx.ret_str(1, b)`),
//! which check the result's kind the same way. Natives
//! never hold heap addresses across a safepoint: they run to completion
//! between interpreter instructions, and the collector only runs between
//! slices. A call back into Go from a native may wait (the callee blocks)
//! while collections run: a native keeps nothing across it that its
//! arguments or the callee's do not reach (gol_vm's native module).
//!
//! | package | module |
//! |---|---|
//! | fmt | [`fmt`] (through [`crate::format`], with [`fmtvalue::VmValue`] as the printer's view of VM values); scanning in [`scan`] |
//! | crypto/sha256, crypto/sha1, crypto/md5 | [`crypto`] |
//! | errors | [`errors`] |
//! | encoding/binary | [`binary`] |
//! | encoding/json | [`json`] |
//! | encoding/xml | [`xml`] |
//! | strings | [`strings`] |
//! | strconv | [`strconv`] |
//! | math | [`math`] |
//! | unicode/utf8 | [`utf8`] |
//! | unicode | [`unicode`] |
//! | sort | [`sort`] |
//! | os | [`ospkg`] |
//! | os/signal, syscall's signals | [`signal`] |
//! | syscall | [`syscall`] |
//! | bytes | [`bytes`] |
//! | math/rand, math/rand/v2 (ziggurat tables, ChaCha8's block) | [`mathrand`] |
//! | net | [`net`] |
//! | net/http | [`http`] |
//! | regexp | [`regexp`] |
//! | runtime | [`runtime`] |
//! | sync | [`sync`] |
//! | sync/atomic | [`syncatomic`] |
//! | text/template | [`template`] |
//! | time | [`time`] |
//!
//! # One table per package, one function per native
//! Each module ends with its table, `NATIVES`: the native's name in its
//! package, its code, and the Go signature that code implements, written
//! as the declaration in `stdlib/go` spells it (`("Count",
//! Native::new(.., "func(s string, substr string) int"))`). Loading a
//! program compares that statement with the declaration the program was
//! compiled against (gol_vm's `native::sig`), and `stdlib/tests/natives.rs`
//! does it for every native of every table. The statement sits in the
//! entry beside the code, so a reader checks one against the other
//! without leaving the line; functions that differ only in an operation
//! share one generic function (`ss_b(c, <[u8]>::starts_with)`) and keep one entry
//! each.
//!
//! [`resolve`] finds a native once, at load; the VM keeps its function
//! pointer, so a call costs no lookup. The rejected alternative, one
//! dispatcher per package matching the native's name on every call (what
//! gol did before), cost about a third of a `strings.HasPrefix` call in a
//! loop: a shared handle on the program, the name split at its package,
//! the package table scanned and the name compared arm by arm.
//!
//! Go-source bodies in `stdlib/go` do what is natural in Go (error values,
//! callbacks, `strings.Builder`, sorting through `sort.Interface`); see
//! each package's file.
//!
//! Methods of standard types that gol has not implemented resolve to a
//! stand-in that panics with "gol does not implement X yet" when called:
//! a type's method table names every method of the type as soon as the
//! type is used at run time (for `%v`, interfaces), so failing at load
//! time would reject programs that never call them. Plain functions
//! without an implementation still fail at load time.

pub mod binary;
pub mod bytes;
pub mod crypto;
pub mod errors;
pub mod fmt;
pub mod fmtvalue;
pub mod http;
pub mod json;
pub mod math;
pub mod mathrand;
pub mod net;
pub mod ospkg;
pub mod regexp;
pub mod regexp_longest;
pub mod runtime;
pub mod scan;
pub mod signal;
pub mod sort;
pub mod strconv;
pub mod strings;
pub mod sync;
pub mod syncatomic;
pub mod syscall;
pub mod template;
pub mod time;
pub mod trace;
pub mod unicode;
pub mod utf8;
pub mod xml;

use gol_vm::{Hooks, Native, NativeCtx, NativeResult};

/// Every package's natives: import path and table (name in the package,
/// native with its stated Go signature). A package may have several
/// tables (fmt's scanning natives are in their own module).
const PACKAGES: &[(&str, &[(&str, Native)])] = &[
    ("bytes", bytes::NATIVES),
    ("crypto/md5", crypto::MD5_NATIVES),
    ("crypto/sha1", crypto::SHA1_NATIVES),
    ("crypto/sha256", crypto::SHA256_NATIVES),
    ("errors", errors::NATIVES),
    ("fmt", fmt::NATIVES),
    ("fmt", scan::NATIVES),
    ("encoding/binary", binary::NATIVES),
    ("encoding/json", json::NATIVES),
    ("encoding/xml", xml::NATIVES),
    ("math", math::NATIVES),
    ("math/rand", mathrand::NATIVES),
    ("math/rand", mathrand::ZIGGURAT_NATIVES),
    ("math/rand/v2", mathrand::ZIGGURAT_NATIVES),
    ("math/rand/v2", mathrand::CHACHA_NATIVES),
    ("net", net::NATIVES),
    ("net/http", http::NATIVES),
    ("os", ospkg::NATIVES),
    ("os/signal", signal::SIGNAL_NATIVES),
    ("regexp", regexp::NATIVES),
    ("runtime", runtime::NATIVES),
    ("runtime/debug", runtime::DEBUG_NATIVES),
    ("runtime/pprof", runtime::PPROF_NATIVES),
    ("runtime/trace", trace::NATIVES),
    ("sort", sort::NATIVES),
    ("strconv", strconv::NATIVES),
    ("strings", strings::NATIVES),
    ("sync", sync::SYNC_NATIVES),
    ("syscall", signal::SYSCALL_NATIVES),
    ("syscall", syscall::NATIVES),
    ("sync/atomic", syncatomic::NATIVES),
    ("text/template", template::NATIVES),
    ("time", time::NATIVES),
    ("unicode", unicode::NATIVES),
    ("unicode/utf8", utf8::NATIVES),
];

/// `("unicode/utf8", "RuneLen")` from `unicode/utf8.RuneLen`.
fn split_name(full: &str) -> (&str, &str) {
    let slash = full.rfind('/').map_or(0, |i| i + 1);
    match full[slash..].find('.') {
        Some(d) => (&full[..slash + d], &full[slash + d + 1..]),
        None => ("", full),
    }
}

/// The stand-in for an unimplemented method (see the module docs). It
/// reads no parameter and writes no result, so it states no signature.
fn not_yet(ctx: &mut NativeCtx<'_>) -> NativeResult {
    NativeResult::Panic(format!("gol does not implement {} yet", ctx.name()))
}

/// The native implementing `name` (`fmt.Println`, `os.Exit`), with the Go
/// signature its code states, if gol has it. Called once per native when
/// a program is loaded: the VM keeps the function pointer.
pub fn resolve(name: &str) -> Option<Native> {
    let (pkg, short) = split_name(name);
    for &(p, table) in PACKAGES {
        if p == pkg {
            if let Some(&(_, n)) = table.iter().find(|(n, _)| *n == short) {
                return Some(n);
            }
        }
    }
    // A method (`pkg.T.M`, `pkg.(*T).M`): see the module docs.
    if short.contains('.') {
        return Some(Native::stand_in(not_yet));
    }
    None
}

/// Every native of every table, as (full name, stated signature): what
/// the standard library's test loads against `stdlib/go`.
pub fn all() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for &(p, table) in PACKAGES {
        for &(n, nat) in table {
            out.extend(nat.sig.map(|s| (format!("{p}.{n}"), s)));
        }
    }
    out
}

/// Sets `[]string` result `k` to a new slice of these strings.
pub(crate) fn ret_strings(ctx: &mut NativeCtx<'_>, k: usize, items: &[Vec<u8>]) -> NativeResult {
    let mut words = Vec::with_capacity(items.len() * 2);
    for s in items {
        let (p, l) = ctx.new_string(s);
        words.push(p);
        words.push(l);
    }
    // Runtime type 0 is `string` (the code generator guarantees it).
    let (p, l, c) = ctx.new_slice(gol_lang::bytecode::RtType(0), &words, items.len());
    ctx.ret_slice(k, (p, l, c));
    NativeResult::Ok
}

/// The hooks the runtime needs from the standard library.
pub fn hooks() -> Hooks {
    time::start_clock();
    Hooks {
        format_float: |v, bits| {
            crate::format::format_float(v, b'g', -1, bits as i64)
                .map(String::into_bytes)
                .unwrap_or_default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_the_package() {
        assert_eq!(
            split_name("unicode/utf8.RuneLen"),
            ("unicode/utf8", "RuneLen")
        );
        assert_eq!(
            split_name("strings.(*Builder).Len"),
            ("strings", "(*Builder).Len")
        );
        assert_eq!(split_name("math/rand.Intn"), ("math/rand", "Intn"));
    }

    #[test]
    fn every_table_name_resolves_and_unknown_functions_do_not() {
        for (name, sig) in all() {
            let n = resolve(&name).unwrap_or_else(|| panic!("{name} does not resolve"));
            assert_eq!(n.sig, Some(sig), "{name}");
        }
        assert!(resolve("strings.NoSuchThing").is_none());
        assert!(resolve("os.(*File).Chdir").is_some());
    }
}
