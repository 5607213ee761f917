//! Leaked goroutines (`GODEBUG=leakcheck=1`): goroutines blocked for
//! good on a channel, lock, WaitGroup or Cond that nothing that can still
//! run will ever touch, found with the collector's marking, as Go 1.26's
//! goroutine leak profile finds them (design 74609, after the Golf
//! paper: "Goroutine leak detection via liveness").
//!
//! # The algorithm
//! With the world stopped, at the end of every cycle of the concurrent
//! collector (`Exec::terminate` in mgc.rs), after each stop-the-world
//! collection the pacer starts under `GODEBUG=gcstoptheworld=1`
//! (`exec::safepoint`; not `runtime.GC`'s in that mode, whose caller's
//! state is held by its own M), and when main returns:
//! 1. Every goroutine that is not blocked on a channel or sync object
//!    (running, runnable, in a system call, in IO wait, asleep, waiting
//!    for a finalizer ...) is a *root goroutine*: its live slots and
//!    records are roots. So are the package variables, the pins (timers'
//!    channels and callbacks) and every object with a finalizer (a
//!    finalizer may still run and wake someone, as in Go, whose leak
//!    check marks from finalizer specials).
//! 2. Every other goroutine is a *candidate*, blocked on objects read from
//!    the instruction it parked in (its top frame's pc is just past it):
//!    the channels of a send, receive or select (the registers the
//!    instruction names still hold them: results are written only when it
//!    resumes), or the pointer argument of a `sync` native (`Lock`,
//!    `RLock`, `runtime_SemacquireWaitGroup`, `runtime_notifyListWait`).
//!    A candidate's own stack is *not* a root: a goroutine waiting on a
//!    channel that only it refers to is what a leak is.
//! 3. Mark from the roots (gol_gc's `Reach`, a side mark: the real mark
//!    bits are the sweeper's). A reached channel handle makes the
//!    channel's buffered and in-flight words roots. A candidate one of
//!    whose objects was reached may be woken by someone who can run: it
//!    becomes a root goroutine and its stack is marked. Repeat until
//!    nothing changes (a fixpoint: Go's `findMaybeRunnableGoroutines`).
//! 4. The candidates left are leaked. A send or receive on a nil channel
//!    and `select {}` are leaked by definition (they block on nothing),
//!    except main in `select {}` (Go's exception: a server's main often
//!    ends so).
//!
//! # Reporting
//! Each leaked goroutine is printed once, to standard error, in Go's
//! dump form with Go's leak mark: `goroutine 7 [chan send (leaked)]:`,
//! its frames, `created by`; each check that found new ones first prints
//! `leakcheck: N leaked goroutine(s) at gc K` (or `at exit`) with the
//! total so far. A program can also ask, as in Go, whatever `GODEBUG`
//! says: `pprof.Lookup("goroutineleak").WriteTo(w, debug)` runs the check
//! with the calling goroutine as a root and writes Go's profile text,
//! and `Count()` gives how many the last such check found (the natives
//! at the end of this file). A leaked goroutine keeps its stack (as in
//! Go: a finalizer may still refer to what it holds); nothing is
//! reclaimed.
//!
//! # Precision
//! Never a false report, by construction: everything that could wake a
//! candidate is marked (conservatively: stack words that merely look like
//! pointers count). A root goroutine's roots are the slots its stack maps
//! call live (liveness.rs), as the collector's are: a channel left in a
//! dead register, or in a slot of a returned call that overlaps its
//! caller's window, hides no leak (tests/leaks/stale_slot.go); with the
//! maps off (`GODEBUG=gcliveness=0`) every slot of the stack counts and
//! such a leak shows only once the frame is gone, at the latest at exit.
//! A leak
//! can still be missed until later where a frame keeps its whole window
//! (one running a deferred call, or unwound by a panic: liveness.rs,
//! case 4), and where a small sync object shares a tiny-allocator block
//! with a reachable one (gol_gc's reach.rs explains why channels do
//! not).
//!
//! # Cost
//! Off (the default): one branch per collection cycle and one at main's
//! return. On: O(live heap + goroutines) with the world stopped, per
//! cycle; a debug mode, like `gccheckmark`.
//!
//! Rejected: running the check inside the collector's own mark (Go's
//! way: blocked goroutines' stacks are scanned only once found runnable,
//! which saves the second mark but makes every cycle's termination wait
//! for a fixpoint and changes what the sweeper frees); reporting from
//! `checkdead` only (that is Go's deadlock, which needs every goroutine
//! blocked).

