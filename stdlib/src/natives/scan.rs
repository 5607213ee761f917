//! Package fmt's scanning: `Sscan`, `Sscanln`, `Sscanf` over a string,
//! `Scan`, `Scanln`, `Scanf` over standard input and `Fscan`, `Fscanln`,
//! `Fscanf` over an `io.Reader`, with Go's rules (the behaviour of Go's
//! `fmt/scan.go`, written anew): operands are pointers
//! to booleans, integers of every width, floats, strings and `[]byte`
//! (named types too, by their underlying kind); `%v` integers accept base
//! prefixes and underscores; `Scan` treats newlines as space, `Scanln`
//! stops at a newline and wants one (or the end) after the last operand;
//! `Scanf` matches the format's literals, spaces and newlines as Go does,
//! with widths (`%5d`).
//!
//! Failures come back as a message that `stdlib/go/fmt/fmt.go` turns into
//! the error value: `EOF` and `unexpected EOF` become `io.EOF` and
//! `io.ErrUnexpectedEOF` (so `err == io.EOF` works), anything else
//! `errors.New(message)` with Go's text. Difference: where Go returns a
//! `*strconv.NumError` (a number out of range), gol returns an error with
//! the same message but another dynamic type.
//!
//! Standard input is read from descriptor 0 by one buffer shared by every
//! `Scan*` call (and `Fscan*` of `os.Stdin`); as in Go, the one rune a
//! call looked ahead at (the delimiter after the last operand) is consumed
//! with it. A read returns what the descriptor has (a line, from a
//! terminal) and the scan reads again only when it needs a rune it does
//! not have, so a prompt's answer is scanned as soon as its line arrives.
//! What a scan read and did not consume waits in [`STDIN_REST`], which
//! `os.Stdin`'s reads (`ospkg::read_fd`) drain first: a `bufio.Scanner`
//! after `fmt.Scan` starts where the scan stopped, as in Go (whose scans
//! read a byte at a time and hold nothing back).
//!
//! Any other reader is read by Go code (`fmt.fscan`), since a native
//! cannot call its methods: it hands the bytes read so far to
//! [`scan_reader_native`], reads one more rune (or looks further into a
//! `bufio.Reader`'s buffer) when the scan runs out, and runs the scan
//! again from the last operand it began ([`Mark`]): one scanner for the
//! three sources, at the cost of repeating the current operand's runes
//! once per rune read from such a reader.
//!
//! An operand whose type has `Scan(fmt.ScanState, rune) error` (Go's
//! `Scanner`) is scanned by that method ([`scan_method`]): the state it is
//! given is a `*fmt.ss`, written in Go (`stdlib/go/fmt/fmt.go`), filled
//! with the input from where the scan stands (the bytes the source holds,
//! copied), the rune count, the operand's width and limit and the newline
//! rules; its `ReadRune` reads on by itself when it needs more (through
//! `fmt.fscan`'s reads of its reader, or from `os.Stdin`). The method runs
//! through the Go helper `fmt.callScan`, which turns a `ScanState` failure
//! or an error the method returned into the scan's error as Go's
//! `errorHandler` does; the native then moves its source past what the
//! method read, keeps the bytes the method read on, and goes on with the
//! next operand. That error is a Go value (the method's own), returned
//! beside the message. Difference: a panic of a Scan method that nothing
//! recovers is re-raised in the scan's caller as a new panic, so the
//! program dies with `panic: v`, where Go (whose scanner recovers and
//! panics again) says `panic: v [recovered, repanicked]`.

use super::fmt::{field_slot, implements, GoHelper};
use crate::format::runes::decode_rune;
use gol_lang::bytecode::{RtType, TypeKind};
use gol_vm::native::{CallError, Kept};
use gol_vm::{Native, NativeCtx, NativeResult};
use std::cell::Cell;

const EOF: i64 = -1;

/// Where runes come from: bytes with a position that can move back.
trait Source {
    /// The rune at the position and its width; `None` at the end.
    fn rune(&mut self) -> Option<(u32, usize)>;
    fn pos(&self) -> usize;
    fn set_pos(&mut self, p: usize);
    /// Whether the source ran out of the bytes it was given before the
    /// input's end (see [`ReaderSource`]): what the scan did since is
    /// void, and it stores nothing more.
    fn starved(&self) -> bool {
        false
    }
    /// The bytes the source holds from position `p` on.
    fn held_from(&self, p: usize) -> &[u8];
    /// Whether the bytes held are all the input there is.
    fn held_all(&self) -> bool;
    /// Adds `more` bytes that a Scan method read on (`end`: it reached
    /// the input's end).
    fn extend(&mut self, more: &[u8], end: bool);
    /// A Scan method read up to position `p` (and may have given some of
    /// it back).
    fn read_to(&mut self, _p: usize) {}
}

struct StrSource<'a> {
    s: &'a [u8],
    pos: usize,
}

/// The rune at the start of `rest` and its width (at least 1, so an
/// invalid byte is consumed); `None` when `rest` is empty.
fn first_rune(rest: &[u8]) -> Option<(u32, usize)> {
    if rest.is_empty() {
        return None;
    }
    let (r, w) = decode_rune(rest);
    Some((r, w.max(1)))
}

impl Source for StrSource<'_> {
    fn rune(&mut self) -> Option<(u32, usize)> {
        first_rune(self.s.get(self.pos..).unwrap_or(&[]))
    }
    fn pos(&self) -> usize {
        self.pos
    }
    fn set_pos(&mut self, p: usize) {
        self.pos = p;
    }
    fn held_from(&self, p: usize) -> &[u8] {
        self.s.get(p..).unwrap_or(&[])
    }
    fn held_all(&self) -> bool {
        true
    }
    // A string has nothing past its bytes to read on.
    fn extend(&mut self, _: &[u8], _: bool) {}
}

