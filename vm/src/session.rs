//! A live program: the runtime keeps running between a host's calls into
//! it, and the program may grow between them (a REPL: each input is
//! compiled into an append-only extension of the program and run once).
//!
//! # The model
//! [`Session::start`] starts the runtime of a run (heap, GOMAXPROCS Ms,
//! sysmon, the collector's thread; the netpoller with the first socket)
//! on a thread of its own, with no main goroutine: the scheduler runs
//! idle (`Sched::run_idle`). Nothing of the program runs, not even
//! package initialisation: the host calls that (the program's init
//! function) like any other.
//!
//! [`Session::call`] runs one function (no parameters, no results) on a
//! new goroutine, the *call's goroutine*, which plays main's part for the
//! call, and waits for it. The goroutines it starts keep running after
//! it returns and between calls. A call ends (`rt::Live::finish_call`,
//! first writer wins) when:
//! * its function returns (or calls `runtime.Goexit`): `Returned`;
//! * an unrecovered panic reaches its frame: the deferred calls have run
//!   and Go's report is printed, as for main; the host gets its text
//!   (`Panicked`), collected by `rt::ReportTap` while the call's slices
//!   run; the goroutine ends, the session goes on;
//! * every goroutine is asleep while it runs (`Executor::deadlock`, from
//!   the last M to park): Go's deadlock dump is printed and the call is
//!   abandoned (`Deadlock`);
//! * the host interrupts it ([`Interrupter`]): a running goroutine ends at
//!   its next slice boundary (`STOP_HINT` ends a slice at the next
//!   backward jump or instruction outside the fast loop; as it ends every
//!   goroutine's slices early, it is lowered after `HINT_MAX` if the call
//!   is inside a native, and the call then ends at its next slice start);
//!   a parked one is abandoned where it waits (`Interrupted`), found by
//!   the host's thread, which polls the goroutine's status every
//!   millisecond while an interrupt is pending.
//!
//! An *abandoned* goroutine (deadlock, interrupt while parked) stays
//! parked: whatever it waits on still holds its waker, so ending it there
//! would let a later wakeup ready a dead goroutine. It is a *zombie*
//! (`LiveState::zombies`): left out of dumps, and the next time it is
//! scheduled it ends without running anything. A panic in any other
//! goroutine prints its report and ends that goroutine only.
//!
//! While no call runs, every goroutine asleep is not a deadlock: the host
//! may still call (`Executor::outside_may_spawn`), so the last M parks
//! like any idle M. `os.Exit` and fatal errors end the run, and so the
//! session: every later call answers how it ended.
//!
//! # Growing the program
//! [`Session::grow`] installs a program that extends the running one
//! append-only (checked: every old function, type, string, native and
//! file unchanged at the same index, `global_words` not smaller). It
//! derives the new program's tables first (natives resolved by name,
//! their signatures, header types, box masks: `Derived`), then stops the
//! world from the host's thread (no M inside a slice, so no goroutine can
//! meet an id of the new program while it runs with the old one) and
//! installs them in every VM of the pool (the Ps' VMs moved into it
//! first: rt.rs, "VMs per P"); a VM held through the stop (an
//! M blocked out of the world) takes them when it returns to the pool
//! (`Exec::take_vm`). Per-M map descriptor caches grow on demand: the old
//! entries stay right. Each M's interface-method cache (kept across
//! slices with the program it was filled from, `interp::run`) is emptied
//! at the first slice that runs with another program: a redefined method
//! is a new function. Such an M finishes the slice it was in with the
//! old program: should a value of the new program reach it within that
//! slice (a func value or a new type's box through a channel), the call
//! is a fatal error (a function index the old program does not have is
//! checked), never a read out of bounds.
//!
//! # Invariants
//! 1. Globals never move (pointers into them exist): a session's are
//!    allocated once with room for [`GLOBAL_WORDS`] words, zeroed and
//!    untouched until used; the collector scans only the words the
//!    current program declares (`Globals::set_live`, raised with the
//!    world stopped).
//! 2. Constant strings keep their addresses (live strings point into
//!    them): the grown table moves the old strings' boxes in when no VM
//!    holds the old table any more; otherwise it copies them and the old
//!    table is kept alive until the session ends (`Core::retired`).
//! 3. One call at a time (`Core::calls`); `Live::caller` names its
//!    goroutine before any M can run it (`SchedHandle::spawn`'s `named`),
//!    and is cleared by whoever ends the call, under `Live::state`.
//! 4. A zombie is never readied by the session itself, only by what it
//!    waits on, so no goroutine is ever readied twice.
//!
//! # What an interrupt cannot undo
//! A parked call's goroutine is abandoned, not unwound: its deferred
//! calls do not run, a value a sender later hands to its abandoned
//! receive is lost with it, a `sync.Mutex` later handed to it stays
//! locked, and locks it held stay held. A call inside a native that does
//! not return (a read of standard input, a long system call) is
//! interrupted only when the native returns.
//!
//! Rejected: unwinding a parked goroutine in place (its waker stays with
//! the channel, timer or semaphore, which would later ready a goroutine
//! that waits on something else, or twice); one persistent main goroutine
//! parked on the host between calls (an interrupt while it is parked
//! needs a fresh one anyway, so goroutine ids would not stay 1).