use crate::goroutine::G;
use crate::rt::Exec;
use crate::sched::{GStatus, GView, WaitReason};
use crate::Vm;
use gol_lang::bytecode::Op;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The leak check's state (`Exec::leaks`).
#[derive(Default)]
pub(crate) struct Leaks {
    /// `GODEBUG=leakcheck=1`: check at each cycle's end and at exit, and
    /// report. Read once, at the start of the run.
    pub(crate) auto: bool,
    /// Goroutines reported so far (each is reported once).
    reported: Mutex<HashSet<u64>>,
    /// How many, for the summary lines.
    total: AtomicUsize,
    /// The leaked goroutines the last check asked for by `runtime/pprof`
    /// found, with their stacks (innermost first): Go's goroutineleak
    /// profile, which only such a request computes.
    last: Mutex<Vec<(u64, Trace)>>,
}

/// A goroutine's frames as (function, pc after the call), innermost first
/// (`panic::capture`).
type Trace = Vec<(u32, u32)>;

impl Leaks {
    /// The state for this run: automatic checks if `GODEBUG` asks.
    pub(crate) fn from_env() -> Leaks {
        Leaks {
            auto: crate::godebug("leakcheck").as_deref() == Some("1"),
            ..Leaks::default()
        }
    }
}

/// When a check runs, for its summary line.
#[derive(Clone, Copy)]
pub(crate) enum When {
    /// At the end of collection cycle N.
    Gc(u32),
    /// After main returned.
    Exit,
}

/// What a goroutine is, for the check.
enum Role {
    /// It may run: its roots are roots (the slots and the lent copy).
    Root,
    /// Blocked on these objects; `exact`: they are channel handles (only
    /// ever referred to by their address).
    Candidate { objs: Vec<u64>, exact: bool },
}