/// The bytes an `io.Reader` gave so far, for `Fscan`, `Fscanln` and
/// `Fscanf`. The native cannot call the reader's methods, so the scan
/// runs in Go's `fmt.fscan` loop: it gives the bytes read so far; when the
/// scan needs a rune past them and the reader is not known to be at its
/// end (`eof`), the source is starved, the scan stops, and Go reads one
/// more rune (or, from a `bufio.Reader`, looks at more of its buffer) and
/// runs the scan again from the last [`Mark`].
struct ReaderSource {
    s: Vec<u8>,
    pos: usize,
    eof: bool,
    starved: bool,
}

impl Source for ReaderSource {
    fn rune(&mut self) -> Option<(u32, usize)> {
        let rest = self.s.get(self.pos..).unwrap_or(&[]);
        if !self.eof && !full_rune(rest) {
            self.starved = true;
            return None;
        }
        first_rune(rest)
    }
    fn pos(&self) -> usize {
        self.pos
    }
    fn set_pos(&mut self, p: usize) {
        self.pos = p;
    }
    fn starved(&self) -> bool {
        self.starved
    }
    fn held_from(&self, p: usize) -> &[u8] {
        self.s.get(p..).unwrap_or(&[])
    }
    fn held_all(&self) -> bool {
        self.eof
    }
    fn extend(&mut self, more: &[u8], end: bool) {
        self.s.extend_from_slice(more);
        self.eof |= end;
    }
}

/// Go's `utf8.FullRune`: whether `b` starts with a whole encoding (or an
/// invalid one, which decodes as one byte). Empty is not full.
fn full_rune(b: &[u8]) -> bool {
    let Some(&c) = b.first() else {
        return false;
    };
    let need = match c {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return true,
    };
    if b.len() >= need {
        return true;
    }
    // A prefix already invalid is full: it decodes as one bad byte.
    let (lo, hi) = match c {
        0xE0 => (0xA0, 0xBF),
        0xED => (0x80, 0x9F),
        0xF0 => (0x90, 0xBF),
        0xF4 => (0x80, 0x8F),
        _ => (0x80, 0xBF),
    };
    if b.len() > 1 && !(lo..=hi).contains(&b[1]) {
        return true;
    }
    b.len() > 2 && !(0x80..=0xBF).contains(&b[2])
}

/// Where a scan stands between two operands: enough to run it again from
/// there (a starved [`ReaderSource`] resumes at the last one, so a long
/// scan is not repeated from its start for every rune read).
#[derive(Clone, Copy, Default)]
struct Mark {
    pos: usize,
    count: usize,
    at_eof: bool,
    /// Operands stored.
    n: usize,
    /// Bytes of the format consumed (`Fscanf`).
    fi: usize,
}

impl Ss<'_> {
    /// Records the scan's place in `mark`, unless the source is starved
    /// (the place is void then).
    fn mark(&self, mark: &mut Mark, n: usize, fi: usize) {
        if !self.src.starved() {
            *mark = Mark {
                pos: self.src.pos(),
                count: self.count,
                at_eof: self.at_eof,
                n,
                fi,
            };
        }
    }
}

/// Standard input, buffered across calls: `buf[pos..]` is unread, and
/// `high` is the furthest position read.
struct StdinSource<'b> {
    buf: Vec<u8>,
    pos: usize,
    high: usize,
    /// Runs a read out of the world (a `NativeCtx::syscall_section`): a
    /// goroutine waiting for input must not hold up a stop of the world,
    /// or the collector's mark.
    block: &'b mut Block<'b>,
}

/// What the last scan of standard input read ahead and did not consume
/// (one process-wide buffer: goroutines scanning on different threads
/// share standard input).
static STDIN_REST: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

fn stdin_rest() -> std::sync::MutexGuard<'static, Vec<u8>> {
    STDIN_REST.lock().unwrap_or_else(|e| e.into_inner())
}

/// Takes up to `max` bytes that a scan of standard input read ahead and
/// left: a read of descriptor 0 (os.Stdin.Read) returns these first, so
/// `fmt.Scan` followed by a `bufio.Scanner` over os.Stdin sees the input
/// whole, as in Go (whose Scan reads a byte at a time).
pub(crate) fn take_stdin_rest(max: usize) -> Vec<u8> {
    let mut rest = stdin_rest();
    let n = rest.len().min(max);
    rest.drain(..n).collect()
}

/// Forgets what scans read ahead from descriptor 0 (it was closed).
pub(crate) fn drop_stdin_rest() {
    stdin_rest().clear();
}

impl Source for StdinSource<'_> {
    fn rune(&mut self) -> Option<(u32, usize)> {
        // Have a whole rune when the input has one, reading only when the
        // buffer does not: a read blocks until the user types more.
        while !full_rune(self.buf.get(self.pos..).unwrap_or(&[])) {
            let buf = &mut self.buf;
            let mut read = || {
                // Straight from the descriptor, not through Rust's
                // buffered `Stdin`: what this scan does not consume goes
                // to STDIN_REST, where os.Stdin's reads find it first.
                let mut chunk = [0u8; 4096];
                loop {
                    // SAFETY: reads into a live buffer of its length.
                    let n = unsafe {
                        libc::read(0, chunk.as_mut_ptr() as *mut libc::c_void, chunk.len())
                    };
                    if n >= 0 {
                        let n = n as usize;
                        buf.extend_from_slice(&chunk[..n]);
                        return n;
                    }
                    if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                        return 0;
                    }
                }
            };
            let got = (self.block)(&mut read);
            if got == 0 {
                break;
            }
        }
        first_rune(self.buf.get(self.pos..).unwrap_or(&[]))
    }
    fn pos(&self) -> usize {
        self.pos
    }
    fn set_pos(&mut self, p: usize) {
        self.pos = p;
        self.high = self.high.max(p);
    }
    fn held_from(&self, p: usize) -> &[u8] {
        self.buf.get(p..).unwrap_or(&[])
    }
    // More may be typed: a Scan method reads on from os.Stdin.
    fn held_all(&self) -> bool {
        false
    }
    fn extend(&mut self, more: &[u8], _: bool) {
        self.buf.extend_from_slice(more);
    }
    // What a call read, it consumes (see `with_stdin`).
    fn read_to(&mut self, p: usize) {
        self.high = self.high.max(p);
    }
}

