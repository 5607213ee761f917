//! Go's tracebacks of more than one goroutine: the `GOTRACEBACK`
//! setting, the dump of every goroutine (`goroutine N [status]:`, its
//! frames, `created by`), and the dump SIGQUIT asks for.
//!
//! # GOTRACEBACK
//! The setting itself is `gotraceback.rs` (below every module that
//! reports). As Go reads it (`runtime/runtime1.go`): `none` (or `0`)
//! prints no goroutine on an unrecovered panic or a fatal error, only the
//! message;
//! `single` (the default, or empty) the goroutine that failed; `all` (or
//! `1`) every goroutine; `system` (or `2`) every goroutine with the
//! runtime's own frames and goroutines, which gol has none of in Go form
//! (its runtime is Rust), so it prints what `all` prints; `crash` is
//! `system`, then the process dies of SIGABRT (status 134 in a shell), as
//! Go's does so that a core dump can be taken. A deadlock is reported in
//! full unless the level is `none`, as Go's `checkdead` throw is.
//! `debug.SetTraceback` may raise the level at run time, never below the
//! environment's (Go's rule).
//!
//! # The header line
//! `goroutine 7 [chan receive]:`: the status, or the wait reason of a
//! waiting goroutine; `, 3 minutes` after it when the goroutine has been
//! waiting at least a minute, and ` (leaked)` after the reason when the
//! leak check found it (`leakcheck`), as Go 1.26's leak profile prints
//! it. How long a goroutine has waited is Go's approximation: the
//! collector's stack scan stamps a waiting goroutine that has no stamp
//! yet (`sched::allgs`), and a wakeup clears it; so it is known to the
//! next collection, and sysmon forces one every two minutes.
//!
//! # SIGQUIT
//! Go's handler prints `SIGQUIT: quit`, the interrupted PC and every
//! goroutine, then exits with status 2. A signal handler cannot do that
//! safely here: the other goroutines' states are behind locks the
//! interrupted thread may hold (the G table's, an allocator's), and it
//! may only call async-signal-safe functions. So the handler
//! (src/fault.rs) only records the PC and writes one byte to a pipe
//! ([`crate::crashtrace::request_dump`]); a thread made for it (Go's
//! `sighandler` does the equivalent work on the signal stack with the
//! world frozen) wakes on the pipe, stops the world as the collector
//! does, writes the dump with the goroutines standing still, and exits
//! with status 2 (or aborts under `GOTRACEBACK=crash`). Output is
//! unbuffered (stdio.rs), so whatever the program printed is already on
//! its descriptor. A run registers its dumper ([`register_dumper`]) for
//! its length; without one (compiling, the REPL between runs) the
//! handler prints the header and the goroutine of the signalled thread,
//! as for other signals. A dump that cannot stop the world (a goroutine
//! in a long native) is cut short after five seconds, still with status
//! 2.
//!
//! A SIGQUIT dump is printed at Go's system level whatever the setting
//! (Go's `gotraceback` reads level 2 while an M throws): each header
//! carries `gp=` and `m=` ([`Fields`]), the M being the one a goroutine
//! runs on or is held by in a system call. Go's `PC=... m=` line names
//! the thread the signal landed on, usually its main thread (m0); gol's
//! names the M whose thread it landed on, sysmon's and the collector's
//! own ids for theirs, and 0 for the main thread and gol's helpers
//! (`crashtrace::signalled_m`). Left out of Go's SIGQUIT
//! output: `goroutine 0` (the M's scheduler stack, Rust code here), the
//! `fp=`/`sp=`/`pc=` of frames (system level), and the register dump:
//! gol's registers and frame addresses are the Rust interpreter's, not
//! the program's. A
//! goroutine in a system call (a read of standard input) is held by its
//! M; it lent the collector a copy of its roots (`sched::Blocker`) and,
//! after them, its trace ([`lend_trace`]), which the dump prints.

use crate::goroutine::G;
use crate::rt::{Cx, Exec};
use crate::sched::{GStatus, GView, SchedHandle, WaitReason};
use crate::Vm;

/// The header of goroutine `id` in a dump: `goroutine 7 [chan receive,
/// 3 minutes]:` (module docs).
pub(crate) fn header(
    id: u64,
    status: GStatus,
    wait: WaitReason,
    minutes: u64,
    leaked: bool,
    fields: Option<Fields>,
) -> String {
    let what = match status {
        GStatus::Waiting if !wait.as_str().is_empty() => wait.as_str(),
        s => s.as_str(),
    };
    let mut h = format!("goroutine {id}{} [{what}", fields_text(fields));
    if leaked {
        h.push_str(" (leaked)");
    }
    if minutes >= 1 && matches!(status, GStatus::Waiting | GStatus::Syscall) {
        h.push_str(&format!(", {minutes} minutes"));
    }
    h.push_str("]:\n");
    h
}

/// What Go's `goroutineheader` adds after the id at the system level:
/// the G's address and the M it is on (`gp=0x... m=2 mp=0x...`, or
/// `m=nil`).
pub(crate) type Fields = (usize, Option<crate::sched::GM>);

