//! Stack maps: which slots of a goroutine's stack the collector must
//! treat as roots. A backward liveness analysis of each function's
//! registers gives, for every pc, the slots that may be read before
//! they are written again; the stack scan walks a goroutine's frames and
//! hands the marker, for each frame, only the slots live where that
//! frame stands. Go's compiler emits such maps with each function
//! (`cmd/compile/internal/liveness`, read by the runtime's stack scan in
//! `mgcmark.go`); here the runtime makes them itself, from the bytecode.
//!
//! Without them every word of a slot stack was a root until its frame
//! returned, so an object that only a dead local pointed to stayed alive
//! (Go's test/stackobj.go and stackobj3.go check that it does not), a
//! finalizer ran late, and `GODEBUG=leakcheck=1` saw a channel in a dead
//! register as something a running goroutine could still use.
//!
//! # The analysis
//! For each instruction `i` of a function:
//!
//! ```text
//! live_in(i) = reads(i) ∪ (live_out(i) \ kills(i)) ∪ live_in(recover_pc)
//! live_out(i) = ∪ live_in(s) over the successors s of i
//! ```
//!
//! iterated backwards to the least fixpoint over bit sets of the frame's
//! slots. `reads(i)` are the slot operands the opcode table marks read
//! (`Op::for_each_read`, lang/src/opcode.rs: the one place an operand's
//! role is written), widened by the words each operand's value spans by
//! the instruction's meaning (a string's two words, a slice's three, a
//! value of type `t`'s `words`, a call's arguments). `kills(i)` are the
//! slots the instruction certainly writes on its normal path. The last
//! term is the landing pad of a recovered panic: in a function that
//! defers, any instruction may panic (or call one that does), and the
//! frame then resumes at `recover_pc` with its slots as they were.
//!
//! The successors of an instruction are its fall-through, its jump
//! target (`to`), both for a conditional jump, none for `Return` and the
//! panicking instructions, and the instruction after the next for a
//! fused `Move2` (which runs and skips the `Move` after it). An announcing
//! form is analysed as its plain form (`Op::plain`: it means exactly
//! that). A `Select` is analysed as its cases in order, each reading its
//! channel and element words, then the instruction after the last case.
//!
//! # Where a frame stands
//! A frame record's `pc` is the next instruction. What the frame still
//! needs depends on how it got there:
//!
//! 1. **The top frame** stopped at a safepoint: before an instruction
//!    (preempted, or the scan of its own stack at an instruction outside
//!    the interpreter's fast loop: the caller passes the pc it runs at),
//!    or past one whose result is written when it resumes (a parked
//!    send, receive or select, which reads nothing more). So its roots
//!    are `live_in(pc)`; while it is parked, also what the parking
//!    instruction (the `Select` for a select) read, which the leak check
//!    reads from the registers. A native reads its arguments and writes
//!    its results in its window outside the analysis' view, so after
//!    `CallNative` the window `base..base+max(params, results)` is added.
//!    Not `live_in(pc-1)` in general: the frame may have jumped to `pc`,
//!    and a slot an earlier scan of the cycle found dead must not turn
//!    into a root unwritten (checkmark re-marks from the roots at mark
//!    termination and would find its stale word white).
//! 2. **A frame below** is at its pending call (`Call`, `CallClosure`,
//!    `CallMethod` at `pc-1`, and the frame above is its callee: the
//!    record that call pushes, at the call's window). Its roots are
//!    `live_in(pc)` less the result words the callee will write over its
//!    window (the callee's frame holds those slots now and is scanned as
//!    itself). Below a native that called back into Go (`CallNative` at
//!    `pc-1`, a sentinel frame above, interp/nested.rs) the frame is
//!    treated as a top frame with the native running.
//! 3. **Under a deferred call**: a frame that has copied its results
//!    (`returning`) keeps them (slots `0..n`) and the `Return`'s
//!    operands; one at `RunDefers` keeps `live_in(pc)` (it runs the
//!    instruction again). A panic runs its deferred calls on top of the
//!    panicking frames (interp/unwind.rs), which stand as the panic left
//!    them: each below the top one at its pending call (case 2), the
//!    top one at the instruction that panicked, under the deferred call.
//!    That one keeps what its landing pad reads (`live_in(recover_pc)`:
//!    it resumes there if it deferred the call and the call recovers,
//!    and nowhere otherwise), nothing if its function does not defer
//!    (then the call is another frame's).
//! 4. Anything else keeps its whole window: a pc out of range, a frame of
//!    a function the maps do not know, a frame above whose record is not
//!    the one its instruction pushed.
//!
//! Slots above the top frame's window belong to no frame (the next call
//! writes them before reading) and are not roots. Roots outside the slot
//! stack (closures of frames, deferred calls' records, a parked
//! operation's words, panic values: `G::extra_roots`) are unchanged.
//!
//! # Invariants
//! 1. **Reads are over-approximated, kills under-approximated.** Every
//!    slot the table says an instruction reads is read; the widths added
//!    to it are the widest the instruction's arms read (a slice's three
//!    words where it reads two); a call whose callee is known only when
//!    it runs reads as many words as the largest possible callee takes
//!    (`CallClosure`: any function a `MakeClosure` names, the only maker
//!    of func values; `CallMethod`: any method of that name in a type's
//!    method table); a slot is killed only where the instruction writes it on every normal path
//!    (a call kills the results its callee's every `Return` copies; a
//!    native's result words are written by the native or, past its
//!    arguments, zeroed by the interpreter before it runs). An operand
//!    the table names but the instruction's own count makes empty
//!    (`Return a, 0`, a call of no arguments) is no read. A slot called
//!    dead is a use-after-free; one called live is a retained object,
//!    which is all the imprecision costs.
//! 2. **The unknown is live.** An opcode this module does not describe
//!    (one added to the table after it) makes the analysis treat the
//!    instruction as reading every slot, so nothing before it is dead;
//!    an instruction naming a function, native or type that does not
//!    exist, or a jump out of the code, makes the whole function opaque
//!    (every frame of it keeps its window).
//!    These bounds are facts of one program: when a session's program
//!    grows, the old maps retire (whole stacks from then on) and the VMs
//!    make maps of the new one.
//! 3. **The calling convention** (bytecode.rs, "Calls"): a callee's
//!    window starts at the call's `base` and the caller puts `base` above
//!    every slot it still needs, so while a call is pending the caller's
//!    slots from `base` up are the callee's. The pending set does not
//!    rely on it: it keeps any slot the analysis finds live there anyway
//!    (less the callee's results), so code that broke the convention
//!    would still be scanned soundly. (Such slots are found: a read this
//!    module widens past what runs, as a dynamic call's bound, reaches
//!    up there.)
//! 4. **A dead slot stays dead until written**: if a slot is dead at one
//!    pc, every pc reached from it without a write to it finds it dead,
//!    so a stale pointer left in a dead slot (its object possibly freed)
//!    is never read by the program. A conservative root may still see
//!    one (a whole window, above); the collector checks every root word
//!    against its allocation bits (gc contract 4), so that only retains.
//!
//! # Choices
//! * **When**: lazily, the first time a scan meets a frame of the
//!   function, once per function per program (`OnceLock`), shared by
//!   every M. Most functions of a program (the standard packages'
//!   hundreds) never stand on a stack during a collection; computing all
//!   of them at load (or in the code generator) would cost every run,
//!   even those that never collect. The first scan that meets a function
//!   pays its analysis, a few microseconds for a few hundred
//!   instructions, possibly inside a stop of the world; later scans pay a
//!   lookup. In the compiler (Go's choice) the maps would be bytecode the
//!   VM must trust for memory safety: computed here, they follow the
//!   VM's own reading of each instruction, and the code generator can
//!   change without breaking them.
//! * **How stored**: the live-in set of every pc (a frame can stand at
//!   almost any pc: any instruction outside the fast loop, any jump
//!   target, any call's return), with equal sets stored once and indexed
//!   per pc (Go's stack maps are indexed by PCDATA the same way): a
//!   function of a few hundred instructions has a few dozen distinct
//!   sets.
//! * **Precision**: per slot, not per value; no tracking through heap
//!   boxes (an escaped variable is a box in a slot, live while the slot
//!   is). A slot holding an integer costs nothing either way: the
//!   collector ignores words that are not heap pointers.
//!
//! # Live before written
//! A slot the analysis finds live at the function's entry that is no
//! parameter is read, on some path, before any instruction of the frame
//! writes it. Go code never reads a variable it has not written (the code
//! generator zeroes what it declares), so such a read is the analysis'
//! own imprecision: a dynamic call's widened arguments (`CallClosure`,
//! `CallMethod`: what the largest possible callee takes), a native's
//! result words, the destination of a select's receive case or the key
//! and value words of a map iterator's `MapNext`, written only on the
//! path that reads them. Kept in the sets, such a slot would be a root
//! from the frame's first instruction on, holding what an earlier frame
//! left there: a stale pointer that the scan of the stack before the call
//! (where the slot was dead, or above every frame) never marked. The
//! program never reads it, so it would only retain a dead object, but the
//! checkmark re-marks from the roots at mark termination and finds that
//! object white (`gccheckmark=1` with `GOGC=1` failed so on
//! tests/run/maps.go in 3 runs of 8: main.main's r21, read after a
//! `MapNext` that writes it, was live from the entry and held a pointer
//! an init function had left). So a second, forward analysis finds, per
//! pc, the slots some instruction of the frame may have written on a path
//! from the entry (the parameters from the start; each instruction's
//! kills and also what it writes only on some paths or by a width known
//! when it runs: a call's result words, a native's window, the map's
//! widest key and value after a `MapNext`, a chosen receive's
//! destination), and a slot live at entry is taken out of every set where
//! it may not have been written yet. Those may-writes must cover every
//! write of a slot the frame later reads (a miss would drop a root: a
//! use-after-free); a callee's writes above its results are not counted,
//! as the calling convention makes them dead to the caller. A function
//! with an instruction the analysis does not know keeps its sets whole.
//!
//! The same holds for a goroutine whose function returned: no frame, no
//! slot is a root (before, its whole stack was).
//!
//! # The switch
//! The maps are on by default; `GODEBUG=gcliveness=0` turns them off
//! (every slot of every stack is a root, as before the maps). Under
//! `GOGC=1` with the checkmark verifier (`gccheckmark=1`) the run suite
//! passes with them at GOMAXPROCS 1, 2 and 8. `GODEBUG=gcliveness=2` is a
//! test mode (Go's `-clobberdead`): at the start of every slice and at
//! each instruction outside the fast loop, the slots the maps call dead
//! are overwritten with a poison word, so a program that reads one
//! misbehaves at once instead of after a lucky collection.
//!
//! Rejected: the code generator recording each variable's lifetime
//! (scopes say when a variable is out of scope, not when it is dead, and
//! temporaries have no scope); clearing dead slots instead of skipping
//! them (a write per dead slot per scan, and a scan of a parked goroutine
//! must not write its stack); per-value maps with pointer bits (the slots
//! are untyped, and the collector already filters non-pointers).