/// Why a scan stopped.
enum Stop {
    Eof,
    Msg(String),
    /// A Scan method's error (an interface word), returned as it is.
    Err(u64),
    /// A Scan method did not return (it panicked, exited, or nested too
    /// deep): the native ends as the call did.
    Call(CallError),
}

type R<T> = Result<T, Stop>;

fn err<T>(m: impl Into<String>) -> R<T> {
    Err(Stop::Msg(m.into()))
}

/// Go's `isSpace` for scanning (the Unicode White_Space list).
fn is_space(r: i64) -> bool {
    matches!(
        r,
        0x09..=0x0D | 0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F
            | 0x205F | 0x3000
    )
}

/// The scanner state (Go's `ss`).
struct Ss<'s> {
    src: &'s mut dyn Source,
    nl_is_space: bool,
    nl_is_end: bool,
    at_eof: bool,
    /// Runes consumed, and the limit for the current operand.
    count: usize,
    arg_limit: usize,
    /// Where the last rune read started (for unread).
    prev: Option<usize>,
    buf: Vec<u8>,
    /// The width of the operand being scanned by `Scanf` (a Scan method's
    /// `Width`).
    wid: Option<usize>,
    /// The `*fmt.ss` that `fmt.fscan` made for Scan methods (it reads on
    /// from fscan's reader); 0: make one when needed.
    state: u64,
    /// Whether the input is standard input (a Scan method reads on from
    /// `os.Stdin`).
    stdin: bool,
}

impl Ss<'_> {
    fn get_rune(&mut self) -> i64 {
        if self.at_eof || self.count >= self.arg_limit {
            return EOF;
        }
        let at = self.src.pos();
        let Some((r, w)) = self.src.rune() else {
            self.at_eof = true;
            return EOF;
        };
        self.src.set_pos(at + w);
        self.prev = Some(at);
        self.count += 1;
        if self.nl_is_end && r == '\n' as u32 {
            self.at_eof = true;
        }
        r as i64
    }

    fn unread(&mut self) {
        if let Some(p) = self.prev.take() {
            self.src.set_pos(p);
            self.count = self.count.saturating_sub(1);
        }
        self.at_eof = false;
    }

    fn must_read(&mut self) -> R<i64> {
        match self.get_rune() {
            EOF => err("unexpected EOF"),
            r => Ok(r),
        }
    }

    fn skip_space(&mut self) -> R<()> {
        loop {
            let r = self.get_rune();
            if r == EOF {
                return Ok(());
            }
            if r == '\r' as i64 && self.peek("\n") {
                continue;
            }
            if r == '\n' as i64 {
                if self.nl_is_space {
                    continue;
                }
                return err("unexpected newline");
            }
            if !is_space(r) {
                self.unread();
                return Ok(());
            }
        }
    }

    fn peek(&mut self, ok: &str) -> bool {
        let r = self.get_rune();
        if r != EOF {
            self.unread();
        }
        in_set(ok, r)
    }

    fn not_eof(&mut self) -> R<()> {
        let r = self.get_rune();
        if r == EOF {
            return Err(Stop::Eof);
        }
        self.unread();
        Ok(())
    }

    fn consume(&mut self, ok: &str, accept: bool) -> bool {
        let r = self.get_rune();
        if r == EOF {
            return false;
        }
        if in_set(ok, r) {
            if accept {
                crate::format::runes::append_rune(&mut self.buf, r);
            }
            return true;
        }
        if accept {
            self.unread();
        }
        false
    }

    fn accept(&mut self, ok: &str) -> bool {
        self.consume(ok, true)
    }

    fn token(&mut self) -> R<Vec<u8>> {
        self.skip_space()?;
        loop {
            let r = self.get_rune();
            if r == EOF {
                break;
            }
            if is_space(r) {
                self.unread();
                break;
            }
            crate::format::runes::append_rune(&mut self.buf, r);
        }
        Ok(std::mem::take(&mut self.buf))
    }
}

fn in_set(ok: &str, r: i64) -> bool {
    r >= 0 && ok.chars().any(|c| c as i64 == r)
}

const DEC: &str = "0123456789";
const HEX: &str = "0123456789aAbBcCdDeEfF";

fn ok_verb(verb: char, ok: &str, typ: &str) -> R<()> {
    if ok.contains(verb) {
        Ok(())
    } else {
        err(format!("bad verb '%{verb}' for {typ}"))
    }
}

/// What an operand points at.
#[derive(Clone, Copy)]
enum Target {
    Bool,
    Int(u32),
    Uint(u32),
    Float(u32),
    /// complex64 (64) or complex128 (128).
    Complex(u32),
    Str,
    Bytes,
}

