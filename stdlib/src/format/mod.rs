//! Go-exact text formatting: the core of gol's `fmt` and `strconv`.
//!
//! Pure Rust with no knowledge of the VM's values: numbers and byte strings
//! in, bytes out, and composite values through the [`FmtValue`] trait that
//! the VM implements.
//!
//! | module | Go original | what |
//! |---|---|---|
//! | [`atoi`] | `strconv/atoi.go`, `itoa.go`, `atob.go` | integers and bools, `NumError` |
//! | [`float`] | `strconv/ftoa.go`, `atof.go` | `FormatFloat`, `ParseFloat` |
//! | [`quote`](mod@quote) | `strconv/quote.go`, `isprint.go` | quoting, unquoting, `IsPrint` |
//! | `verbs` | `fmt/format.go` | one operand under one verb with flags |
//! | [`printer`] | `fmt/print.go` | `Sprint`, `Sprintln`, `Sprintf`, `Errorf`'s text |
//! | `scalars` | `fmt/print.go`'s `doPrintf` | `Sprintf` of operands without methods: bools, integers, strings |
//! | `fmtsort` | `internal/fmtsort` | map key order |
//! | [`runes`] | `unicode/utf8` | Go's decoding of possibly invalid UTF-8 |
//!
//! Go strings are byte strings, so inputs are `&[u8]` and string results
//! `Vec<u8>`. Everything is checked byte for byte against native Go 1.27 by
//! table-driven tests whose tables were produced by the Go programs in
//! `testdata/gen/` (tests never run `go`).
//!
//! # Covered
//!
//! * strconv: `FormatInt`, `FormatUint`, `Itoa`, `AppendInt`, `AppendUint`
//!   (bases 2..36), `FormatFloat`/`AppendFloat` for `b e E f g G x X` with
//!   shortest (`-1`) and fixed precision at bit sizes 32 and 64,
//!   `ParseFloat` (decimal and hex, underscores, inf/infinity/nan, range
//!   errors), `ParseInt`, `ParseUint`, `Atoi` (base prefixes, underscores,
//!   bit sizes, saturation), `ParseBool`, `FormatBool`, `Quote`,
//!   `QuoteToASCII`, `QuoteToGraphic`, `QuoteRune`, `QuoteRuneToASCII`,
//!   `QuoteRuneToGraphic`, the `Append` forms, `Unquote`, `UnquoteChar`,
//!   `QuotedPrefix`, `CanBackquote`, `IsPrint`, `IsGraphic`; Go's panics for
//!   illegal bases and bit sizes come back as [`StrconvPanic`].
//! * fmt: every verb Go accepts for bools, integers of every width, floats,
//!   strings, byte slices and arrays, pointers, chans, funcs, maps,
//!   structs, slices, arrays and interfaces, with all flags (`+ - # 0
//!   space`), widths and precisions (literal, `*`, `[n]` indexes), `%v
//!   %+v %#v %T %p`, and Go's error forms (`%!d(string=hi)`,
//!   `%!v(MISSING)`, `%!(EXTRA ...)`, `%!(BADWIDTH)`, `%!(BADPREC)`,
//!   `%!(BADINDEX)`, `%!(NOVERB)`, `%!z(int=1)`); `Error`, `String` and
//!   `GoString` methods at every depth Go calls them, complex numbers
//!   (`(re+imi)`, each part under the verb as a float of half the size), their panics as
//!   `%!v(PANIC=String method: ...)` (and `<nil>` for nil pointer
//!   receivers); `Formatter` (`Format(fmt.State, rune)`, with
//!   [`FormatState`] and `fmt.FormatString` as [`format_directive`]); `Errorf`'s `%w` (the wrapped argument indexes are
//!   returned); maps in `internal/fmtsort` order.
//!
//! # Not covered (yet)
//!
//! * Scanning (`Sscanf` and friends): it lives with the VM natives
//!   (`natives::scan`), since it stores through the operands' pointers.
//! * Map keys that are interfaces holding several dynamic types sort by
//!   type name, where Go sorts by runtime type descriptor address.
//! * Exported-ness of struct fields is judged from the field name's first
//!   character with Rust's `char::is_uppercase` (Go: `unicode.IsUpper`);
//!   they differ only for a few exotic letters.
//! * Precisions above 10^7 given directly to `format_float` are clamped
//!   (through `Sprintf` they are at most 10^6, as in Go).
//!
//! # Tests
//!
//! `tests/` replays about 60,000 cases recorded from native Go:
//! `testdata/strconv.tsv` (formatting and parsing of numbers, quoting,
//! `IsPrint` samples), `testdata/fmt.tsv` (`Sprintf`, `Sprint`, `Sprintln`
//! of primitive operands: verbs × flags × widths × precisions, error forms,
//! random formats) and `testdata/values.tsv` (composite values with
//! methods), plus random inputs that must never panic. To regenerate, run
//! each program in `testdata/gen/` as its header says (`isprint.go` also
//! rewrites `isprint_table.rs`).
//!
//! # Using it from the VM
//!
//! * `fmt.Sprintf(f, args...)` is [`sprintf`]`(f, &[&a0, &a1])` where each
//!   operand implements [`FmtValue`] (a nil `any` can be [`Nil`] or any
//!   `Kind::Interface` value that says `is_nil`); `Sprint`, `Sprintln` and
//!   `Errorf` likewise; `Fprint*`/`Print*` write the same bytes. A
//!   [`Printer`] can also be driven directly.
//! * `Err(PrintError::NestedPanic)`: re-raise the panic value the VM's last
//!   method hook reported; `Err(PrintError::TooDeep)`: a cyclic value (Go
//!   would die of stack overflow).
//! * Method hooks ([`FmtValue::string_method`] and friends) run Go code; a
//!   type without the method must answer [`Method::Absent`] without
//!   running anything, since the printer asks in Go's order (`Error` before
//!   `String`).
//! * strconv errors are [`NumError`] (its `Display` is Go's `Error()`),
//!   parse functions return Go's value alongside the error, and Go's panics
//!   (illegal base or bit size) are [`StrconvPanic`].

pub mod atoi;
pub mod float;
mod fmtsort;
mod isprint_table;
pub mod printer;
pub mod quote;
pub mod runes;
mod scalars;
mod verbs;

#[cfg(test)]
mod tests;

pub use atoi::{
    append_bool, append_int, append_uint, atoi, format_bool, format_int, format_uint, itoa,
    parse_bool, parse_int, parse_uint, NumError, NumErrorKind, ParseResult, StrconvPanic, INT_SIZE,
};
pub use float::{append_float, format_float, parse_float};
pub use printer::{
    errorf, format_directive, sprint, sprintf, sprintln, FmtValue, FormatState, Formatted, Kind,
    Method, Nil, PrintError, Printer, MAX_DEPTH,
};
pub use quote::{
    append_quote, append_quote_rune, append_quote_rune_to_ascii, append_quote_rune_to_graphic,
    append_quote_to_ascii, append_quote_to_graphic, can_backquote, is_graphic, is_print, quote,
    quote_rune, quote_rune_to_ascii, quote_rune_to_graphic, quote_to_ascii, quote_to_graphic,
    quoted_prefix, unquote, unquote_char, SyntaxError, UnquotedChar,
};
pub use scalars::{sprint_scalars, sprintf_scalars, Scalar};