use crate::goroutine::{Frame, G};
use gol_lang::bytecode::{Function, Op, PrintKind, Program, Reg, RtType, StrId, TypeKind};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::{Arc, OnceLock};

/// How the stack scan finds a goroutine's roots (`GODEBUG=gcliveness`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `0`: every slot of the stack.
    Whole,
    /// `1`, the default: the slots the maps call live.
    Precise,
    /// `2`: precise, and dead slots are poisoned at safepoints (a test
    /// mode).
    Clobber,
}

/// The switch, read from `GODEBUG` once per process.
pub(crate) fn mode() -> Mode {
    static MODE: OnceLock<Mode> = OnceLock::new();
    *MODE.get_or_init(|| match crate::godebug("gcliveness").as_deref() {
        Some("0") => Mode::Whole,
        Some("2") => Mode::Clobber,
        _ => Mode::Precise,
    })
}

/// What a dead slot is overwritten with under `gcliveness=2`: not a heap
/// address, not a plausible length or index, odd (no aligned pointer).
pub(crate) const POISON: u64 = 0xdead_dead_dead_dead;

/// Slots above the top frame's window poisoned under `gcliveness=2`
/// (the next callee's window; the rest of a grown stack is left alone so
/// the mode's cost does not grow with the deepest recursion so far).
const CLOBBER_ABOVE: usize = 256;

/// The frames, below those it poisons, whose windows `Maps::clobber`
/// checks for slots it must keep.
const CLOBBER_DEPTH: usize = 64;

/// The largest analysis (instructions × words of a set) done: beyond it
/// a function is opaque (every frame keeps its window) rather than a
/// large transient allocation inside a scan.
const MAX_ANALYSIS_WORDS: usize = 1 << 22;

/// Per method name: the most argument words after the receiver and the
/// most result words of a method of that name (`Maps::method_bounds`).
type MethodBounds = HashMap<Box<[u8]>, (u32, u32)>;

/// The stack maps of one program, filled as scans meet its functions.
/// Shared by every M (`Vm::liveness`, `Exec::liveness`); a grown session
/// program gets new maps, and a scanner still holding the old ones finds
/// the new functions missing, which keeps their frames whole.
pub(crate) struct Maps {
    prog: Arc<Program>,
    /// Per function: its map, or None when it is opaque.
    funcs: Box<[OnceLock<Option<FuncMap>>]>,
    /// Per function: the result words every one of its returns writes.
    rets: Box<[OnceLock<u32>]>,
    /// The most parameter and result words of a function a func value
    /// can hold (one `MakeClosure` names: the only maker of closure
    /// objects).
    closure_params: OnceLock<(u32, u32)>,
    /// Per method name: its bounds over every type's method table (what
    /// `CallMethod` dispatches to).
    method_params: OnceLock<MethodBounds>,
    /// The most key and value words of any map type of the program (what
    /// a `MapNext` may write after its flag).
    map_kv_max: OnceLock<u64>,
    /// The program grew (a session's `Vm::install`): the bounds above may
    /// not hold for the new functions, so whoever still scans by these
    /// maps scans whole stacks. Set with the world stopped; a scan runs
    /// inside the world, so the stop orders the store before any load.
    retired: AtomicBool,
}

/// The live-in sets of one function, per pc `0..=code.len()` (the last
/// one empty: past the end nothing is read).
struct FuncMap {
    /// Words of each set.
    nw: usize,
    /// Per pc: the index of its set in `sets`.
    index: Box<[u32]>,
    /// The distinct sets, `nw` words each; bit `s` is slot `s`.
    sets: Box<[u64]>,
    /// The function defers: it has a landing pad (`recover_pc`), whose
    /// live-in set every pc's includes.
    defers: bool,
}

impl FuncMap {
    fn live_in(&self, pc: usize) -> &[u64] {
        let k = self.index.get(pc).map_or(0, |&k| k as usize);
        &self.sets[k * self.nw..(k + 1) * self.nw]
    }
}

/// The slots of a function's window: every slot an instruction names is
/// below `frame_words + 1` (interp's window invariant), and a native's
/// wrapper keeps its parameters and results in its window too.
fn window(f: &Function) -> usize {
    f.frame_words.max(f.param_words).max(f.result_words) as usize + 1
}

/// Where control goes after an instruction (module docs, the analysis).
#[derive(Clone, Copy)]
enum Next {
    Fall,
    Jump(usize),
    Branch(usize),
    /// Past the next instruction (`Move2`).
    Skip,
    End,
    /// Unknown: the instruction reads every slot.
    Opaque,
}

/// One instruction's reads and kills as bit sets over a window.
struct Fx<'b> {
    slots: usize,
    gen: &'b mut [u64],
    kill: &'b mut [u64],
    /// The slots the instruction may write (its kills and more: where it
    /// writes on some paths only, or a width known only when it runs).
    may: &'b mut [u64],
    /// Operands read with a width of 0 (a few per instruction at most;
    /// past the array's room they are taken as read).
    empty: [Reg; 4],
    nempty: usize,
}

impl Fx<'_> {
    /// `n` slots from `r` are read (clipped to the window: an instruction
    /// names no slot past it, so a widened range past it is no read).
    /// With `n` 0 the operand is empty: the table's read of it is void.
    fn read(&mut self, r: Reg, n: u64) {
        if n == 0 {
            if let Some(e) = self.empty.get_mut(self.nempty) {
                *e = r;
                self.nempty += 1;
            }
            return;
        }
        let lo = r.0 as usize;
        let hi = (lo as u64).saturating_add(n).min(self.slots as u64) as usize;
        for s in lo..hi {
            self.gen[s / 64] |= 1 << (s % 64);
        }
    }

    /// `n` slots from `r` are certainly written.
    fn kill(&mut self, r: Reg, n: u64) {
        let lo = r.0 as usize;
        let hi = (lo as u64).saturating_add(n).min(self.slots as u64) as usize;
        for s in lo..hi {
            self.kill[s / 64] |= 1 << (s % 64);
            self.may[s / 64] |= 1 << (s % 64);
        }
    }

    /// `n` slots from `r` may be written.
    fn may(&mut self, r: Reg, n: u64) {
        let lo = r.0 as usize;
        let hi = (lo as u64).saturating_add(n).min(self.slots as u64) as usize;
        for s in lo..hi {
            self.may[s / 64] |= 1 << (s % 64);
        }
    }
}