impl Ss<'_> {
    fn scan_bool(&mut self, verb: char) -> R<bool> {
        self.skip_space()?;
        self.not_eof()?;
        ok_verb(verb, "tv", "boolean")?;
        let bad = || err("syntax error scanning boolean");
        match u8::try_from(self.get_rune()).unwrap_or(0) {
            b'0' => Ok(false),
            b'1' => Ok(true),
            b't' | b'T' => {
                if self.accept("rR") && (!self.accept("uU") || !self.accept("eE")) {
                    return bad();
                }
                Ok(true)
            }
            b'f' | b'F' => {
                if self.accept("aA")
                    && (!self.accept("lL") || !self.accept("sS") || !self.accept("eE"))
                {
                    return bad();
                }
                Ok(false)
            }
            _ => Ok(false),
        }
    }

    fn base(&self, verb: char) -> R<(u32, String)> {
        ok_verb(verb, "bdoUxXv", "integer")?;
        Ok(match verb {
            'b' => (2, "01".into()),
            'o' => (8, "01234567".into()),
            'x' | 'X' | 'U' => (16, HEX.into()),
            _ => (10, DEC.into()),
        })
    }

    /// Go's `scanBasePrefix` (for `%v`): base 0 and the digits allowed.
    fn base_prefix(&mut self) -> (u32, String, bool) {
        if !self.peek("0") {
            return (0, format!("{DEC}_"), false);
        }
        self.accept("0");
        if self.peek("bB") {
            self.consume("bB", true);
            return (0, "01_".into(), true);
        }
        if self.peek("oO") {
            self.consume("oO", true);
            return (0, "01234567_".into(), true);
        }
        if self.peek("xX") {
            self.consume("xX", true);
            return (0, format!("{HEX}_"), true);
        }
        (0, "01234567_".into(), true)
    }

    fn number(&mut self, digits: &str, have: bool) -> R<Vec<u8>> {
        if !have {
            self.not_eof()?;
            if !self.accept(digits) {
                return err("expected integer");
            }
        }
        while self.accept(digits) {}
        Ok(self.buf.clone())
    }

    fn scan_rune(&mut self, bits: u32) -> R<i64> {
        self.not_eof()?;
        let r = self.get_rune();
        let sh = 64 - bits;
        if ((r << sh) >> sh) != r {
            let mut s = Vec::new();
            crate::format::runes::append_rune(&mut s, r);
            return err(format!(
                "overflow on character value {}",
                String::from_utf8_lossy(&s)
            ));
        }
        Ok(r)
    }

    fn scan_int(&mut self, verb: char, bits: u32, signed: bool) -> R<u64> {
        if verb == 'c' {
            return self.scan_rune(bits).map(|r| r as u64);
        }
        self.skip_space()?;
        self.not_eof()?;
        let (mut base, mut digits) = self.base(verb)?;
        let mut have = false;
        if verb == 'U' {
            if !self.consume("U", false) || !self.consume("+", false) {
                return err("bad unicode format ");
            }
        } else {
            if signed {
                self.accept("+-");
            }
            if verb == 'v' {
                let (b, d, h) = self.base_prefix();
                base = b;
                digits = d;
                have = h;
            }
        }
        let tok = self.number(&digits, have)?;
        let sh = 64 - bits;
        if signed {
            let v = crate::format::parse_int(&tok, base as i64, 64)
                .map_err(|(_, e)| Stop::Msg(e.to_string()))?;
            if ((v << sh) >> sh) != v {
                return err(format!(
                    "integer overflow on token {}",
                    String::from_utf8_lossy(&tok)
                ));
            }
            Ok(v as u64)
        } else {
            let v = crate::format::parse_uint(&tok, base as i64, 64)
                .map_err(|(_, e)| Stop::Msg(e.to_string()))?;
            if ((v << sh) >> sh) != v {
                return err(format!(
                    "unsigned integer overflow on token {}",
                    String::from_utf8_lossy(&tok)
                ));
            }
            Ok(v)
        }
    }

    fn float_token(&mut self) -> Vec<u8> {
        self.buf.clear();
        if self.accept("nN") && self.accept("aA") && self.accept("nN") {
            return self.buf.clone();
        }
        self.accept("+-");
        if self.accept("iI") && self.accept("nN") && self.accept("fF") {
            return self.buf.clone();
        }
        let mut digits = format!("{DEC}_");
        let mut exp = "eEpP";
        if self.accept("0") && self.accept("xX") {
            digits = format!("{HEX}_");
            exp = "pP";
        }
        while self.accept(&digits) {}
        if self.accept(".") {
            while self.accept(&digits) {}
        }
        if self.accept(exp) {
            self.accept("+-");
            while self.accept("0123456789_") {}
        }
        self.buf.clone()
    }

    fn convert_float(&self, tok: &[u8], bits: u32) -> R<f64> {
        let has_x = tok.iter().any(|&c| c == b'x' || c == b'X');
        if let (Some(p), false) = (tok.iter().position(|&c| c == b'p'), has_x) {
            let with_num = |mut e: crate::format::NumError| {
                e.num = tok.to_vec();
                Stop::Msg(e.to_string())
            };
            let f =
                crate::format::parse_float(&tok[..p], bits as i64).map_err(|(_, e)| with_num(e))?;
            let m = crate::format::atoi(&tok[p + 1..]).map_err(|(_, e)| with_num(e))?;
            let m = m.clamp(-10_000, 10_000) as i32;
            return Ok(f * 2f64.powi(m));
        }
        crate::format::parse_float(tok, bits as i64).map_err(|(_, e)| Stop::Msg(e.to_string()))
    }

    fn quoted(&mut self) -> R<Vec<u8>> {
        self.not_eof()?;
        let q = self.get_rune();
        if q == '`' as i64 {
            let mut out = Vec::new();
            loop {
                let r = self.must_read()?;
                if r == q {
                    return Ok(out);
                }
                crate::format::runes::append_rune(&mut out, r);
            }
        }
        if q != '"' as i64 {
            return err("expected quoted string");
        }
        let mut b = vec![b'"'];
        loop {
            let r = self.must_read()?;
            crate::format::runes::append_rune(&mut b, r);
            if r == '\\' as i64 {
                let r2 = self.must_read()?;
                crate::format::runes::append_rune(&mut b, r2);
            } else if r == '"' as i64 {
                break;
            }
        }
        crate::format::unquote(&b).map_err(|_| Stop::Msg("invalid syntax".into()))
    }

    fn hex_string(&mut self) -> R<Vec<u8>> {
        let mut out = Vec::new();
        loop {
            let r = self.get_rune();
            let Some(hi) = hex_val(r) else {
                if r != EOF {
                    self.unread();
                }
                break;
            };
            let r2 = self.must_read()?;
            let Some(lo) = hex_val(r2) else {
                return err("illegal hex digit");
            };
            out.push((hi << 4 | lo) as u8);
        }
        if out.is_empty() {
            return err("no hex data for %x string");
        }
        Ok(out)
    }

    fn convert_string(&mut self, verb: char) -> R<Vec<u8>> {
        ok_verb(verb, "svqxX", "string")?;
        self.skip_space()?;
        self.not_eof()?;
        match verb {
            'q' => self.quoted(),
            'x' | 'X' => self.hex_string(),
            _ => self.token(),
        }
    }
}