use crate::exec::Exec;
use crate::goroutine::G;
use crate::rt::{Live, ReportTap};
use crate::sched::{GStatus, RunExit, Sched, SchedHandle};
use crate::{Derived, Globals, Native, Vm};
use gol_lang::bytecode::{FuncId, Program};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use crate::rt::CallOutcome;

/// The package-level words a session's programs may declare in all
/// (64 MiB of address space, touched only as used).
pub const GLOBAL_WORDS: usize = 1 << 23;

/// How long an interrupt keeps `STOP_HINT` raised for a call that does
/// not reach a slice boundary (see `Session::call`).
const HINT_MAX: Duration = Duration::from_millis(10);

/// A running program a host calls into (see the module docs).
pub struct Session {
    core: Arc<Core>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

struct Core {
    handle: SchedHandle<Exec>,
    /// The VM the session started from: the program it runs now and what
    /// derives from it (kept current by `grow`), for traces.
    vm: Mutex<HostVm>,
    /// Constant tables some VM still held when the program grew (see
    /// invariant 2).
    #[allow(clippy::type_complexity)]
    retired: Mutex<Vec<Arc<[Box<[u8]>]>>>,
    /// One call at a time.
    calls: Mutex<()>,
    /// One growth at a time.
    growing: Mutex<()>,
    /// `STOP_HINT` is raised for an interrupt.
    hint: AtomicBool,
}

/// The host's VM.
struct HostVm(Vm);

// SAFETY: a `Vm`'s raw pointers (`cx`, `exec`) are set only while an M
// runs a slice with it; this one never runs a slice (they stay null), and
// the rest of a `Vm` is owned data or `Arc`s of `Sync` state.
unsafe impl Send for HostVm {}

impl Core {
    fn exec(&self) -> &Exec {
        self.handle.executor()
    }

    fn live(&self) -> &Live {
        match &self.exec().live {
            Some(l) => l,
            None => gol_gc::throw("session without its state"),
        }
    }

    fn vm(&self) -> std::sync::MutexGuard<'_, HostVm> {
        self.vm.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lower_hint(&self) {
        if self.hint.swap(false, Ordering::AcqRel) {
            crate::sched::world::STOP_HINT.fetch_sub(1, Ordering::Relaxed);
        }
    }