/// Takes out of the live sets `live` (per pc, `0..=n`) the slots live at
/// the function's entry that are no parameters (module docs, "Live before
/// written") wherever no instruction of the frame may have written them
/// yet: a forward analysis of the slots each instruction may write
/// (`may`), from the parameters at entry, to the least fixpoint; through
/// `next` and, in a function that defers, into the landing pad `pad`
/// from every instruction. An instruction the analysis does not know
/// may write anything: then nothing is taken out.
fn unborn(
    f: &Function,
    next: &[Next],
    may: &[u64],
    pad: Option<usize>,
    slots: usize,
    live: &mut [u64],
) {
    let n = next.len();
    let nw = slots.div_ceil(64);
    // The slots live at entry that the caller did not write.
    let mut unborn = live[..nw].to_vec();
    for s in 0..(f.param_words as usize).min(slots) {
        unborn[s / 64] &= !(1 << (s % 64));
    }
    if unborn.iter().all(|&w| w == 0) || next.iter().any(|x| matches!(x, Next::Opaque)) {
        return;
    }
    // written[pc]: the slots some path from the entry to pc may have
    // written (the parameters by the caller).
    let mut written = vec![0u64; (n + 1) * nw];
    for s in 0..(f.param_words as usize).min(slots) {
        written[s / 64] |= 1 << (s % 64);
    }
    let mut out = vec![0u64; nw];
    loop {
        let mut changed = false;
        for pc in 0..n {
            for w in 0..nw {
                out[w] = written[pc * nw + w] | may[pc * nw + w];
            }
            let mut flow = |t: usize, out: &[u64], written: &mut [u64]| {
                let t = t.min(n);
                for (d, o) in written[t * nw..(t + 1) * nw].iter_mut().zip(out) {
                    if *d | o != *d {
                        *d |= o;
                        changed = true;
                    }
                }
            };
            match next[pc] {
                Next::Fall => flow(pc + 1, &out, &mut written),
                Next::Jump(t) => flow(t, &out, &mut written),
                Next::Branch(t) => {
                    flow(pc + 1, &out, &mut written);
                    flow(t, &out, &mut written);
                }
                Next::Skip => flow(pc + 2, &out, &mut written),
                Next::End | Next::Opaque => {}
            }
            if let Some(p) = pad {
                flow(p, &out, &mut written);
            }
        }
        if !changed {
            break;
        }
    }
    for pc in 0..=n {
        for w in 0..nw {
            live[pc * nw + w] &= !(unborn[w] & !written[pc * nw + w]);
        }
    }
}

/// Why a function has no map: it names something that does not exist.
struct Opaque;

impl Maps {
    /// Empty maps for `prog`, answering with whole stacks when the switch
    /// turns them off (module docs).
    pub(crate) fn new(prog: Arc<Program>) -> Maps {
        Maps::with_scan(prog, mode() != Mode::Whole)
    }

    /// Empty maps for `prog`; `precise` false answers with whole stacks
    /// from the start, as retired maps do.
    pub(crate) fn with_scan(prog: Arc<Program>, precise: bool) -> Maps {
        let n = prog.funcs.len();
        Maps {
            funcs: (0..n).map(|_| OnceLock::new()).collect(),
            rets: (0..n).map(|_| OnceLock::new()).collect(),
            closure_params: OnceLock::new(),
            method_params: OnceLock::new(),
            map_kv_max: OnceLock::new(),
            retired: AtomicBool::new(!precise),
            prog,
        }
    }

    /// The program grew past these maps (see `retired`): from now on they
    /// answer with whole stacks.
    pub(crate) fn retire(&self) {
        self.retired.store(true, Relaxed);
    }

    /// The most argument words a `CallClosure` may pass and the most
    /// result words it may get back: a func value is a closure object,
    /// which only `MakeClosure` makes, of its function.
    fn closure_bounds(&self) -> (u32, u32) {
        *self.closure_params.get_or_init(|| {
            let p = &self.prog;
            p.funcs
                .iter()
                .flat_map(|f| &f.code)
                .filter_map(|op| match *op {
                    Op::MakeClosure { f, .. } => p.funcs.get(f.0 as usize),
                    _ => None,
                })
                .fold((0, 0), |(a, r), f| {
                    (a.max(f.param_words), r.max(f.result_words))
                })
        })
    }

    /// The most argument words a `CallMethod` of method name `m` may read
    /// from its window (the interface word, then the arguments after the
    /// receiver: a method's parameter words less its receiver's, which
    /// the call unboxes in place of the interface word) and the most
    /// result words it may write there.
    fn method_bounds(&self, m: StrId) -> Result<(u64, u64), Opaque> {
        let by_name = self.method_params.get_or_init(|| {
            let mut h = MethodBounds::new();
            for t in &self.prog.types {
                for me in &t.methods {
                    let (pw, rw) = self
                        .prog
                        .funcs
                        .get(me.func.0 as usize)
                        .map_or((0, 0), |f| (f.param_words, f.result_words));
                    let e = h.entry(me.name.as_bytes().into()).or_insert((0, 0));
                    *e = (e.0.max(pw.saturating_sub(t.words)), e.1.max(rw));
                }
            }
            h
        });
        let name = self.prog.strings.get(m.0 as usize).ok_or(Opaque)?;
        let (a, r) = by_name.get(&name[..]).copied().unwrap_or((0, 0));
        Ok((1 + u64::from(a), u64::from(r)))
    }

    /// The most key and value words of a map type of the program.
    fn map_kv_max(&self) -> u64 {
        *self.map_kv_max.get_or_init(|| {
            (0..self.prog.types.len())
                .filter_map(|t| self.map_kv(RtType(t as u32)).ok())
                .map(|(k, v)| k + v)
                .max()
                .unwrap_or(0)
        })
    }

    fn map(&self, f: usize) -> Option<&FuncMap> {
        let cell = self.funcs.get(f)?;
        cell.get_or_init(|| self.analyse(&self.prog.funcs[f]))
            .as_ref()
    }

    /// The result words every return of function `f` certainly writes:
    /// its results, or fewer where a `Return` copies fewer. (A native's
    /// wrapper returns what the native left in its window: the
    /// interpreter zeroes the result words past the arguments before the
    /// native runs, so those are written too.)
    fn ret_words(&self, f: usize) -> u32 {
        let Some(cell) = self.rets.get(f) else {
            return 0;
        };
        *cell.get_or_init(|| {
            let func = &self.prog.funcs[f];
            func.code
                .iter()
                .filter_map(|op| match *op {
                    Op::Return { n, .. } => Some(n),
                    _ => None,
                })
                .fold(func.result_words, u32::min)
        })
    }

    fn words(&self, t: RtType) -> Result<u64, Opaque> {
        self.prog
            .types
            .get(t.0 as usize)
            .map(|d| u64::from(d.words))
            .ok_or(Opaque)
    }

    /// The key's and the value's words of map type `t`.
    fn map_kv(&self, t: RtType) -> Result<(u64, u64), Opaque> {
        match self.prog.types.get(t.0 as usize).map(|d| &d.kind) {
            Some(TypeKind::Map(k, v)) => Ok((self.words(*k)?, self.words(*v)?)),
            _ => Err(Opaque),
        }
    }

    /// The reads, kills and successors of `op` (module docs; invariant 1
    /// says which way each may err): the widths each instruction's
    /// meaning gives its operands, then the table's reads.
    fn effect(&self, op: Op, fx: &mut Fx<'_>) -> Result<Next, Opaque> {
        let op = op.plain();
        let next = self.widths(op, fx)?;
        // Then the table's reads, but not of an operand the instruction's
        // own count made empty (`Return a, 0` ends every function without
        // results and names slot 0 for nothing; a call of no arguments
        // names its window), once per such operand: the same slot may be
        // another operand too.
        op.for_each_read(&mut |r| {
            if let Some(k) = fx.empty[..fx.nempty].iter().position(|&e| e == r) {
                fx.empty.copy_within(k + 1..fx.nempty, k);
                fx.nempty -= 1;
            } else {
                fx.read(r, 1)
            }
        });
        Ok(next)
    }