fn hex_val(r: i64) -> Option<u32> {
    u8::try_from(r).ok().and_then(|b| (b as char).to_digit(16))
}

/// One operand: its pointer and what it points at.
struct Operand {
    /// The operand as an interface word.
    iface: u64,
    /// Whether its type has Go's `Scanner` method.
    scanner: bool,
    ptr: u64,
    elem: RtType,
    target: Option<Target>,
    type_name: String,
}

fn operands(ctx: &NativeCtx<'_>, at: usize) -> (Kept, Vec<Operand>) {
    let (p, n, _) = ctx.slice(at);
    let n = n as usize;
    let words = ctx.read_words(p, 0, n);
    // A Scan method may overwrite the operand slice's elements (it is the
    // caller's, `Sscan(s, ops...)`) and wait while a collection runs: the
    // boxes read here, whose pointers the scan stores through, stay
    // alive until the native returns.
    let kept = ctx.kept();
    kept.keep(&words);
    let ops = words
        .into_iter()
        .map(|w| {
            let t = ctx.box_type(w);
            let scanner =
                t.is_some_and(|t| implements(ctx, t, "Scan", "func(fmt.ScanState, int32) error"));
            let name = t.map_or("<nil>".to_string(), |t| ctx.program().ty(t).name.clone());
            let ptr = ctx.box_words(w).first().copied().unwrap_or(0);
            let (elem, target) = match t.map(|t| ctx.type_kind(t)) {
                Some(TypeKind::Pointer(e)) => {
                    let e = *e;
                    let target = match ctx.type_kind(e) {
                        TypeKind::Bool => Some(Target::Bool),
                        TypeKind::Int { bits, signed: true } => Some(Target::Int(*bits)),
                        TypeKind::Int {
                            bits,
                            signed: false,
                        } => Some(Target::Uint(*bits)),
                        TypeKind::Uintptr => Some(Target::Uint(64)),
                        TypeKind::Float { bits } => Some(Target::Float(*bits)),
                        TypeKind::Complex { bits } => Some(Target::Complex(*bits)),
                        TypeKind::String => Some(Target::Str),
                        TypeKind::Slice(b)
                            if matches!(
                                ctx.type_kind(*b),
                                TypeKind::Int {
                                    bits: 8,
                                    signed: false
                                }
                            ) =>
                        {
                            Some(Target::Bytes)
                        }
                        _ => None,
                    };
                    (e, target)
                }
                _ => (RtType(0), None),
            };
            Operand {
                iface: w,
                scanner,
                ptr,
                elem,
                target,
                type_name: name,
            }
        })
        .collect();
    (kept, ops)
}

thread_local! {
    /// `fmt.callScan` and `fmt.ss` of the last program (see
    /// [`GoHelper::of`]).
    static SCAN_HELPER: Cell<Option<(usize, GoHelper)>> = const { Cell::new(None) };
}

/// Go's `hugeWid`: the width of an operand without one.
const HUGE_WID: usize = 1 << 30;

/// Scans operand `op` with its `Scan` method (module docs): fills a
/// `*fmt.ss` from the scan's state, runs the method through
/// `fmt.callScan`, and takes back where it stopped and what it read on.
fn scan_method(ctx: &mut NativeCtx<'_>, s: &mut Ss<'_>, verb: char, op: &Operand) -> R<()> {
    let prog = ctx.program_arc();
    let Some(h) = GoHelper::of(&prog, &SCAN_HELPER, "fmt.callScan", "fmt.ss") else {
        return err("gol is broken: fmt.callScan is missing");
    };
    let slot = |name: &str| field_slot(&prog, h.ty, name);
    let fields = ["in", "pos", "high", "count", "eof", "atEOF"].map(slot);
    let [Some(f_in), Some(f_pos), Some(f_high), Some(f_count), Some(f_eof), Some(f_at_eof)] =
        fields
    else {
        return err("gol is broken: fmt.ss lacks a field");
    };
    let start = s.src.pos();
    let rest = s.src.held_from(start).to_vec();
    let given = rest.len();
    let (ip, il, ic) = ctx.new_bytes(&rest);
    let mut words = if s.state != 0 {
        ctx.read_value(s.state, 0, h.ty)
    } else {
        vec![0; prog.ty(h.ty).words as usize]
    };
    let wid = s.wid.map_or(HUGE_WID, |w| w.min(HUGE_WID));
    let arg_limit = s.arg_limit.min(i64::MAX as usize);
    let set = |words: &mut [u64], name: &str, v: &[u64]| {
        if let Some(o) = slot(name) {
            if let Some(w) = words.get_mut(o..o + v.len()) {
                w.copy_from_slice(v);
            }
        }
    };
    set(&mut words, "in", &[ip, il, ic]);
    set(&mut words, "pos", &[0]);
    set(&mut words, "high", &[0]);
    set(&mut words, "prev", &[-1i64 as u64]);
    set(&mut words, "eof", &[s.src.held_all() as u64]);
    set(&mut words, "stdin", &[s.stdin as u64]);
    set(&mut words, "count", &[s.count as u64]);
    set(&mut words, "argLimit", &[arg_limit as u64]);
    set(&mut words, "maxWid", &[wid as u64]);
    set(&mut words, "nlIsSpace", &[s.nl_is_space as u64]);
    set(&mut words, "nlIsEnd", &[s.nl_is_end as u64]);
    set(&mut words, "atEOF", &[s.at_eof as u64]);
    set(&mut words, "tok", &[0, 0, 0]);
    // The new bytes and state are stored before anything can run: the
    // state is fscan's (on its stack) or, once made, an argument of
    // callScan's frame and its result, live while Go code runs.
    let st = if s.state != 0 {
        ctx.store(s.state, 0, &words, h.ty);
        s.state
    } else {
        ctx.new_slice(h.ty, &words, 1).0
    };
    let verb = u64::from(u32::from(verb));
    let e = match ctx.call(h.call, 0, &[op.iface, st, verb]) {
        Ok(res) => res.get(1).copied().unwrap_or(0),
        Err(e) => return Err(Stop::Call(e)),
    };
    let back = ctx.read_value(st, 0, h.ty);
    let word = |o: usize| back.get(o).copied().unwrap_or(0);
    let (in_ptr, in_len) = (word(f_in), word(f_in + 1) as usize);
    if in_len > given {
        let all = ctx.bytes_at(in_ptr, in_len as u64);
        s.src
            .extend(all.get(given..).unwrap_or(&[]), word(f_eof) != 0);
    }
    let pos = (word(f_pos) as usize).min(in_len);
    s.src.read_to(start + (word(f_high) as usize).min(in_len));
    s.src.set_pos(start + pos);
    s.count = (word(f_count) as i64).max(0) as usize;
    s.at_eof = word(f_at_eof) != 0;
    s.prev = None;
    match e {
        0 => Ok(()),
        e => Err(Stop::Err(e)),
    }
}