/// Runs the check on the goroutines `views` and reports the new leaks.
/// The caller stopped the world, and `views` holds every goroutine that
/// may still run: all of them (from a thread that runs none, or an M
/// between slices), or all but main once main has returned.
pub(crate) fn check(exec: &Exec, vm: &Vm, views: &[GView<'_, Box<G>>], when: When) {
    // A live session's host holds values outside the program's roots
    // (session.rs): no verdict there.
    let leaks = &exec.leaks;
    if !leaks.auto || exec.live.is_some() {
        return;
    }
    let Some(leaked) = find_leaks(exec, vm, views, None) else {
        return;
    };
    let mut reported = match leaks.reported.lock() {
        Ok(r) => r,
        Err(_) => return,
    };
    let fresh: Vec<&GView<'_, Box<G>>> = views
        .iter()
        .filter(|v| leaked.contains(&v.id) && reported.insert(v.id))
        .collect();
    if fresh.is_empty() {
        return;
    }
    let total = leaks.total.fetch_add(fresh.len(), Ordering::Relaxed) + fresh.len();
    let at = match when {
        When::Gc(n) => format!("at gc {n}"),
        When::Exit => "at exit".to_string(),
    };
    let s = if fresh.len() == 1 { "" } else { "s" };
    let mut out = format!(
        "leakcheck: {} leaked goroutine{s} {at} ({total} in all)\n",
        fresh.len()
    )
    .into_bytes();
    for v in fresh {
        out.push(b'\n');
        crate::traceback::write_view(vm, v, true, &mut out);
    }
    out.push(b'\n');
    crate::stdio::write_report(&out);
}

/// The ids of the leaked goroutines among `views` (module docs), or None
/// when some goroutine's roots could not be read (a G running outside the
/// world without lending its roots): no verdict then.
fn find_leaks(
    exec: &Exec,
    vm: &Vm,
    views: &[GView<'_, Box<G>>],
    me: Option<&G>,
) -> Option<HashSet<u64>> {
    let chans = exec.chans.lock().ok()?;
    // Channel handles hold the address of their channel's box (rt.rs).
    let by_box: HashMap<usize, &crate::sched::chan::Chan> = chans
        .iter()
        .map(|b| (&**b as *const _ as usize, &***b))
        .collect();
    let mut roles = Vec::with_capacity(views.len());
    for v in views {
        let role = role_of(vm, v);
        if v.g.is_none() && (matches!(role, Role::Candidate { .. }) || v.lent.is_none()) {
            return None;
        }
        roles.push(role);
    }
    // SAFETY: the caller stopped the world: no goroutine runs, allocates
    // or sweeps, and no mark work is in progress (a cycle's end runs this
    // after mark termination, before the world restarts).
    let mut r = unsafe { exec.heap.reach() };
    exec.global_roots(&mut |w| r.root(w));
    for a in exec.heap.finalizer_objects() {
        r.root(a);
    }
    // The calling goroutine, when it asks (runtime/pprof): it runs, in
    // the native that asked (its frames' pcs are saved).
    if let Some(g) = me {
        g.roots(&vm.liveness, None, &mut |w| r.root(w));
    }
    let mut waiting: Vec<usize> = Vec::new();
    for (i, (v, role)) in views.iter().zip(&roles).enumerate() {
        match role {
            Role::Root => feed(vm, v, &mut |w| r.root(w)),
            Role::Candidate { .. } => waiting.push(i),
        }
    }
    let mut done_chans: HashSet<usize> = HashSet::new();
    loop {
        r.drain();
        let mut more = false;
        for p in r.take_small_pointers() {
            let Some(c) = r.word_at(p).and_then(|b| by_box.get(&b)) else {
                continue;
            };
            if done_chans.insert(*c as *const _ as usize) {
                c.for_each_word(&mut |w| r.root(w as usize));
                more = true;
            }
        }
        if more {
            continue;
        }
        let before = waiting.len();
        waiting.retain(|&i| {
            let Role::Candidate { objs, exact } = &roles[i] else {
                return false;
            };
            let woken = objs.iter().any(|&o| {
                if *exact {
                    r.reached_exact(o as usize)
                } else {
                    r.reached(o as usize)
                }
            });
            if woken {
                feed(vm, &views[i], &mut |w| r.root(w));
            }
            !woken
        });
        if waiting.len() == before {
            break;
        }
    }
    Some(
        waiting
            .into_iter()
            .map(|i| &views[i])
            .filter(|v| !(v.id == 1 && v.wait == WaitReason::SelectNoCases))
            .map(|v| v.id)
            .collect(),
    )
}

/// Whether `v` may run, or what it is blocked on (module docs, step 2).
fn role_of(vm: &Vm, v: &GView<'_, Box<G>>) -> Role {
    use WaitReason as W;
    if v.status != GStatus::Waiting {
        return Role::Root;
    }
    let exact = match v.wait {
        W::ChanReceiveNilChan | W::ChanSendNilChan | W::SelectNoCases => {
            return Role::Candidate {
                objs: Vec::new(),
                exact: true,
            }
        }
        W::ChanReceive | W::ChanSend | W::Select => true,
        W::SyncMutexLock
        | W::SyncRWMutexLock
        | W::SyncRWMutexRLock
        | W::SyncWaitGroupWait
        | W::SyncCondWait => false,
        _ => return Role::Root,
    };
    match v.g.and_then(|g| blocked_on(vm, g)) {
        Some(objs) => Role::Candidate { objs, exact },
        // An instruction the check does not know: it may be woken.
        None => Role::Root,
    }
}

/// The objects a parked goroutine waits on, read from the instruction it
/// parked in: the channel registers of a send, receive or select, or the
/// first argument of a native.
fn blocked_on(vm: &Vm, g: &G) -> Option<Vec<u64>> {
    let f = g.frames.last()?;
    let code = &vm.prog.funcs.get(f.func as usize)?.code;
    let at = (f.pc as usize).checked_sub(1)?;
    let base = f.base as usize;
    let slot = |r: u32| g.stack.get(base + r as usize).copied();
    match *code.get(at)? {
        Op::ChanSend { c, .. } | Op::ChanRecv { c, .. } => Some(vec![slot(c.0)?]),
        Op::CallNative { base: b, .. } => Some(vec![slot(b.0)?]),
        Op::SelectCase { .. } => {
            // The cases follow their Select, and the pc is past the last.
            let mut k = at;
            while let Some(Op::SelectCase { .. }) = code.get(k) {
                k = k.checked_sub(1)?;
            }
            let Op::Select { n, .. } = *code.get(k)? else {
                return None;
            };
            if k + n as usize != at {
                return None;
            }
            let mut objs = Vec::with_capacity(n as usize);
            for op in &code[k + 1..=at] {
                if let Op::SelectCase { c, .. } = *op {
                    let w = slot(c.0)?;
                    if w != 0 {
                        objs.push(w);
                    }
                }
            }
            Some(objs)
        }
        _ => None,
    }
}

/// The roots of a goroutine that may run: its live slots (by the stack
/// maps, where each of its frames stands: none runs while the world is
/// stopped, so every pc is saved) and its records, or the copy of its
/// roots it lent.
fn feed(vm: &Vm, v: &GView<'_, Box<G>>, sink: &mut dyn FnMut(usize)) {
    match (v.g, v.lent) {
        (Some(g), _) => g.roots(&vm.liveness, None, sink),
        (None, Some(words)) => {
            for &w in words {
                sink(w as usize);
            }
        }
        (None, None) => {}
    }
}

/// Go's goroutineleak profile for `runtime/pprof` (its natives, in
/// stdlib): a check on request, whatever `GODEBUG` says, with the calling
/// goroutine as a root; nothing is printed.
impl crate::native::NativeCtx<'_> {
    /// Runs the check (`runtime_goroutineLeakGC`; Go's runs a collection
    /// that detects leaks) and returns how many goroutines are leaked.
    pub fn goroutine_leak_check(&mut self) -> usize {
        let Some(sl) = self.sl else {
            return 0;
        };
        if sl.exec.live.is_some() {
            return 0;
        }
        let (cx, exec) = (sl.cx, sl.exec);
        let stopped = cx.stop_the_world();
        let vm: &Vm = self.vm;
        let g: &G = self.g;
        let found = cx.with_views(|views| {
            find_leaks(exec, vm, views, Some(g)).map(|ids| {
                views
                    .iter()
                    .filter(|v| ids.contains(&v.id))
                    .map(|v| {
                        (
                            v.id,
                            v.g.map(|g| crate::panic::capture(g)).unwrap_or_default(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        });
        cx.start_the_world(stopped);
        let Some(found) = found else {
            return self.goroutine_leak_count();
        };
        let n = found.len();
        if let Ok(mut last) = exec.leaks.last.lock() {
            *last = found;
        }
        n
    }

    /// The number of leaked goroutines the last check found (Go's
    /// `runtime_goroutineleakcount`).
    pub fn goroutine_leak_count(&self) -> usize {
        self.sl
            .and_then(|sl| sl.exec.leaks.last.lock().ok().map(|l| l.len()))
            .unwrap_or(0)
    }

    /// The ids of the goroutines the last check found leaked.
    pub fn goroutine_leak_ids(&self) -> Vec<u64> {
        self.sl
            .and_then(|sl| {
                let last = sl.exec.leaks.last.lock().ok()?;
                Some(last.iter().map(|(id, _)| *id).collect())
            })
            .unwrap_or_default()
    }

    /// The stacks of the goroutines the last check found leaked, as
    /// (function, pc after the call) pairs, innermost first.
    pub fn goroutine_leak_stacks(&self) -> Vec<Vec<(u32, u32)>> {
        self.sl
            .and_then(|sl| {
                let last = sl.exec.leaks.last.lock().ok()?;
                Some(last.iter().map(|(_, t)| t.clone()).collect())
            })
            .unwrap_or_default()
    }
}