    /// The widths of `op`'s operands (invariant 1), its kills and its
    /// successors: [`Maps::effect`] without the table's reads.
    fn widths(&self, op: Op, fx: &mut Fx<'_>) -> Result<Next, Opaque> {
        // A slice is read whole (three words) where an arm reads two of
        // them; a string is two words. (Widening within a value costs
        // nothing; across into the next it would keep that one alive.)
        const SLICE: u64 = 3;
        const STR: u64 = 2;
        let words = |t| self.words(t);
        #[allow(unreachable_patterns)] // the last arm: opcodes added later
        match op {
            Op::Nop | Op::RunDefers => {}
            // d = f(one-word operands), written on every normal path.
            Op::LoadInt { d, .. }
            | Op::Move { d, .. }
            | Op::AddInt { d, .. }
            | Op::AddIntImm { d, .. }
            | Op::SubInt { d, .. }
            | Op::MulInt { d, .. }
            | Op::DivInt { d, .. }
            | Op::RemInt { d, .. }
            | Op::DivUint { d, .. }
            | Op::RemUint { d, .. }
            | Op::And { d, .. }
            | Op::Or { d, .. }
            | Op::Xor { d, .. }
            | Op::AndNot { d, .. }
            | Op::Shl { d, .. }
            | Op::ShrInt { d, .. }
            | Op::ShrUint { d, .. }
            | Op::NegInt { d, .. }
            | Op::BitNot { d, .. }
            | Op::Sext { d, .. }
            | Op::Zext { d, .. }
            | Op::AddF64 { d, .. }
            | Op::SubF64 { d, .. }
            | Op::MulF64 { d, .. }
            | Op::DivF64 { d, .. }
            | Op::NegF64 { d, .. }
            | Op::RoundF32 { d, .. }
            | Op::MulIntImm { d, .. }
            | Op::DivIntImm { d, .. }
            | Op::RemIntImm { d, .. }
            | Op::DivUintImm { d, .. }
            | Op::RemUintImm { d, .. }
            | Op::AndImm { d, .. }
            | Op::OrImm { d, .. }
            | Op::XorImm { d, .. }
            | Op::ShlImm { d, .. }
            | Op::ShrIntImm { d, .. }
            | Op::ShrUintImm { d, .. }
            | Op::EqInt { d, .. }
            | Op::NeInt { d, .. }
            | Op::LtInt { d, .. }
            | Op::LeInt { d, .. }
            | Op::LtUint { d, .. }
            | Op::LeUint { d, .. }
            | Op::EqF64 { d, .. }
            | Op::NeF64 { d, .. }
            | Op::LtF64 { d, .. }
            | Op::LeF64 { d, .. }
            | Op::Not { d, .. }
            | Op::IntToF64 { d, .. }
            | Op::UintToF64 { d, .. }
            | Op::F64ToInt { d, .. }
            | Op::F64ToUint { d, .. }
            | Op::IfaceIs { d, .. }
            | Op::EqIface { d, .. }
            | Op::New { d, .. }
            | Op::LoadN { d, .. }
            | Op::BoxValue { d, .. }
            | Op::MakeMap { d, .. }
            | Op::MapLen { d, .. }
            | Op::IfaceImplements { d, .. }
            | Op::GlobalAddr { d, .. }
            | Op::MinF64 { d, .. }
            | Op::MaxF64 { d, .. }
            | Op::ElemAddr { d, .. }
            | Op::MakeChan { d, .. }
            | Op::ChanLen { d, .. }
            | Op::MathF64 { d, .. }
            | Op::Recover { d } => fx.kill(d, 1),
            // Two moves in order: the second reads the first's result
            // when a2 is d, not d's old word.
            Op::Move2 { d, d2, a2, .. } => {
                if a2 == d {
                    fx.read(a2, 0);
                }
                fx.kill(d, 1);
                fx.kill(d2, 1);
                return Ok(Next::Skip);
            }
            Op::LoadStr { d, .. } | Op::RuneToStr { d, .. } => fx.kill(d, STR),
            Op::Zero { d, n } | Op::LoadGlobal { d, n, .. } | Op::LoadCapture { d, n, .. } => {
                fx.kill(d, u64::from(n))
            }
            Op::MoveN { d, a, n } => {
                fx.read(a, u64::from(n));
                fx.kill(d, u64::from(n));
            }
            Op::EqStr { d, a, b } | Op::LtStr { d, a, b } | Op::LeStr { d, a, b } => {
                fx.read(a, STR);
                fx.read(b, STR);
                fx.kill(d, 1);
            }
            Op::ConcatStr { d, a, b } | Op::StrSlice { d, a, b, .. } => {
                fx.read(a, STR);
                fx.read(b, STR);
                fx.kill(d, STR);
            }
            Op::StrLen { d, a } | Op::StrIndex { d, a, .. } => {
                fx.read(a, STR);
                fx.kill(d, 1);
            }
            Op::StrDecodeRune { d, a, .. } => {
                fx.read(a, STR);
                fx.kill(d, 2);
            }
            Op::ToIface { d, a, n, .. } => {
                fx.read(a, u64::from(n));
                fx.kill(d, 1);
            }
            Op::IfaceAssert { d, n, .. } | Op::IfaceUnbox { d, n, .. } => fx.kill(d, u64::from(n)),
            Op::TypeAssert { d, t, .. } => {
                // An interface's one word, or the value's words.
                fx.kill(d, words(t)?.min(1));
                fx.may(d, words(t)?.max(1));
            }
            Op::Load { d, n, .. } => fx.kill(d, u64::from(n)),
            Op::Store { a, n, .. } | Op::StoreGlobal { a, n, .. } => fx.read(a, u64::from(n)),
            Op::StoreN { .. } | Op::CopyValue { .. } => {}
            Op::LoadValue { d, t, .. } => fx.kill(d, words(t)?),
            Op::StoreValue { a, t, .. } => fx.read(a, words(t)?),
            Op::PackSlice { d, a, n, t } => {
                fx.read(a, u64::from(n).saturating_mul(words(t)?));
                fx.kill(d, SLICE);
            }
            Op::MakeSlice { d, .. } => fx.kill(d, SLICE),
            Op::SliceGet { d, a, t, .. } => {
                fx.read(a, SLICE);
                fx.kill(d, words(t)?);
            }
            Op::SliceSet { d, a, t, .. } => {
                fx.read(d, SLICE);
                fx.read(a, words(t)?);
            }
            Op::SliceAddr { d, a, .. } | Op::SliceToArrayPtr { d, a, .. } => {
                fx.read(a, SLICE);
                fx.kill(d, 1);
            }
            Op::SliceSlice { d, a, b, .. } => {
                fx.read(a, SLICE);
                fx.read(b, 3);
                fx.kill(d, SLICE);
            }
            Op::Append { d, a, b, n, t } => {
                fx.read(a, SLICE);
                fx.read(b, u64::from(n).saturating_mul(words(t)?));
                fx.kill(d, SLICE);
            }
            Op::AppendSlice { d, a, b, .. } => {
                fx.read(a, SLICE);
                fx.read(b, SLICE);
                fx.kill(d, SLICE);
            }
            Op::AppendStr { d, a, b, .. } => {
                fx.read(a, SLICE);
                fx.read(b, STR);
                fx.kill(d, SLICE);
            }
            Op::CopySlice { d, a, b, .. } => {
                fx.read(a, SLICE);
                fx.read(b, SLICE);
                fx.kill(d, 1);
            }
            Op::CopyStr { d, a, b } => {
                fx.read(a, SLICE);
                fx.read(b, STR);
                fx.kill(d, 1);
            }
            Op::StrToBytes { d, a } | Op::StrToRunes { d, a } => {
                fx.read(a, STR);
                fx.kill(d, SLICE);
            }
            Op::BytesToStr { d, a } | Op::RunesToStr { d, a } => {
                fx.read(a, SLICE);
                fx.kill(d, STR);
            }
            Op::ClearSlice { a, .. } => fx.read(a, SLICE),
            Op::Jump { to } | Op::Loop { to } => return Ok(Next::Jump(to.0 as usize)),
            Op::JumpIf { to, .. }
            | Op::JumpIfNot { to, .. }
            | Op::JumpIfEq { to, .. }
            | Op::JumpIfNe { to, .. }
            | Op::JumpIfLtInt { to, .. }
            | Op::JumpIfLeInt { to, .. }
            | Op::JumpIfLtUint { to, .. }
            | Op::JumpIfLeUint { to, .. }
            | Op::JumpIfEqImm { to, .. }
            | Op::JumpIfNeImm { to, .. }
            | Op::JumpIfLtIntImm { to, .. }
            | Op::JumpIfLeIntImm { to, .. }
            | Op::JumpIfGtIntImm { to, .. }
            | Op::JumpIfGeIntImm { to, .. }
            | Op::IncJumpIfLtInt { to, .. }
            | Op::IncJumpIfLeInt { to, .. }
            | Op::IncJumpIfLtIntImm { to, .. }
            | Op::IncJumpIfLeIntImm { to, .. } => return Ok(Next::Branch(to.0 as usize)),
            // A callee writes its results over the window (the rest of
            // what it writes there is its own, dead to the caller by the
            // calling convention: not a write of the caller's slots).
            Op::Call { f, base } => {
                let callee = self.prog.funcs.get(f.0 as usize).ok_or(Opaque)?;
                fx.read(base, u64::from(callee.param_words));
                fx.kill(base, u64::from(self.ret_words(f.0 as usize)));
                fx.may(base, u64::from(callee.result_words));
            }
            // The callee is known only when the call runs: as many
            // arguments as the largest possible callee takes; no result is
            // known to be written.
            Op::CallClosure { base, .. } => {
                let (a, r) = self.closure_bounds();
                fx.read(base, u64::from(a));
                fx.may(base, u64::from(r));
            }
            Op::CallMethod { base, m } => {
                let (a, r) = self.method_bounds(m)?;
                fx.read(base, a);
                fx.may(base, r);
            }
            // A native reads its window as it likes and may leave a
            // result unwritten.
            Op::CallNative { f, base } => {
                let n = self.prog.natives.get(f.0 as usize).ok_or(Opaque)?;
                let w = u64::from(n.param_words.max(n.result_words));
                fx.read(base, w);
                fx.may(base, w);
            }
            Op::MakeClosure { d, a, n, .. } => {
                fx.read(a, u64::from(n));
                fx.kill(d, 1);
            }
            Op::Return { a, n } => {
                fx.read(a, u64::from(n));
                return Ok(Next::End);
            }
            Op::Defer { a, n, .. } | Op::Go { a, n, .. } => fx.read(a, u64::from(n)),
            Op::Panic { .. } | Op::Fault { .. } | Op::IndexFault { .. } | Op::PanicText { .. } => {
                return Ok(Next::End)
            }
            // The value's words by its kind (panic.rs, print_text; the
            // interpreter hands it at most three).
            Op::Print { a, k } => {
                let n = match k {
                    PrintKind::Space | PrintKind::Newline => 0,
                    PrintKind::Bool
                    | PrintKind::Int
                    | PrintKind::Uint
                    | PrintKind::F64
                    | PrintKind::F32
                    | PrintKind::Pointer
                    | PrintKind::Iface => 1,
                    PrintKind::Str | PrintKind::Complex64 | PrintKind::Complex128 => 2,
                    _ => 3,
                };
                fx.read(a, n)
            }
            Op::MapGet { d, k, t, ok, .. } => {
                let (kw, vw) = self.map_kv(t)?;
                fx.read(k, kw);
                fx.kill(d, vw + u64::from(ok));
            }
            Op::MapSet { k, v, t, .. } => {
                let (kw, vw) = self.map_kv(t)?;
                fx.read(k, kw);
                fx.read(v, vw);
            }
            Op::MapDelete { k, t, .. } => fx.read(k, self.map_kv(t)?.0),
            Op::MapClear { .. } => {}
            Op::MapIter { d, .. } => fx.kill(d, u64::from(crate::map::ITER_WORDS)),
            // The key's and value's words follow the flag when there is an
            // entry (their width is the map's, known when it runs).
            Op::MapNext { d, it } => {
                fx.read(it, u64::from(crate::map::ITER_WORDS));
                fx.may(it, u64::from(crate::map::ITER_WORDS));
                fx.kill(d, 1);
                fx.may(d, 1 + self.map_kv_max());
            }
            Op::EqValue { d, a, b, t } => {
                let n = words(t)?;
                fx.read(a, n);
                fx.read(b, n);
                fx.kill(d, 1);
            }
            Op::SlotIndex { d, a, ew, len, .. } => {
                fx.read(a, u64::from(ew).saturating_mul(u64::from(len)));
                fx.kill(d, u64::from(ew));
            }
            Op::SlotStore { d, a, ew, len, .. } => {
                fx.read(d, u64::from(ew).saturating_mul(u64::from(len)));
                fx.read(a, u64::from(ew));
            }
            Op::ChanSend { a, ew, .. } => fx.read(a, u64::from(ew)),
            Op::ChanRecv { d, ew, ok, .. } => fx.kill(d, u64::from(ew) + u64::from(ok)),
            Op::ChanClose { .. } => {}
            // The cases follow; the select writes d once it has chosen.
            // d+1 is a receive's ok.
            Op::Select { d, .. } => {
                fx.kill(d, 1);
                fx.may(d, 2);
            }
            Op::SelectCase { a, ew, send, .. } => {
                fx.read(a, u64::from(ew));
                if !send {
                    fx.may(a, u64::from(ew));
                }
            }
            Op::AddC { d, .. }
            | Op::SubC { d, .. }
            | Op::MulC { d, .. }
            | Op::DivC { d, .. }
            | Op::NegC { d, .. } => fx.kill(d, 2),
            Op::EqC { d, .. } => fx.kill(d, 1),
            // An opcode added after this module (invariant 2).
            _ => return Ok(Next::Opaque),
        }
        Ok(Next::Fall)
    }