/// Scans one operand and stores it.
fn scan_one(ctx: &mut NativeCtx<'_>, s: &mut Ss<'_>, verb: char, op: &Operand) -> R<()> {
    s.buf.clear();
    if op.scanner {
        return scan_method(ctx, s, verb, op);
    }
    if !op.type_name.starts_with('*') {
        return err(format!("type not a pointer: {}", op.type_name));
    }
    let Some(target) = op.target else {
        return err(format!("can't scan type: {}", op.type_name));
    };
    if op.ptr == 0 {
        return err("gol cannot scan into a nil pointer");
    }
    let words: Vec<u64> = match target {
        Target::Bool => vec![s.scan_bool(verb)? as u64],
        Target::Int(bits) => vec![s.scan_int(verb, bits, true)?],
        Target::Uint(bits) => vec![s.scan_int(verb, bits, false)?],
        Target::Float(bits) => {
            ok_verb(
                verb,
                "beEfFgGv",
                if bits == 32 { "float32" } else { "float64" },
            )?;
            s.skip_space()?;
            s.not_eof()?;
            let tok = s.float_token();
            let f = s.convert_float(&tok, bits)?;
            vec![if bits == 32 { f as f32 as f64 } else { f }.to_bits()]
        }
        Target::Complex(bits) => {
            // Go's scanComplex: `(`? float, a sign, float, `i`, `)` if
            // opened; each part converted at half the size.
            ok_verb(verb, "beEfFgGv", "complex")?;
            s.skip_space()?;
            s.not_eof()?;
            let bad = || err("syntax error scanning complex number");
            let parens = s.accept("(");
            let re = s.float_token();
            s.buf.clear();
            if !s.accept("+-") {
                return bad();
            }
            let mut im = s.buf.clone();
            im.extend(s.float_token());
            if !s.accept("i") || parens && !s.accept(")") {
                return bad();
            }
            let half = bits / 2;
            let round = |f: f64| if half == 32 { f as f32 as f64 } else { f };
            let (re, im) = (s.convert_float(&re, half)?, s.convert_float(&im, half)?);
            vec![round(re).to_bits(), round(im).to_bits()]
        }
        Target::Str => {
            let b = s.convert_string(verb)?;
            let (p, l) = ctx.new_string(&b);
            vec![p, l]
        }
        Target::Bytes => {
            let b = s.convert_string(verb)?;
            let (p, l, c) = ctx.new_bytes(&b);
            vec![p, l, c]
        }
    };
    if s.src.starved() {
        // Scanned from a truncated input: Go would have read on.
        return Err(Stop::Eof);
    }
    // Narrow integers keep their low bits (the range was checked).
    let words = match target {
        Target::Int(b) if b < 64 => vec![(((words[0] << (64 - b)) as i64) >> (64 - b)) as u64],
        Target::Uint(b) if b < 64 => vec![(words[0] << (64 - b)) >> (64 - b)],
        _ => words,
    };
    ctx.store(op.ptr, 0, &words, op.elem);
    Ok(())
}

/// Scans `ops` from `mark.n` on (the source is at `mark`'s place),
/// recording each operand's start in `mark`.
fn do_scan(
    ctx: &mut NativeCtx<'_>,
    s: &mut Ss<'_>,
    ops: &[Operand],
    mark: &mut Mark,
) -> (usize, R<()>) {
    let mut n = mark.n;
    for op in ops.iter().skip(n) {
        s.mark(mark, n, 0);
        if let Err(e) = scan_one(ctx, s, 'v', op) {
            return (n, Err(e));
        }
        n += 1;
    }
    if s.nl_is_end {
        loop {
            let r = s.get_rune();
            if r == '\n' as i64 || r == EOF {
                break;
            }
            if !is_space(r) {
                return (n, err("expected newline"));
            }
        }
    }
    (n, Ok(()))
}