    /// Runs `f` with the world stopped from this (non-M) thread.
    fn stopped<R>(&self, f: impl FnOnce() -> R) -> R {
        let w = self.handle.world();
        w.enter();
        let s = w.stop();
        let r = f();
        w.start(s);
        w.leave();
        r
    }
}

/// Stops the call in progress from another thread (a Ctrl-C handler).
#[derive(Clone)]
pub struct Interrupter(Arc<Core>);

impl Interrupter {
    /// Interrupts the call in progress (see the module docs); false if
    /// none is in progress. The call then answers `Interrupted`.
    pub fn interrupt(&self) -> bool {
        let core = &self.0;
        let live = core.live();
        let st = live.lock();
        let c = live.caller.load(Ordering::SeqCst);
        if c == 0 || st.ended.is_some() {
            return false;
        }
        live.interrupt.store(c, Ordering::SeqCst);
        if !core.hint.swap(true, Ordering::AcqRel) {
            crate::sched::world::STOP_HINT.fetch_add(1, Ordering::Relaxed);
        }
        live.cv.notify_all();
        drop(st);
        true
    }
}

impl Session {
    /// Starts the runtime for `vm`'s program (a `Vm` made by `Vm::new`,
    /// with its host and run settings) with no goroutine: nothing of the
    /// program runs until [`Session::call`]. The settings' limits hold
    /// for the whole session (past one, a fatal error ends it), and its
    /// `Canceller` ends the session (`Fatal`); [`Interrupter`] ends one
    /// call.
    pub fn start(mut vm: Vm) -> Result<Session, String> {
        let words = vm.prog.global_words as usize;
        if words > GLOBAL_WORDS {
            return Err(format!(
                "the program's package variables ({words} words) do not fit a session's {GLOBAL_WORDS}"
            ));
        }
        vm.globals = Arc::new(Globals::with_capacity(words, GLOBAL_WORDS));
        let tap = Arc::new(ReportTap::new(vm.host.take()));
        vm.host = Some(tap.clone());
        let mut exec = Exec::new(&vm);
        exec.live = Some(Live::new());
        let sched = Sched::new(exec, crate::exec::sched_config(&vm));
        let handle = sched.handle();
        let canceller = vm.run_config.canceller.clone();
        let thread = std::thread::Builder::new()
            .name("gol-session".into())
            .spawn(move || run(sched, tap, canceller))
            .map_err(|e| format!("newosproc: {e}"))?;
        Ok(Session {
            core: Arc::new(Core {
                handle,
                vm: Mutex::new(HostVm(vm)),
                retired: Mutex::new(Vec::new()),
                calls: Mutex::new(()),
                growing: Mutex::new(()),
                hint: AtomicBool::new(false),
            }),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// The program the session runs now.
    pub fn program(&self) -> Arc<Program> {
        self.core.vm().0.prog.clone()
    }

    /// Installs `next`, an append-only extension of the running program,
    /// resolving its natives with `resolve` (as `Vm::new` does). Refused,
    /// with the reason, when `next` changes anything of the old program,
    /// a native is missing, or its variables do not fit.
    pub fn grow(
        &self,
        next: Arc<Program>,
        resolve: &dyn Fn(&str) -> Option<Native>,
    ) -> Result<(), String> {
        let core = &self.core;
        let _one = core.growing.lock().unwrap_or_else(|e| e.into_inner());
        let old = core.vm().0.prog.clone();
        check_extension(&old, &next)?;
        let exec = core.exec();
        if next.global_words as usize > exec.globals.capacity() {
            return Err(format!(
                "the program's package variables ({} words) do not fit a session's {}",
                next.global_words,
                exec.globals.capacity()
            ));
        }
        // Everything but the old strings is derived outside the stop; the
        // old strings' slots hold empty placeholders until then.
        let holes = vec![Box::<[u8]>::default(); old.strings.len()];
        let mut d = Derived::of(&next, resolve, holes)?;
        let mut host = core.vm();
        core.stopped(|| {
            let mut pool = exec.pool.lock().unwrap_or_else(|e| e.into_inner());
            // The Ps' VMs join the pool's, to be installed below; a VM
            // held through the stop goes back to the pool, not its P
            // (rt.rs, "VMs per P").
            exec.grown.fetch_add(1, Ordering::Release);
            pool.free.extend(exec.p_vms());
            // Drop every reference to the old table but one, so its boxes
            // can move into the new one (invariant 2).
            let empty: Arc<[Box<[u8]>]> = Arc::from(Vec::new());
            let mut old_consts = std::mem::replace(&mut host.0.consts, empty.clone());
            pool.proto.consts = empty.clone();
            for v in pool.free.iter_mut() {
                v.consts = empty.clone();
            }
            if let Some(table) = Arc::get_mut(&mut d.consts) {
                match Arc::get_mut(&mut old_consts) {
                    Some(boxes) => {
                        for (slot, b) in table.iter_mut().zip(boxes.iter_mut()) {
                            std::mem::swap(slot, b);
                        }
                    }
                    None => {
                        for (slot, b) in table.iter_mut().zip(old_consts.iter()) {
                            *slot = b.clone();
                        }
                        core.retired
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(old_consts);
                    }
                }
            }
            host.0.install(next.clone(), &d);
            pool.proto.install(next.clone(), &d);
            for v in pool.free.iter_mut() {
                v.install(next.clone(), &d);
            }
            exec.globals.set_live(next.global_words as usize);
        });
        Ok(())
    }

    /// Runs the program's function `f` (no parameters, no results) on a
    /// goroutine of its own and waits for it (see the module docs for
    /// how a call ends).
    pub fn call(&self, f: FuncId) -> CallOutcome {
        let core = &self.core;
        let _one = core.calls.lock().unwrap_or_else(|e| e.into_inner());
        let live = core.live();
        {
            let prog = core.vm().0.prog.clone();
            match prog.funcs.get(f.0 as usize) {
                None => return CallOutcome::Refused(format!("no function {}", f.0)),
                Some(func) if func.param_words != 0 || func.result_words != 0 => {
                    return CallOutcome::Refused(format!("{} has parameters or results", func.name))
                }
                Some(_) => {}
            }
            let mut st = live.lock();
            if let Some(e) = &st.ended {
                return e.clone();
            }
            st.outcome = None;
            core.handle.spawn(Box::new(G::new(0, f)), |id| {
                live.caller.store(id, Ordering::SeqCst)
            });
        }
        let mut st = live.lock();
        // When the pending interrupt was first seen.
        let mut asked: Option<Instant> = None;
        loop {
            if let Some(o) = st.outcome.take() {
                core.lower_hint();
                return o;
            }
            if let Some(e) = &st.ended {
                core.lower_hint();
                return e.clone();
            }
            let caller = live.caller.load(Ordering::SeqCst);
            let pending = caller != 0 && live.interrupt.load(Ordering::SeqCst) == caller;
            if pending && core.handle.status_of(caller) == Some(GStatus::Waiting) {
                // Parked: abandoned where it waits (a wakeup racing with
                // this makes it run its next slice as a zombie: it ends).
                live.abandon(&mut st, caller, CallOutcome::Interrupted);
                continue;
            }
            // The hint ends every goroutine's slices early: a call that
            // does not come back to a slice boundary soon (inside a
            // native) is left to end at its next one without it.
            if pending {
                let since = *asked.get_or_insert_with(Instant::now);
                if since.elapsed() > HINT_MAX {
                    core.lower_hint();
                }
            } else {
                asked = None;
            }
            // Polled while an interrupt waits for the goroutine to park
            // or reach a slice boundary; otherwise woken by the call's end.
            let wait = if pending {
                Duration::from_millis(1)
            } else {
                Duration::from_millis(50)
            };
            st = match live.cv.wait_timeout(st, wait) {
                Ok((g, _)) => g,
                Err(e) => e.into_inner().0,
            };
        }
    }

    /// A handle that stops the call in progress from another thread.
    pub fn interrupter(&self) -> Interrupter {
        Interrupter(self.core.clone())
    }

    /// Every goroutine (but abandoned ones) in Go's dump format, as on a
    /// deadlock or with `GOTRACEBACK=all`; taken with the world stopped.
    pub fn goroutines(&self) -> String {
        let core = &self.core;
        let live = core.live();
        let host = core.vm();
        let zombies = live.lock().zombies.clone();
        let mut out = Vec::new();
        core.stopped(|| {
            core.handle
                .with_views(|views| crate::exec::dump_views(&host.0, views, &zombies, &mut out))
        });
        let text = String::from_utf8_lossy(&out);
        text.strip_prefix('\n').unwrap_or(&text).to_string()
    }

    /// The scheduler's state: Go's `schedtrace` line (GOMAXPROCS, idle
    /// Ps, threads, the global and each P's run queue) and a line per P
    /// and per M (`scheddetail`), without the per-goroutine lines.
    pub fn sched_summary(&self) -> String {
        let h = &self.core.handle;
        let mut s = h.schedtrace(false);
        for line in h.schedtrace(true).lines().skip(1) {
            if !line.starts_with("  G") {
                s.push_str(line);
                s.push('\n');
            }
        }
        s.push_str(&format!("goroutines={}\n", h.num_goroutine()));
        s
    }
}

impl Drop for Session {
    /// Ends the run (every M leaves at its next safepoint, parked
    /// goroutines are dropped) and joins its threads; the scheduler gives
    /// up on a thread stuck in a system call after a bounded wait.
    fn drop(&mut self) {
        self.core.handle.end_run();
        let t = self.thread.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(t) = t {
            let _ = t.join();
        }
        self.core.lower_hint();
    }
}

/// The session's thread: the scheduler's run, then how it ended.
fn run(sched: Sched<Exec>, tap: Arc<ReportTap>, canceller: Option<crate::Canceller>) {
    if let Some(c) = &canceller {
        c.set_run(Some(sched.handle()));
    }
    let exit = sched.run_idle();
    let cancelled = canceller.is_some_and(|c| c.set_run(None));
    let host: Arc<dyn crate::stdio::Host> = tap.clone();
    let _host = crate::stdio::enter(Some(&host));
    let exec = sched.executor();
    // Every M has stopped: give the Ms' allocation caches back.
    exec.release_caches();
    let Some(live) = &exec.live else { return };
    let mut st = live.lock();
    let ended = match exit {
        _ if cancelled => CallOutcome::Fatal("the run was cancelled".into()),
        RunExit::Exit(_) if exec.fatal.load(Ordering::Acquire) => {
            CallOutcome::Fatal(st.fatal_text.take().unwrap_or_else(|| tap.last()))
        }
        RunExit::Exit(c) => CallOutcome::Exited(c),
        RunExit::Done => CallOutcome::Exited(0),
        RunExit::Fatal(msg) => {
            let text = format!("fatal error: {msg}\n");
            crate::stdio::write_report(text.as_bytes());
            CallOutcome::Fatal(text)
        }
        RunExit::Panicked { .. } | RunExit::Deadlock(_) => {
            CallOutcome::Fatal("the run ended unexpectedly".into())
        }
    };
    st.ended = Some(ended);
    // No call is in progress any more (nothing for an interrupt to do).
    live.caller.store(0, Ordering::SeqCst);
    live.cv.notify_all();
}

/// Whether `next` extends `old` append-only; the reason if not.
fn check_extension(old: &Program, next: &Program) -> Result<(), String> {
    next.extends(old)
        .map_err(|e| format!("the new program does not extend the running one: {e}"))
}