fn fields_text(f: Option<Fields>) -> String {
    match f {
        None => String::new(),
        Some((gp, None)) => format!(" gp={gp:#x} m=nil"),
        Some((gp, Some(m))) => format!(" gp={gp:#x} m={} mp={:#x}", m.id, m.mp),
    }
}

/// Whether headers carry [`Fields`]: as Go's `goroutineheader`, at
/// `GOTRACEBACK=system` (and `crash`), and while the process dies of a
/// runtime throw or a fatal signal such as SIGQUIT, for which Go's
/// `gotraceback` reads the system level whatever the setting (the
/// dump is not printed at all under `none`).
fn shows_fields() -> bool {
    crate::gotraceback::setting().level >= crate::gotraceback::Level::System
        || THROWING.load(std::sync::atomic::Ordering::Relaxed)
}

/// Set while the process dies of a runtime throw or a fatal signal (Go's
/// `m.throwing >= throwTypeRuntime`): the SIGQUIT dump, a stack
/// overflow. The process exits after the report.
static THROWING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks the process as dying of a runtime throw ([`THROWING`]).
pub(crate) fn set_throwing() {
    THROWING.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The header line of the goroutine that fails on this thread (a panic,
/// a fatal error): `goroutine 1 [running]:`, with Go's system-level
/// fields (its M is this thread's).
pub(crate) fn running_header(g: &crate::goroutine::G) -> String {
    let fields = shows_fields().then(|| (g as *const _ as usize, crate::sched::current_m()));
    format!("\ngoroutine {}{} [running]:\n", g.id, fields_text(fields))
}

/// One goroutine of a dump: its header, then its frames and `created by`
/// when its state can be read.
pub(crate) fn write_view(vm: &Vm, v: &GView<'_, Box<G>>, leaked: bool, out: &mut Vec<u8>) {
    // A G whose state could be read is not on an M: one still marked
    // running was stopped at the end of its slice and waits for a P.
    // (But for the one a fatal signal interrupted: Go shows it running.)
    let status = match (v.status, v.g) {
        _ if crate::crashtrace::signalled_goroutine() == Some(v.id) => GStatus::Running,
        (GStatus::Running, Some(_)) => GStatus::Runnable,
        (s, _) => s,
    };
    // ... and so on no M (`m=nil`), as Go shows a runnable G.
    let m = if status == GStatus::Runnable && v.status != status {
        None
    } else {
        v.m
    };
    let fields = shows_fields().then_some((v.gp, m));
    out.extend_from_slice(header(v.id, status, v.wait, v.wait_minutes, leaked, fields).as_bytes());
    if let Some(g) = v.g {
        write_stack(vm, g, out);
    } else if let Some(words) = v.lent {
        write_lent_stack(vm, words, out);
    }
}

/// The frames and `created by` lines of the trace appended to lent roots
/// (`lend_trace`); false when `words` carry none.
pub(crate) fn write_lent_stack(vm: &Vm, words: &[u64], out: &mut Vec<u8>) -> bool {
    let Some((trace, created)) = lent_trace(words) else {
        return false;
    };
    crate::panic::write_trace(vm, &trace, out);
    out.extend_from_slice(&crate::panic::created_by_of(vm, created));
    true
}

/// The last word of roots lent with a trace (`lend_trace`): "gol_trac".
/// Every word of the trailer has its top bit set, so that none of them
/// can look like a heap pointer to the collector, which scans the lent
/// words as roots.
const TRACE_MAGIC: u64 = 0xe76f_6c5f_7472_6163;
const TOP: u64 = 1 << 63;

/// Appends `g`'s trace to the roots it lends while blocked out of the
/// world (`sched::Blocker`), so that a dump can show the frames of a
/// goroutine whose state its M holds: per frame `TOP | func << 32 | pc`,
/// then the `go` statement's creator, function and pc (`TOP | id`, `TOP
/// | func << 32 | pc`, or two `TOP` words), the frame count, the magic.
pub(crate) fn lend_trace(g: &G, out: &mut Vec<u64>) {
    // `panic::capture`'s frames, without its vector (this runs at every
    // blocking system call).
    let start = out.len();
    for f in g.frames.iter().rev() {
        if out.len() - start >= 100 {
            break;
        }
        out.push(TOP | u64::from(f.func) << 32 | u64::from(f.return_addr()));
        if f.deferred_panic {
            out.push(TOP | u64::from(crate::panic::PANIC_FRAME) << 32);
        }
    }
    let frames = out.len() - start;
    match g.created {
        Some((parent, f, pc)) => {
            out.push(TOP | parent);
            out.push(TOP | u64::from(f) << 32 | u64::from(pc));
        }
        None => out.extend([TOP, TOP]),
    }
    out.push(TOP | frames as u64);
    out.push(TRACE_MAGIC);
}

/// The trace `lend_trace` appended to `words`, if any.
#[allow(clippy::type_complexity)]
fn lent_trace(words: &[u64]) -> Option<(Vec<(u32, u32)>, Option<(u64, u32, u32)>)> {
    let (&magic, rest) = words.split_last()?;
    if magic != TRACE_MAGIC {
        return None;
    }
    let (&n, rest) = rest.split_last()?;
    let n = (n & !TOP) as usize;
    let split = |w: u64| (((w & !TOP) >> 32) as u32, w as u32);
    let created_at = rest.len().checked_sub(2)?;
    let (parent, site) = (rest[created_at], rest[created_at + 1]);
    let created = (parent != TOP).then(|| {
        let (f, pc) = split(site);
        (parent & !TOP, f, pc)
    });
    let frames = rest.get(created_at.checked_sub(n)?..created_at)?;
    Some((frames.iter().map(|&w| split(w)).collect(), created))
}

/// A goroutine's frames and its `created by` lines.
pub(crate) fn write_stack(vm: &Vm, g: &G, out: &mut Vec<u8>) {
    crate::panic::write_trace(vm, &crate::panic::capture(g), out);
    if g.frames.len() > 100 {
        out.extend_from_slice(b"...additional frames elided...\n");
    }
    out.extend_from_slice(&crate::panic::created_by_text(vm, g));
}

/// Every goroutine but the running one, each after a blank line, read
/// with the world stopped (Go's `tracebackothers`).
pub(crate) fn dump_others(vm: &Vm, cx: &Cx, out: &mut Vec<u8>) {
    let stopped = cx.stop_the_world();
    cx.with_views(|views| {
        for v in views {
            out.push(b'\n');
            write_view(vm, v, false, out);
        }
    });
    cx.start_the_world(stopped);
}

/// Registers the dump of `h`'s goroutines as the process's SIGQUIT dump
/// until the guard is dropped.
pub(crate) fn register_dumper(h: SchedHandle<Exec>) -> DumperGuard {
    crate::crashtrace::set_dumper(Some(Box::new(move || dump_all(&h))));
    DumperGuard(())
}

/// Unregisters the run's dumper when the run ends.
pub(crate) struct DumperGuard(());

impl Drop for DumperGuard {
    fn drop(&mut self) {
        crate::crashtrace::set_dumper(None);
    }
}

/// Every goroutine of the run behind `h`, from a thread that is not an
/// M: the world stopped as the collector's background thread stops it.
fn dump_all(h: &SchedHandle<Exec>) -> Vec<u8> {
    set_throwing();
    let w = h.world();
    w.enter();
    let stopped = w.stop();
    let exec = h.executor();
    let mut out = Vec::new();
    if let Some(vm) = exec.take_vm() {
        h.with_views(|views| {
            for v in views {
                out.push(b'\n');
                write_view(&vm, v, false, &mut out);
            }
        });
        exec.put_vm(vm);
    }
    w.start(stopped);
    w.leave();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lent_trace_reads_back_and_never_looks_like_a_pointer() {
        let mut g = G::new(7, gol_lang::bytecode::FuncId(3));
        g.frames[0].pc = 5;
        g.created = Some((1, 2, 9));
        let mut words = vec![0x1234, 0x5678];
        lend_trace(&g, &mut words);
        assert!(words[2..].iter().all(|w| w & TOP != 0));
        let (trace, created) = lent_trace(&words).expect("a trace");
        assert_eq!(trace, vec![(3, 5)]);
        assert_eq!(created, Some((1, 2, 9)));
        g.created = None;
        let mut words = Vec::new();
        lend_trace(&g, &mut words);
        assert_eq!(lent_trace(&words).map(|t| t.1), Some(None));
        assert!(lent_trace(&[1, 2, 3]).is_none());
    }

    #[test]
    fn system_level_fields_name_the_g_and_its_m() {
        let m = crate::sched::GM { id: 2, mp: 0xc000 };
        let h = |f| header(7, GStatus::Syscall, WaitReason::Zero, 0, false, f);
        assert_eq!(
            h(Some((0xa0, Some(m)))),
            "goroutine 7 gp=0xa0 m=2 mp=0xc000 [syscall]:\n"
        );
        assert_eq!(
            h(Some((0xa0, None))),
            "goroutine 7 gp=0xa0 m=nil [syscall]:\n"
        );
        assert_eq!(h(None), "goroutine 7 [syscall]:\n");
    }

    #[test]
    fn headers_carry_the_reason_the_minutes_and_the_leak() {
        let h = |s, w, m, l| header(7, s, w, m, l, None);
        assert_eq!(
            h(GStatus::Waiting, WaitReason::ChanReceive, 0, false),
            "goroutine 7 [chan receive]:\n"
        );
        assert_eq!(
            h(GStatus::Waiting, WaitReason::Select, 3, false),
            "goroutine 7 [select, 3 minutes]:\n"
        );
        assert_eq!(
            h(GStatus::Waiting, WaitReason::ChanSend, 0, true),
            "goroutine 7 [chan send (leaked)]:\n"
        );
        assert_eq!(
            h(GStatus::Runnable, WaitReason::Zero, 5, false),
            "goroutine 7 [runnable]:\n"
        );
    }
}