/// Go's `advance`: matches the format's literals and spaces; returns the
/// bytes of format consumed, or -1 on a mismatch.
fn advance(s: &mut Ss<'_>, format: &[u8]) -> R<i64> {
    let mut i = 0usize;
    while i < format.len() {
        let (c, w) = decode_rune(&format[i..]);
        let (mut fc, mut w) = (c as i64, w.max(1));
        if is_space(fc) {
            let mut newlines = 0;
            let mut trailing = false;
            while is_space(fc) && i < format.len() {
                if fc == '\n' as i64 {
                    newlines += 1;
                    trailing = false;
                } else {
                    trailing = true;
                }
                i += w;
                if i < format.len() {
                    let (c, ww) = decode_rune(&format[i..]);
                    fc = c as i64;
                    w = ww.max(1);
                } else {
                    fc = EOF;
                }
            }
            for _ in 0..newlines {
                let mut ic = s.get_rune();
                while is_space(ic) && ic != '\n' as i64 {
                    ic = s.get_rune();
                }
                if ic != '\n' as i64 && ic != EOF {
                    return err("newline in format does not match input");
                }
            }
            if trailing {
                let mut ic = s.get_rune();
                if newlines == 0 {
                    if !is_space(ic) && ic != EOF {
                        return err("expected space in input to match format");
                    }
                    if ic == '\n' as i64 {
                        return err("newline in input does not match format");
                    }
                }
                while is_space(ic) && ic != '\n' as i64 {
                    ic = s.get_rune();
                }
                if ic != EOF {
                    s.unread();
                }
            }
            continue;
        }
        if fc == '%' as i64 {
            if i + w == format.len() {
                return err("missing verb: % at end of format string");
            }
            if format[i + w] != b'%' {
                return Ok(i as i64);
            }
            i += w;
        }
        let ic = s.must_read()?;
        if fc != ic {
            s.unread();
            return Ok(-1);
        }
        i += w;
    }
    Ok(i as i64)
}

/// Scans `ops` by `format` from `mark`'s operand and format byte on,
/// recording its place in `mark` at each step of the format.
fn do_scanf(
    ctx: &mut NativeCtx<'_>,
    s: &mut Ss<'_>,
    format: &[u8],
    ops: &[Operand],
    mark: &mut Mark,
) -> (usize, R<()>) {
    let mut n = mark.n;
    let mut i = mark.fi.min(format.len());
    let r = (|| -> R<()> {
        while i < format.len() {
            s.mark(mark, n, i);
            let w = advance(s, &format[i..])?;
            if w > 0 {
                i += w as usize;
                continue;
            }
            if format[i] != b'%' {
                if w < 0 {
                    return err("input does not match format");
                }
                break;
            }
            i += 1;
            // A width.
            let start = i;
            while i < format.len() && format[i].is_ascii_digit() && i - start < 7 {
                i += 1;
            }
            let width: Option<usize> = std::str::from_utf8(&format[start..i])
                .ok()
                .and_then(|d| d.parse().ok());
            if i >= format.len() {
                return err("missing verb: % at end of format string");
            }
            let (c, cw) = decode_rune(&format[i..]);
            let verb = char::from_u32(c).unwrap_or('\u{FFFD}');
            i += cw.max(1);
            if verb != 'c' {
                s.skip_space()?;
            }
            if verb == '%' {
                s.skip_space()?;
                s.not_eof()?;
                if !s.accept("%") {
                    return err("missing literal %");
                }
                continue;
            }
            s.arg_limit = match width {
                Some(w) => s.count.saturating_add(w),
                None => usize::MAX,
            };
            let Some(op) = ops.get(n) else {
                let rest = String::from_utf8_lossy(&format[i - cw.max(1)..]).into_owned();
                return err(format!("too few operands for format '%{rest}'"));
            };
            s.wid = width;
            scan_one(ctx, s, verb, op)?;
            n += 1;
            s.arg_limit = usize::MAX;
            s.wid = None;
        }
        if n < ops.len() {
            return err("too many operands");
        }
        Ok(())
    })();
    (n, r)
}

/// How a scan ended: the failure's message and a Scan method's error
/// (both empty when it succeeded), or the end of a Scan method that did
/// not return, which the native ends with.
fn outcome(r: R<()>) -> Result<(String, u64), CallError> {
    match r {
        Ok(()) => Ok((String::new(), 0)),
        Err(Stop::Eof) => Ok(("EOF".into(), 0)),
        Err(Stop::Msg(m)) => Ok((m, 0)),
        Err(Stop::Err(e)) => Ok((String::new(), e)),
        Err(Stop::Call(e)) => Err(e),
    }
}

/// Ends a scan: results `(n int, msg string, err error)` (see
/// [`outcome`]), the error in result `err_slot` (2, or 3 after a native's
/// extra result).
fn finish(ctx: &mut NativeCtx<'_>, n: usize, r: R<()>, err_slot: usize) -> NativeResult {
    let (msg, e) = match outcome(r) {
        Ok(o) => o,
        Err(e) => return e.into_result(ctx),
    };
    ctx.ret_int(0, n as i64);
    ctx.ret_str(1, msg.as_bytes());
    ctx.ret_iface(err_slot, e);
    NativeResult::Ok
}

fn new_ss(src: &mut dyn Source, nl_is_space: bool, nl_is_end: bool) -> Ss<'_> {
    Ss {
        src,
        nl_is_space,
        nl_is_end,
        at_eof: false,
        count: 0,
        arg_limit: usize::MAX,
        prev: None,
        buf: Vec::new(),
        wid: None,
        state: 0,
        stdin: false,
    }
}

/// How a scan of standard input runs one blocking read.
type Block<'b> = dyn FnMut(&mut dyn FnMut() -> usize) -> usize + 'b;

/// Runs `f` over standard input, each read through `block`, keeping what
/// it did not consume for the next call.
fn with_stdin<'b, T>(block: &'b mut Block<'b>, f: impl FnOnce(&mut dyn Source) -> T) -> T {
    let buf = std::mem::take(&mut *stdin_rest());
    let mut src = StdinSource {
        buf,
        pos: 0,
        high: 0,
        block,
    };
    let r = f(&mut src);
    // Go reads standard input a rune at a time and forgets, at the end of
    // a call, the rune it looked ahead at: consume up to the furthest read.
    let rest = src.buf.split_off(src.high.min(src.buf.len()));
    *stdin_rest() = rest;
    r
}