    /// The map of `f` (module docs, the analysis), or None when it is
    /// opaque (invariant 2) or too large to analyse.
    fn analyse(&self, f: &Function) -> Option<FuncMap> {
        let n = f.code.len();
        let slots = window(f);
        let nw = slots.div_ceil(64);
        if (n + 1).saturating_mul(nw) > MAX_ANALYSIS_WORDS {
            return None;
        }
        let mut gen = vec![0u64; n * nw];
        let mut kill = vec![0u64; n * nw];
        let mut may = vec![0u64; n * nw];
        let mut next = Vec::with_capacity(n);
        let mut defers = false;
        for (pc, &op) in f.code.iter().enumerate() {
            defers |= matches!(op, Op::Defer { .. });
            let mut fx = Fx {
                slots,
                gen: &mut gen[pc * nw..(pc + 1) * nw],
                kill: &mut kill[pc * nw..(pc + 1) * nw],
                may: &mut may[pc * nw..(pc + 1) * nw],
                empty: [Reg(0); 4],
                nempty: 0,
            };
            let nx = self.effect(op, &mut fx).ok()?;
            if let Next::Jump(t) | Next::Branch(t) = nx {
                if t > n {
                    return None;
                }
            }
            next.push(nx);
        }
        // A recovered panic resumes at recover_pc (module docs).
        let pad = if defers {
            let p = f.recover_pc as usize;
            if p >= n {
                return None;
            }
            Some(p)
        } else {
            None
        };
        let mut all = vec![u64::MAX; nw];
        if slots % 64 != 0 {
            all[nw - 1] = (1u64 << (slots % 64)) - 1;
        }
        // live[pc] for pc in 0..=n; live[n] stays empty.
        let mut live = vec![0u64; (n + 1) * nw];
        let mut set = vec![0u64; nw];
        loop {
            let mut changed = false;
            for pc in (0..n).rev() {
                let succ = |t: usize, set: &mut [u64], live: &[u64]| {
                    let t = t.min(n);
                    for (s, l) in set.iter_mut().zip(&live[t * nw..(t + 1) * nw]) {
                        *s |= l;
                    }
                };
                set.fill(0);
                match next[pc] {
                    Next::Opaque => set.copy_from_slice(&all),
                    Next::Fall => succ(pc + 1, &mut set, &live),
                    Next::Jump(t) => succ(t, &mut set, &live),
                    Next::Branch(t) => {
                        succ(pc + 1, &mut set, &live);
                        succ(t, &mut set, &live);
                    }
                    Next::Skip => succ(pc + 2, &mut set, &live),
                    Next::End => {}
                }
                let g = &gen[pc * nw..(pc + 1) * nw];
                let k = &kill[pc * nw..(pc + 1) * nw];
                for w in 0..nw {
                    set[w] = g[w] | (set[w] & !k[w]);
                }
                if let Some(p) = pad {
                    succ(p, &mut set, &live);
                }
                let cur = &mut live[pc * nw..(pc + 1) * nw];
                if *cur != *set {
                    // The sets only grow: a union with the old keeps the
                    // iteration monotone whatever the visiting order.
                    for (c, s) in cur.iter_mut().zip(&set) {
                        *c |= s;
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        unborn(f, &next, &may, pad, slots, &mut live);
        // Equal sets stored once.
        let mut seen: HashMap<&[u64], u32> = HashMap::new();
        let mut index = Vec::with_capacity(n + 1);
        let mut sets = Vec::new();
        for pc in 0..=n {
            let s = &live[pc * nw..(pc + 1) * nw];
            let k = *seen.entry(s).or_insert_with(|| {
                sets.extend_from_slice(s);
                (sets.len() / nw - 1) as u32
            });
            index.push(k);
        }
        Some(FuncMap {
            nw,
            index: index.into(),
            sets: sets.into(),
            defers,
        })
    }

    /// Calls `f` with the index of every slot of `g`'s stack that is a
    /// root (module docs, where a frame stands), some more than once; the
    /// top frame stands at `top_pc` when given (its record's pc may be
    /// stale while it runs), else at its record's. Indices may lie past
    /// the stack's end (a window not yet grown): the caller skips them.
    pub(crate) fn live_slots(&self, g: &G, top_pc: Option<u32>, f: &mut dyn FnMut(usize)) {
        if self.retired.load(Relaxed) {
            (0..g.stack.len()).for_each(f);
            return;
        }
        // A goroutine without frames has returned from its function: its
        // stack holds only what its frames left, which nothing reads
        // again (and which its last scan may have found dead).
        self.frames_live(g, top_pc, 0, &|_, _| true, f);
    }

    /// [`Maps::live_slots`] of the frames from depth `from` up that `want`
    /// (given a frame's depth and record) picks.
    fn frames_live(
        &self,
        g: &G,
        top_pc: Option<u32>,
        from: usize,
        want: &dyn Fn(usize, &Frame) -> bool,
        f: &mut dyn FnMut(usize),
    ) {
        let n = g.frames.len();
        let mut set = Vec::new();
        for (i, fr) in g.frames.iter().enumerate().skip(from) {
            if !want(i, fr) {
                continue;
            }
            let next = g.frames.get(i + 1);
            let pc = match (next, top_pc) {
                (None, Some(p)) => p,
                _ => fr.pc,
            };
            self.frame(g, fr, pc, next, i + 1 == n, &mut set, f);
        }
    }

    /// The root slots of one frame (module docs, cases 1 to 4), through
    /// `set` (scratch).
    #[allow(clippy::too_many_arguments)]
    fn frame(
        &self,
        g: &G,
        fr: &Frame,
        pc: u32,
        next: Option<&Frame>,
        top: bool,
        set: &mut Vec<u64>,
        f: &mut dyn FnMut(usize),
    ) {
        let base = fr.base as usize;
        if fr.func == u32::MAX {
            // A nested call's sentinel (interp/nested.rs): its one slot is
            // never written (the callee's window starts past it), so a word
            // there is stale.
            return;
        }
        let Some(func) = self.prog.funcs.get(fr.func as usize) else {
            // A function of a newer program: up to the next frame, or the
            // whole rest.
            let end = next.map_or(g.stack.len(), |n| n.base as usize);
            (base..end.max(base + 1)).for_each(f);
            return;
        };
        let slots = window(func);
        let whole = |f: &mut dyn FnMut(usize)| (base..base + slots).for_each(f);
        let code = &func.code;
        let pc = pc as usize;
        let Some(map) = self.map(fr.func as usize).filter(|_| pc <= code.len()) else {
            return whole(f);
        };
        set.clear();
        set.extend_from_slice(map.live_in(pc));
        let emit = |set: &[u64], f: &mut dyn FnMut(usize)| {
            for (w, &bits) in set.iter().enumerate() {
                let mut bits = bits;
                while bits != 0 {
                    let s = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    f(base + s);
                }
            }
        };
        let union = |set: &mut Vec<u64>, other: &[u64]| {
            for (s, o) in set.iter_mut().zip(other) {
                *s |= o;
            }
        };
        let before = pc
            .checked_sub(1)
            .and_then(|p| code.get(p))
            .map(|op| op.plain());
        // Slots outside the set but certainly roots: a native's window.
        let mut extra = 0..0;
        if let Some(q) = fr.returning {
            // Case 3.
            let Some(&Op::Return { a, n }) = code.get(q as usize) else {
                return whole(f);
            };
            set.fill(0);
            union(set, map.live_in(q as usize));
            (base..base + n as usize).for_each(&mut *f);
            let a = base + a.0 as usize;
            (a..a + n as usize).for_each(&mut *f);
        } else if top || matches!(before, Some(Op::CallNative { .. })) {
            // Case 1 (and a native below its nested calls). What the
            // instruction before reads only while it is unfinished (a
            // parked channel operation, a native): elsewhere the frame may
            // have jumped to pc, and a slot dead where an earlier scan of
            // this cycle found it must not turn into a root (checkmark
            // re-marks from these roots and would find its word white).
            let parked = top && g.pending.is_some();
            if let Some(p) = pc.checked_sub(1).filter(|_| parked) {
                union(set, map.live_in(p));
            }
            match before {
                Some(Op::CallNative { f: nf, base: b }) => {
                    let Some(d) = self.prog.natives.get(nf.0 as usize) else {
                        return whole(f);
                    };
                    let lo = base + b.0 as usize;
                    extra = lo..lo + d.param_words.max(d.result_words) as usize;
                }
                Some(Op::SelectCase { .. }) if parked => {
                    // Parked past the cases: what the Select reads.
                    let mut k = pc - 1;
                    while let Some(Op::SelectCase { .. }) = code.get(k) {
                        match k.checked_sub(1) {
                            Some(j) => k = j,
                            None => return whole(f),
                        }
                    }
                    if !matches!(code.get(k), Some(Op::Select { .. })) {
                        return whole(f);
                    }
                    union(set, map.live_in(k));
                }
                _ => {}
            }
        } else {
            // Case 2, or 4.
            let Some(nx) = next else {
                return whole(f);
            };
            // The frame above is the call's callee: its frame record is
            // what the call pushes (a deferred call's, pushed at the
            // window's end, may start where a call's window does).
            if nx.deferred_panic {
                // A deferred call a panic runs on top of the panicking
                // frames: this one resumes at its landing pad if it
                // deferred the call and the call recovers, else never.
                // A function that does not defer owns no deferred call.
                // (Its landing pad's set is in every pc's, so no slot it
                // keeps was dead where the frame stood before.)
                set.fill(0);
                if map.defers {
                    union(set, map.live_in(func.recover_pc as usize));
                }
                return emit(set, f);
            }
            if matches!(code.get(pc), Some(Op::RunDefers)) && nx.closure != 0 {
                // Running a deferred call from RunDefers, which runs again
                // when it returns.
                return emit(set, f);
            }
            let b = match before {
                Some(Op::Call { f: c, base }) if nx.func == c.0 && nx.closure == 0 => base,
                Some(Op::CallMethod { base, .. }) if nx.closure == 0 => base,
                Some(Op::CallClosure { base, .. }) if nx.closure != 0 => base,
                _ => return whole(f),
            };
            let b = b.0 as usize;
            if nx.deferred_panic || nx.base as usize != base + b {
                return whole(f);
            }
            // The callee writes its results over the window when it
            // returns: their slots' present words are the callee's.
            let r = self.ret_words(nx.func as usize) as usize;
            for s in b..(b + r).min(slots) {
                set[s / 64] &= !(1 << (s % 64));
            }
        }
        emit(set, f);
        extra.for_each(f);
    }

    /// A report on stack slot `slot` of `g` (a root the checkmark is about
    /// to reject, mgc.rs): the goroutine, every frame (function, pc,
    /// base, record), and for the frames whose windows hold the slot the
    /// instructions around the pc and the live set there.
    pub(crate) fn explain(&self, g: &G, top_pc: Option<u32>, slot: usize) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let word = g.stack.get(slot).copied().unwrap_or(0);
        let _ = writeln!(
            s,
            "root: goroutine {} stack slot {slot} = {word:#x} (parked: {}, {} frames, stack {} slots, maps {})",
            g.id,
            g.pending.is_some(),
            g.frames.len(),
            g.stack.len(),
            if self.retired.load(Relaxed) { "retired" } else { "on" },
        );
        let n = g.frames.len();
        for (i, fr) in g.frames.iter().enumerate() {
            let pc = match (i + 1 == n, top_pc) {
                (true, Some(p)) => p,
                _ => fr.pc,
            };
            let func = self.prog.funcs.get(fr.func as usize);
            let name = func.map_or("?", |f| f.name.as_str());
            let w = func.map_or(1, window);
            let holds = (fr.base as usize..fr.base as usize + w).contains(&slot);
            let _ = writeln!(
                s,
                "  frame {i}: {name} pc {pc} base {} window {w} closure {:#x} deferred_panic {} returning {:?}{}",
                fr.base,
                fr.closure,
                fr.deferred_panic,
                fr.returning,
                if holds { "  <- holds the slot" } else { "" },
            );
            let (Some(func), true) = (func, holds) else {
                continue;
            };
            let pc = pc as usize;
            for k in pc.saturating_sub(3)..(pc + 2).min(func.code.len()) {
                let mark = if k + 1 == pc { ">" } else { " " };
                let _ = writeln!(s, "    {mark}{k}: {:?}", func.code[k]);
            }
            if let Some(map) = self.map(fr.func as usize) {
                let live = |p: usize| {
                    let set = map.live_in(p);
                    (0..w)
                        .filter(|&x| set[x / 64] & (1 << (x % 64)) != 0)
                        .collect::<Vec<_>>()
                };
                let _ = writeln!(
                    s,
                    "    slot r{}; live_in({pc}) = {:?}; live_in({}) = {:?}",
                    slot - fr.base as usize,
                    live(pc),
                    pc.saturating_sub(1),
                    live(pc.saturating_sub(1)),
                );
            } else {
                let _ = writeln!(s, "    no map (opaque): whole window");
            }
        }
        s
    }

    /// Every root word of `g`'s slot stack (`live_slots`' words).
    pub(crate) fn stack_roots(&self, g: &G, top_pc: Option<u32>, sink: &mut dyn FnMut(usize)) {
        self.live_slots(g, top_pc, &mut |i| {
            if let Some(&w) = g.stack.get(i) {
                sink(w as usize);
            }
        });
    }

    /// `gcliveness=2`: overwrites with [`POISON`] every slot of the top
    /// `frames` frames' windows (all of them for `usize::MAX`), and the
    /// [`CLOBBER_ABOVE`] slots above the top window, that is not a root.
    /// A program that reads one then misbehaves at once.
    pub(crate) fn clobber(&self, g: &mut G, top_pc: Option<u32>, frames: usize) {
        let n = g.frames.len();
        let Some(from) = n.checked_sub(frames.min(n)).and_then(|k| g.frames.get(k)) else {
            return;
        };
        let lo = from.base as usize;
        let top_end = g.frames.last().map_or(0, |t| {
            let w = self.prog.funcs.get(t.func as usize).map_or(0, window);
            t.base as usize + w
        });
        let hi = (top_end + CLOBBER_ABOVE).min(g.stack.len());
        if hi <= lo {
            return;
        }
        let mut keep = vec![false; hi - lo];
        // The frames whose slots may lie in lo..hi: the chosen ones, their
        // caller, and a deeper one whose window reaches that far (a
        // native's window lies inside its wrapper's). Only the nearest
        // CLOBBER_DEPTH are looked at, so the mode's cost stays bounded
        // in a deep recursion; the slots of a deeper frame that reached
        // this high would be poisoned, which would show as a false alarm,
        // never as a missed one.
        let first = n - frames.min(n);
        let reaches = |i: usize, fr: &Frame| {
            i + 1 >= first
                || self
                    .prog
                    .funcs
                    .get(fr.func as usize)
                    .is_none_or(|x| fr.base as usize + window(x) > lo)
        };
        let deepest = first.saturating_sub(CLOBBER_DEPTH);
        self.frames_live(g, top_pc, deepest, &reaches, &mut |i| {
            if let Some(k) = i.checked_sub(lo).and_then(|k| keep.get_mut(k)) {
                *k = true;
            }
        });
        for (w, k) in g.stack[lo..hi].iter_mut().zip(keep) {
            if !k {
                *w = POISON;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goroutine::Frame;
    use gol_lang::bytecode::{FuncId, Off, Pc};

    fn func(name: &str, code: Vec<Op>, frame_words: u32) -> Function {
        Function {
            name: name.into(),
            lines: vec![0; code.len()],
            code,
            frame_words,
            ..Function::default()
        }
    }

    fn maps(funcs: Vec<Function>) -> Maps {
        Maps::with_scan(
            Arc::new(Program {
                funcs,
                ..Program::default()
            }),
            true,
        )
    }

    /// The slots of a live-in set.
    fn slots(m: &Maps, f: usize, pc: usize) -> Vec<usize> {
        let map = m.map(f).expect("a map");
        let set = map.live_in(pc);
        (0..set.len() * 64)
            .filter(|&s| set[s / 64] & (1 << (s % 64)) != 0)
            .collect()
    }

    fn frame(func: u32, pc: u32, base: u32) -> Frame {
        Frame {
            func,
            pc,
            base,
            closure: 0,
            deferred_panic: false,
            returning: None,
        }
    }

    /// The stack indices `live_slots` gives, sorted and deduplicated.
    fn roots(m: &Maps, g: &G, top_pc: Option<u32>) -> Vec<usize> {
        let mut v = Vec::new();
        m.live_slots(g, top_pc, &mut |i| v.push(i));
        v.sort_unstable();
        v.dedup();
        v
    }

    const R: fn(u32) -> Reg = Reg;

    #[test]
    fn a_slot_is_live_from_its_write_to_its_last_read() {
        let m = maps(vec![func(
            "f",
            vec![
                Op::LoadInt { d: R(0), v: 1 }, // 0
                Op::Move { d: R(1), a: R(0) }, // 1: last read of r0
                Op::AddIntImm {
                    d: R(2),
                    a: R(1),
                    v: 1,
                }, // 2
                Op::Return { a: R(2), n: 1 },  // 3
            ],
            3,
        )]);
        assert_eq!(slots(&m, 0, 0), Vec::<usize>::new());
        assert_eq!(slots(&m, 0, 1), [0]);
        assert_eq!(slots(&m, 0, 2), [1]);
        assert_eq!(slots(&m, 0, 3), [2]);
        // Past the end nothing is read.
        assert_eq!(slots(&m, 0, 4), Vec::<usize>::new());
    }

    #[test]
    fn loops_keep_what_the_next_iteration_reads() {
        // r0 is read at the loop's head on every iteration: live
        // throughout; r1 is written before each read: dead at the head.
        let m = maps(vec![func(
            "f",
            vec![
                Op::LoadInt { d: R(0), v: 10 }, // 0
                Op::LoadInt { d: R(1), v: 0 },  // 1
                Op::Move { d: R(2), a: R(0) },  // 2 (loop head)
                Op::LoadInt { d: R(1), v: 5 },  // 3
                Op::AddInt {
                    d: R(3),
                    a: R(1),
                    b: R(2),
                }, // 4
                Op::JumpIfLtInt {
                    a: R(3),
                    b: R(0),
                    to: Pc(2),
                }, // 5
                Op::Return { a: R(0), n: 0 },   // 6
            ],
            4,
        )]);
        assert_eq!(slots(&m, 0, 2), [0]);
        assert_eq!(slots(&m, 0, 5), [0, 3]);
        assert_eq!(slots(&m, 0, 6), Vec::<usize>::new());
    }

    #[test]
    fn counts_of_zero_read_and_write_nothing() {
        // `Return a, 0` names a for nothing; `Zero d, 0` writes nothing, so
        // r1 (a parameter) stays live across it.
        let mut f = func(
            "f",
            vec![
                Op::Zero { d: R(1), n: 0 },    // 0
                Op::Move { d: R(2), a: R(1) }, // 1
                Op::Return { a: R(0), n: 0 },  // 2
            ],
            3,
        );
        f.param_words = 2;
        let m = maps(vec![f]);
        assert_eq!(slots(&m, 0, 0), [1]);
        assert_eq!(slots(&m, 0, 2), Vec::<usize>::new());
    }

    #[test]
    fn a_recovered_panic_lands_with_the_slots_the_pad_reads() {
        // With a Defer, every instruction may end at recover_pc, which
        // returns r3: r3 is live everywhere before the pad, though the
        // normal path overwrites it.
        let m = maps(vec![func(
            "f",
            vec![
                Op::Defer {
                    c: R(0),
                    a: R(1),
                    n: 0,
                }, // 0
                Op::LoadInt { d: R(3), v: 1 }, // 1
                Op::Return { a: R(3), n: 1 },  // 2
                Op::RunDefers,                 // 3: recover_pc
                Op::Return { a: R(3), n: 1 },  // 4
            ],
            4,
        )]);
        let mut m = m;
        let f = &mut Arc::get_mut(&mut m.prog).unwrap().funcs[0];
        f.recover_pc = 3;
        // r3 is a parameter: written before the frame starts.
        f.param_words = 4;
        assert_eq!(slots(&m, 0, 1), [3]);
        assert_eq!(slots(&m, 0, 0), [0, 3]);
        // Without the Defer the same code keeps r3 dead before its write.
        let plain = maps(vec![func(
            "f",
            vec![
                Op::LoadInt { d: R(3), v: 1 },
                Op::Return { a: R(3), n: 1 },
                Op::RunDefers,
                Op::Return { a: R(3), n: 1 },
            ],
            4,
        )]);
        assert_eq!(slots(&plain, 0, 0), Vec::<usize>::new());
    }

    #[test]
    fn a_slot_live_before_any_write_is_no_root_until_written() {
        // A select's receive case reads its destination for the analysis
        // (the operand is read-write) and writes it only when chosen: r3
        // is live from the entry, where it holds what an earlier frame
        // left. It is a root only from the select on, where it may have
        // been written.
        let m = maps(vec![func(
            "f",
            vec![
                Op::LoadInt { d: R(0), v: 0 }, // 0
                Op::Select {
                    d: R(1),
                    n: 1,
                    block: true,
                }, // 1
                Op::SelectCase {
                    c: R(0),
                    a: R(3),
                    ew: 1,
                    send: false,
                }, // 2
                Op::Move { d: R(4), a: R(3) }, // 3
                Op::Return { a: R(4), n: 1 },  // 4
            ],
            5,
        )]);
        assert_eq!(slots(&m, 0, 0), Vec::<usize>::new());
        assert_eq!(slots(&m, 0, 1), [0]);
        assert_eq!(slots(&m, 0, 2), [0]);
        assert_eq!(slots(&m, 0, 3), [3]);
        // A frame standing at the entry holds none of it.
        let mut g = G::new(1, FuncId(0));
        g.stack = vec![7; 8];
        assert_eq!(roots(&m, &g, None), Vec::<usize>::new());
    }

    #[test]
    fn a_jump_out_of_the_code_makes_the_function_opaque() {
        let m = maps(vec![func("f", vec![Op::Jump { to: Pc(9) }], 2)]);
        assert!(m.map(0).is_none());
        let mut g = G::new(1, FuncId(0));
        g.stack = vec![7; 8];
        // Its frame keeps its whole window: frame_words + 1 slots.
        assert_eq!(roots(&m, &g, None), [0, 1, 2]);
    }

    /// main calls f with the window at r2; f holds a pointer in r1 that
    /// is dead after its own call of g, and main keeps r0 across the
    /// call while r1 is dead.
    fn program() -> Maps {
        let main = func(
            "main",
            vec![
                Op::LoadInt { d: R(0), v: 1 }, // 0
                Op::LoadInt { d: R(1), v: 2 }, // 1
                Op::Call {
                    f: FuncId(1),
                    base: R(2),
                }, // 2
                Op::Move { d: R(3), a: R(0) }, // 3
                Op::Return { a: R(0), n: 0 },  // 4
            ],
            4,
        );
        let f = func(
            "f",
            vec![
                Op::Load {
                    d: R(1),
                    a: R(0),
                    off: Off(0),
                    n: 1,
                }, // 0
                Op::Move { d: R(2), a: R(1) }, // 1
                Op::Call {
                    f: FuncId(2),
                    base: R(3),
                }, // 2
                Op::LoadInt { d: R(0), v: 5 }, // 3
                Op::Return { a: R(0), n: 1 },  // 4
            ],
            3,
        );
        let mut f = f;
        f.param_words = 1;
        f.result_words = 1;
        let g = func("g", vec![Op::Return { a: R(0), n: 0 }], 1);
        maps(vec![main, f, g])
    }

    #[test]
    fn callers_keep_what_they_read_after_the_call_and_not_the_results() {
        let m = program();
        let mut g = G::new(1, FuncId(0));
        g.stack = (100..140).collect();
        // main at its call of f (pc past it), f at its call of g, g at 0.
        g.frames = vec![frame(0, 3, 0), frame(1, 3, 2), frame(2, 0, 5)];
        // main: r0 (read after the call); not r1 (dead), not r2 (f's
        // result, which f writes when it returns). f: nothing (r0 is
        // written before the Return reads it, r1 and r2 are dead). g:
        // nothing.
        assert_eq!(roots(&m, &g, None), [0]);
        // The top frame stopped before its Return: the Return's operand
        // is not read (n = 0), so nothing; with f on top before its
        // Return, its result r0 (slot 2) is live.
        g.frames = vec![frame(0, 3, 0), frame(1, 4, 2)];
        assert_eq!(roots(&m, &g, None), [0, 2]);
        // The record's pc may be stale; the caller's pc wins. The top
        // frame keeps what its next instruction reads (r1, slot 3), not
        // what the one before read (it is not parked there).
        assert_eq!(roots(&m, &g, Some(1)), [0, 3]);
    }

    #[test]
    fn frames_under_deferred_calls_keep_what_they_will_read() {
        let m = program();
        let mut g = G::new(1, FuncId(0));
        g.stack = (100..140).collect();
        // A deferred call runs above f (pushed at f's base + frame_words,
        // not at its call's window): f keeps its whole window.
        let mut d = frame(2, 0, 5);
        d.closure = 1;
        g.frames = vec![frame(0, 3, 0), frame(1, 3, 2), d];
        assert_eq!(roots(&m, &g, None), [0, 2, 3, 4, 5]);
        // A deferred call a panic runs, on top of f where it panicked: f
        // does not defer, so the call is a frame's below and f never
        // runs again: nothing.
        g.frames[2].base = 6;
        g.frames[2].deferred_panic = true;
        assert_eq!(roots(&m, &g, None), [0]);
        // Where f defers, it resumes at its landing pad if the call is
        // its own and recovers: what the pad reads (here pc 0, whose Load
        // reads r0: slot 2).
        let mut md = program();
        Arc::get_mut(&mut md.prog).unwrap().funcs[1].code[1] = Op::Defer {
            c: R(1),
            a: R(2),
            n: 0,
        };
        assert_eq!(roots(&md, &g, None), [0, 2]);
        // A frame that has copied its results and runs its deferred
        // calls keeps them (f's r0: slot 2).
        g.frames[1].returning = Some(4);
        g.frames[2].deferred_panic = false;
        assert_eq!(roots(&m, &g, None), [0, 2]);
    }

    /// Every program of tests/run, compiled: every function gets a map.
    /// The analysis knows every opcode the code generator emits and every
    /// function, native and type they name; an opcode added to the table
    /// without its line here fails this test (the maps stay sound: the
    /// instruction is taken to read every slot).
    #[test]
    fn every_compiled_function_gets_a_map() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/run");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("tests/run")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "go"))
            .collect();
        files.sort();
        let mut checked = 0;
        let mut entry_live = std::collections::BTreeMap::new();
        for p in files {
            let src = std::fs::read_to_string(&p).expect("source");
            let name = p.display().to_string();
            let c = gol_lang::check_sources(vec![(name.clone(), src)], &gol_stdlib::StdImporter);
            let Some(prog) = c.program.as_ref().filter(|_| c.diagnostics.is_empty()) else {
                continue;
            };
            let Ok(prog) = gol_lang::codegen::compile(prog, &c.sources) else {
                continue;
            };
            let m = Maps::with_scan(Arc::new(prog), true);
            for (i, f) in m.prog.funcs.iter().enumerate() {
                let big = (f.code.len() + 1) * window(f).div_ceil(64) > MAX_ANALYSIS_WORDS;
                assert!(big || m.map(i).is_some(), "{name}: {} has no map", f.name);
                // No slot but a parameter is a root when the frame starts:
                // the rest hold what earlier frames left there, which the
                // scan of the stack before the call did not see.
                if let Some(map) = m.map(i) {
                    let set = map.live_in(0);
                    let junk: Vec<usize> = (f.param_words as usize..window(f))
                        .filter(|&s| set[s / 64] & (1 << (s % 64)) != 0)
                        .collect();
                    if !junk.is_empty() {
                        entry_live
                            .entry(f.name.clone())
                            .or_insert(format!("{} {junk:?} ({name})", f.name));
                    }
                }
                // Opaque instructions make every slot live before them.
                for (pc, &op) in f.code.iter().enumerate() {
                    let nw = window(f).div_ceil(64);
                    let (mut gen, mut kill, mut may) = (vec![0; nw], vec![0; nw], vec![0; nw]);
                    let mut fx = Fx {
                        slots: window(f),
                        gen: &mut gen,
                        kill: &mut kill,
                        may: &mut may,
                        empty: [Reg(0); 4],
                        nempty: 0,
                    };
                    let next = m.effect(op, &mut fx);
                    assert!(
                        !matches!(next, Ok(Next::Opaque) | Err(_)),
                        "{name}: {} pc {pc}: {op:?} is not described",
                        f.name
                    );
                }
            }
            checked += 1;
        }
        assert!(checked > 100, "only {checked} programs compiled");
        assert!(
            entry_live.is_empty(),
            "slots live at entry that are no parameters:\n{}",
            entry_live.into_values().collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn clobbering_poisons_exactly_the_slots_that_are_not_roots() {
        let m = program();
        let mut g = G::new(1, FuncId(0));
        g.stack = (100..110).collect();
        g.frames = vec![frame(0, 3, 0), frame(1, 3, 2), frame(2, 0, 5)];
        m.clobber(&mut g, None, usize::MAX);
        let mut want: Vec<u64> = vec![POISON; 10];
        want[0] = 100;
        assert_eq!(g.stack, want);
    }
}