/// `sscan(str string, a []any, ln bool) (int, string)`.
fn sscan_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let input = ctx.str(0);
    let (_kept, ops) = operands(ctx, 1);
    let ln = ctx.bool(2);
    let mut src = StrSource { s: &input, pos: 0 };
    let mut s = new_ss(&mut src, !ln, ln);
    let (n, r) = do_scan(ctx, &mut s, &ops, &mut Mark::default());
    finish(ctx, n, r, 2)
}

/// `sscanf(str string, format string, a []any) (int, string)`.
fn sscanf_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let input = ctx.str(0);
    let format = ctx.str(1);
    let (_kept, ops) = operands(ctx, 2);
    let mut src = StrSource { s: &input, pos: 0 };
    let mut s = new_ss(&mut src, false, false);
    let (n, r) = do_scanf(ctx, &mut s, &format, &ops, &mut Mark::default());
    finish(ctx, n, r, 2)
}

/// `scan(a []any, ln bool) (int, string)`.
fn scan_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (_kept, ops) = operands(ctx, 0);
    let ln = ctx.bool(1);
    ctx.flush_stdout();
    let mut section = ctx.syscall_section();
    let (n, r) = with_stdin(&mut |read| section.run(read), |src| {
        let mut s = new_ss(src, !ln, ln);
        s.stdin = true;
        do_scan(ctx, &mut s, &ops, &mut Mark::default())
    });
    // Back from waiting for input without a P: end the slice.
    if section.lost_p() {
        ctx.end_slice_soon();
    }
    finish(ctx, n, r, 2)
}

/// `scanf(format string, a []any) (int, string)`.
fn scanf_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let format = ctx.str(0);
    let (_kept, ops) = operands(ctx, 1);
    ctx.flush_stdout();
    let mut section = ctx.syscall_section();
    let (n, r) = with_stdin(&mut |read| section.run(read), |src| {
        let mut s = new_ss(src, false, false);
        s.stdin = true;
        do_scanf(ctx, &mut s, &format, &ops, &mut Mark::default())
    });
    // Back from waiting for input without a P: end the slice.
    if section.lost_p() {
        ctx.end_slice_soon();
    }
    finish(ctx, n, r, 2)
}

/// `scanReader(buf []byte, eof bool, mode int, format string, a []any,
/// st []int, s *ss) (n int, msg string, more bool, err error)`: one run of `fmt.fscan`'s
/// loop over the bytes `buf` read from a reader so far (`eof`: there are
/// no more). Mode 0 is `Fscan`, 1 `Fscanln`, 2 `Fscanf` (by `format`).
/// `st` holds a [`Mark`] (pos, count, at_eof, n, fi): where to start, and
/// on return with `more` where to start again once `buf` has one more
/// rune; without `more`, the scan is over and `st[0]` is the position it
/// consumed up to (a rune it looked at past that is the caller's to give
/// back). A Scan method is given `s`, whose reads go on from the reader.
fn scan_reader_native(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let buf = ctx.bytes(0);
    let eof = ctx.bool(1);
    let mode = ctx.int(2);
    let format = ctx.str(3);
    let (_kept, ops) = operands(ctx, 4);
    let (stp, stn, _) = ctx.slice(5);
    let st_type = ctx.slice_elem(5);
    if stn < 5 {
        return NativeResult::Panic("fmt: scan state too short".into());
    }
    let st = ctx.read_words(stp, 0, 5);
    let mut mark = Mark {
        pos: (st[0] as usize).min(buf.len()),
        count: st[1] as usize,
        at_eof: st[2] != 0,
        n: (st[3] as usize).min(ops.len()),
        fi: st[4] as usize,
    };
    let state = ctx.ptr(6);
    let mut src = ReaderSource {
        s: buf,
        pos: mark.pos,
        eof,
        starved: false,
    };
    let mut s = new_ss(&mut src, mode == 0, mode == 1);
    s.state = state;
    s.count = mark.count;
    s.at_eof = mark.at_eof;
    let (n, r) = if mode == 2 {
        do_scanf(ctx, &mut s, &format, &ops, &mut mark)
    } else {
        do_scan(ctx, &mut s, &ops, &mut mark)
    };
    drop(s);
    if src.starved {
        let words = [
            mark.pos as u64,
            mark.count as u64,
            mark.at_eof as u64,
            mark.n as u64,
            mark.fi as u64,
        ];
        ctx.store(stp, 0, &words, st_type);
        ctx.ret_int(0, mark.n as i64);
        ctx.ret_str(1, b"");
        ctx.ret_bool(2, true);
        ctx.ret_iface(3, 0);
        return NativeResult::Ok;
    }
    ctx.store(stp, 0, &[src.pos as u64], st_type);
    ctx.ret_bool(2, false);
    finish(ctx, n, r, 3)
}

/// The scanning natives of package fmt: name, code, and the Go signature
/// the code implements (checked at load, see gol_vm's native module).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "sscan",
        Native::new(
            sscan_native,
            "func(str string, a []any, ln bool) (int, string, error)",
        ),
    ),
    (
        "sscanf",
        Native::new(
            sscanf_native,
            "func(str string, format string, a []any) (int, string, error)",
        ),
    ),
    (
        "scan",
        Native::new(scan_native, "func(a []any, ln bool) (int, string, error)"),
    ),
    (
        "scanf",
        Native::new(scanf_native, "func(format string, a []any) (int, string, error)"),
    ),
    (
        "scanReader",
        Native::new(
            scan_reader_native,
            "func(buf []byte, eof bool, mode int, format string, a []any, st []int, s *ss) (n int, msg string, more bool, err error)",
        ),
    ),
];
