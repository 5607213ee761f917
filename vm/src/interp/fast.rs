//! The fast loop: the hot instructions (moves, integer and float
//! arithmetic, comparisons, jumps, static calls and plain returns) with
//! the whole interpreter state in a few locals that stay in machine
//! registers.
//!
//! [`fast`] runs until the next instruction is one it does not handle, the
//! budget is spent or the goroutine ends, and says why in a [`Stop`];
//! `run` then executes that one instruction with its checked arm and
//! calls `fast` again. Calls and returns switch frames here without
//! leaving the loop.
//!
//! Invariants: slots are read and written without a bounds check, which
//! is sound because `verify` checked at load that every slot a fast
//! instruction names is inside its frame, and because the window
//! invariant of the module docs holds (`base + win <= g.stack.len()`,
//! `regs` retaken after the stack grows). Debug builds assert at every
//! access that the slot was one `verify` checked. Instructions are
//! fetched without a bounds check and static calls find their callee
//! without one, for the same reason: `verify` checked that no pc runs
//! past its function's code and that every `Call` names a function
//! (the dispatch invariant, at `fast`'s entry). The budget is spent on
//! calls and backward jumps, as in `run`, and a pending stop of the world
//! ([`stop_hint`]) ends the loop at a backward jump.

use super::verify::names_slot;
use super::*;
use gol_lang::bytecode::MemKind;

/// The running frame as `fast` leaves it.
pub(super) struct Cur<'p> {
    pub(super) func: &'p Function,
    pub(super) base: usize,
    /// The next instruction.
    pub(super) pc: usize,
}

/// What `fast` reads of the VM besides the program: the constant pool
/// (`LoadStr`) and the package variables (`GlobalAddr`), both fixed for
/// the run, and the heap.
pub(super) struct Shared<'p> {
    pub(super) consts: &'p [Box<[u8]>],
    pub(super) globals: &'p crate::Globals,
    /// The heap, for the collector's phase: pointer stores run here
    /// while no barrier is needed.
    pub(super) heap: &'p gol_gc::Heap,
    /// Per runtime type, how a slice element of it is accessed here
    /// ([`elem_access`]).
    pub(super) elems: &'p [Elem],
    /// Per runtime type, whether a value of it holds a string or slice
    /// header and so is stored whole under the stripes
    /// (`value::header_types`).
    pub(super) headers: &'p [bool],
}

/// How the fast loop reads and writes a slice element of one type,
/// decided once per program ([`elem_access`]) instead of from the type's
/// description at each access.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Elem {
    /// Left to `run`: wider than a word, or a narrow struct or array of
    /// one slot word (`struct{ b byte }`), which `run` converts.
    Slow,
    /// One word laid out as its slot, without a pointer.
    Word,
    /// One pointer word (a store needs the write barrier while the
    /// collector marks).
    PtrWord,
    /// A narrow scalar of each kind (`MemKind`), at its own size: one
    /// variant each, so an access is one match with the width and the
    /// extension constant in its arm, not a second match on the kind
    /// (`layout::load_scalar` inlined with a constant kind).
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    F32,
}

/// [`Elem`] for every runtime type of `prog`, by index.
pub(crate) fn elem_access(prog: &Program) -> Vec<Elem> {
    prog.types
        .iter()
        .map(|td| match td.mem_kind() {
            _ if td.words != 1 => Elem::Slow,
            Some(MemKind::I8) => Elem::I8,
            Some(MemKind::U8) => Elem::U8,
            Some(MemKind::I16) => Elem::I16,
            Some(MemKind::U16) => Elem::U16,
            Some(MemKind::I32) => Elem::I32,
            Some(MemKind::U32) => Elem::U32,
            Some(MemKind::F32) => Elem::F32,
            None if td.narrow => Elem::Slow,
            None if td.ptr_mask.iter().any(|&m| m != 0) => Elem::PtrWord,
            None => Elem::Word,
        })
        .collect()
}

/// Why `fast` returned.
pub(super) enum Stop {
    /// The instruction at `pc` is not one `fast` runs.
    Slow,
    /// The budget is spent (the frame's pc is in `Cur`, not yet saved).
    Yield,
    /// The entry function returned.
    Done,
    Fatal(String),
}

/// Stores pointer `v` in word `i` of the object at `ptr` as
/// `Heap::write_pointer` does when the collector is not marking: a
/// release store (the collector's module docs say why it is one).
///
/// # Safety
/// `ptr` points at a live heap object with more than `i` words, and the
/// write barrier is off or word `i` holds no pointer.
#[inline(always)]
unsafe fn write_pointer_word(ptr: u64, i: usize, v: u64) {
    // SAFETY: the caller's contract; objects are 8-aligned, and
    // AtomicU64 has u64's layout.
    let slot = unsafe { &*((ptr as *mut u64).add(i) as *const std::sync::atomic::AtomicU64) };
    slot.store(v, std::sync::atomic::Ordering::Release);
}

/// Whether a stop of the world is pending (see `world::STOP_HINT`): read
/// at backward jumps in `fast` and before slow instructions
/// (`Vm::end_slice_early`).
#[inline(always)]
pub(crate) fn stop_hint() -> bool {
    crate::sched::world::STOP_HINT.load(std::sync::atomic::Ordering::Relaxed) != 0
}

/// Runs the hot instructions (moves, integer and float arithmetic,
/// comparisons, jumps, static calls and plain returns) until the next
/// instruction is another kind, the budget is spent or the goroutine ends.
///
/// Why a separate function: in `run`'s big match the compiler keeps pc,
/// the code and the window in stack slots (the cold arms call out and need
/// the registers); here the whole state is a handful of locals that stay
/// in registers, and each instruction is a load, a jump and its work.
/// The arithmetic and branch instructions are shared with `run`
/// ([`with_pure_ops`]); the arms written here are the fast forms of calls,
/// returns, loads and stores, which decline what they do not handle (a
/// nil `Load`, a `Return` with deferred calls) to `run`'s arm for the
/// same instruction. Adding an arm here means marking the instruction
/// `fast` in the opcode table.
///
/// `RACE`: the run has a race detector. Then the instructions that read
/// or write memory stop here (`run`'s arms report their accesses) and
/// the rest run fast; without it the test is compiled out, so normal mode
/// runs the same code as if it were not there.
// `pure!` expands the shared arithmetic arms for one known instruction:
// clippy reads each conditional branch there as a collapsible match.
#[allow(clippy::collapsible_match)]
#[inline(never)]
pub(super) fn fast<'p, const RACE: bool>(
    prog: &'p Program,
    sh: &Shared<'_>,
    g: &mut G,
    cur: &mut Cur<'p>,
    budget: &mut i64,
    methods: &mut calls::MethodCache,
) -> Stop {
    let mut func = cur.func;
    let mut code = &func.code[..];
    // The window's first slot index, kept beside `regs` (a call's base
    // is an add, not a subtraction and a shift from the stack's start).
    let mut base = cur.base;
    let mut bud = *budget;
    // Window invariant as in `run`: base + win <= g.stack.len(), `regs`
    // taken after the stack last grew (the caller ensured the window).
    let mut win = func.frame_words as usize + 1;
    if base + win > g.stack.len() || g.frames.is_empty() {
        return Stop::Fatal("frame window outside the stack".into());
    }
    // Dispatch invariant: pc < code.len() at each dispatch (`verify`
    // says why it holds after each instruction); a pc `run` hands over
    // past the end is `run`'s to report.
    if cur.pc >= code.len() {
        return Stop::Slow;
    }
    // The next instruction, as a pointer into `code` (one add a dispatch,
    // where an index needs its scaling and the code's base): `pc!()` is
    // its index.
    let mut ip: *const Op = code.as_ptr().wrapping_add(cur.pc);
    macro_rules! pc {
        () => {
            (ip as usize - code.as_ptr() as usize) / std::mem::size_of::<Op>()
        };
    }
    let mut regs = window(g, base);
    macro_rules! leave {
        ($stop:expr) => {{
            cur.func = func;
            cur.base = base;
            cur.pc = pc!();
            *budget = bud;
            return $stop;
        }};
    }
    // The instruction being run (read by debug assertions only).
    let mut this = Op::Nop;
    // Slot `$x` of the window, unchecked: see `verify`.
    macro_rules! slot {
        ($x:expr) => {{
            let i = $x.0 as usize;
            debug_assert!(
                i < win && names_slot(&this, i),
                "{}: {:?} reaches r{i} unverified",
                func.name,
                this
            );
            i
        }};
    }
    macro_rules! r {
        ($x:expr) => {{
            let i = slot!($x);
            // SAFETY: `verify` checked at load that every slot an
            // instruction run here names (`fast_operands`) is below its
            // function's frame_words < win; base + win <= g.stack.len()
            // and `regs` was taken after the stack last grew (window
            // invariant).
            unsafe { *regs.add(i) }
        }};
    }
    macro_rules! set {
        ($x:expr, $v:expr) => {{
            let v: u64 = $v;
            let i = slot!($x);
            // SAFETY: as in `r!`.
            unsafe { *regs.add(i) = v };
        }};
    }
    macro_rules! enter {
        ($f:expr, $b:expr, $pc:expr) => {{
            func = $f;
            code = &func.code[..];
            ip = code.as_ptr().wrapping_add($pc);
            win = func.frame_words as usize + 1;
            base = $b;
            regs = window(g, base);
        }};
    }
    // As `run`'s `skip!`: the second half of a fused pair.
    macro_rules! skip {
        () => {
            ip = ip.wrapping_add(1)
        };
    }
    // As `run`'s `branch!`: taken backwards, a jump spends budget.
    macro_rules! branch {
        ($cond:expr, $to:expr) => {{
            if $cond {
                let to = code.as_ptr().wrapping_add($to.0 as usize);
                if to < ip {
                    bud -= 1;
                    if bud <= 0 || stop_hint() {
                        ip = to;
                        leave!(Stop::Yield);
                    }
                }
                ip = to;
            }
        }};
    }
    // Runs the next instruction in this dispatch when it matches one of
    // the patterns: the second half of an announcing form (`opcode::fuse`),
    // with its own operands. pc is past it while `$body` runs, as the
    // loop leaves it for any instruction; anything else is left to the
    // next dispatch (the announcing form did all it means).
    macro_rules! then {
        ($($pat:pat => $body:expr),+ $(,)?) => {{
            debug_assert!(pc!() < code.len());
            {
                // SAFETY: an announcing form is never a function's last
                // instruction (`verify`), so its successor exists.
                let next = unsafe { *ip };
                match next {
                    // A jump (`Loop`) overwrites the pc just advanced.
                    $(#[allow(unused_assignments)]
                    $pat => {
                        if cfg!(debug_assertions) {
                            this = next;
                        }
                        ip = ip.wrapping_add(1);
                        $body
                    })+
                    _ => {}
                }
            }
        }};
    }
    // An instruction of `with_pure_ops` (the plain form of an announcing
    // one, or the branch it announces): its meaning is written there once.
    macro_rules! pure {
        ($op:expr) => {
            with_pure_ops!($op, { _ => {} })
        };
    }
    // The flag test a compare's announcing form is followed by.
    macro_rules! then_branch {
        () => {
            then! {
                Op::JumpIf { a, to } => pure!(Op::JumpIf { a, to }),
                Op::JumpIfNot { a, to } => pure!(Op::JumpIfNot { a, to }),
            }
        };
    }
    // `Loop to`: a backward jump that spends budget.
    macro_rules! loop_to {
        ($to:expr) => {{
            ip = code.as_ptr().wrapping_add($to.0 as usize);
            bud -= 1;
            if bud <= 0 || stop_hint() {
                leave!(Stop::Yield);
            }
        }};
    }
    // The arms of announcing forms that also run as a second half (after
    // `LoadIntNext`).
    macro_rules! add_imm_index {
        ($d:expr, $a:expr, $v:expr) => {{
            pure!(Op::AddIntImm {
                d: $d,
                a: $a,
                v: $v
            });
            // Under the race detector the access is `run`'s to report.
            if !RACE {
                then! {
                    Op::SliceGet { d, a, i, t, .. } => slice_get!(d, a, i, t),
                    Op::SliceSet { d, i, a, t, .. } => slice_set!(d, i, a, t),
                }
            }
        }};
    }
    macro_rules! flag_br {
        ($plain:expr) => {{
            pure!($plain);
            then_branch!();
        }};
    }
    // The fast forms of the instructions that also run as a second half.
    // Each declines (pc back on the instruction, which `run` executes)
    // what it does not handle.
    macro_rules! decline {
        () => {{
            ip = ip.wrapping_sub(1);
            leave!(Stop::Slow);
        }};
    }
    // `SliceGet`: elements of one word, or narrow scalars (parsing loops
    // over []byte and []int). Wider elements (whole values read under
    // the stripes' protocol) are left to `run`.
    macro_rules! slice_get {
        ($d:expr, $a:expr, $i:expr, $t:expr) => {{
            let (p, len, idx) = (r!($a), r!(Reg($a.0 + 1)), r!($i));
            // A negative index is a huge unsigned one: out of range.
            if idx >= len {
                decline!();
            }
            let e = sh.elems.get($t.0 as usize).copied().unwrap_or(Elem::Slow);
            // SAFETY: in every arm, idx < len <= cap elements lie in the
            // array (value invariant 2), aligned (layout invariant 1); a
            // word element is laid out as its slot and read whole, a
            // scalar is read at its kind's size.
            let v = unsafe {
                match e {
                    Elem::Word | Elem::PtrWord => value::read_word(p + idx * 8, 0),
                    Elem::I8 => layout::load_scalar(p + idx, MemKind::I8),
                    Elem::U8 => layout::load_scalar(p + idx, MemKind::U8),
                    Elem::I16 => layout::load_scalar(p + idx * 2, MemKind::I16),
                    Elem::U16 => layout::load_scalar(p + idx * 2, MemKind::U16),
                    Elem::I32 => layout::load_scalar(p + idx * 4, MemKind::I32),
                    Elem::U32 => layout::load_scalar(p + idx * 4, MemKind::U32),
                    Elem::F32 => layout::load_scalar(p + idx * 4, MemKind::F32),
                    Elem::Slow => decline!(),
                }
            };
            set!($d, v)
        }};
    }
    // `SliceSet`: stores that need no write barrier: narrow scalars,
    // pointer-free words, and pointer words while the collector is not
    // marking (as for `Store`).
    macro_rules! slice_set {
        ($d:expr, $i:expr, $a:expr, $t:expr) => {{
            let (p, len, idx) = (r!($d), r!(Reg($d.0 + 1)), r!($i));
            if idx >= len {
                decline!();
            }
            let v = r!($a);
            let e = sh.elems.get($t.0 as usize).copied().unwrap_or(Elem::Slow);
            if e == Elem::PtrWord && sh.heap.phase().write_barrier_enabled() {
                decline!();
            }
            // SAFETY: in every arm, as for SliceGet. A pointer-free word or
            // a scalar needs no barrier; for a pointer word the barrier
            // is off (just checked), so it is stored as
            // `Heap::write_pointer` stores it.
            unsafe {
                match e {
                    Elem::Word => value::write_word(p + idx * 8, 0, v),
                    Elem::PtrWord => write_pointer_word(p + idx * 8, 0, v),
                    Elem::I8 => layout::store_scalar(p + idx, MemKind::I8, v),
                    Elem::U8 => layout::store_scalar(p + idx, MemKind::U8, v),
                    Elem::I16 => layout::store_scalar(p + idx * 2, MemKind::I16, v),
                    Elem::U16 => layout::store_scalar(p + idx * 2, MemKind::U16, v),
                    Elem::I32 => layout::store_scalar(p + idx * 4, MemKind::I32, v),
                    Elem::U32 => layout::store_scalar(p + idx * 4, MemKind::U32, v),
                    Elem::F32 => layout::store_scalar(p + idx * 4, MemKind::F32, v),
                    Elem::Slow => decline!(),
                }
            }
        }};
    }
    // `Load` of `n` words but one (`n == 0` loads nothing): a value read
    // whole under the stripes' protocol.
    macro_rules! load_words {
        ($d:expr, $a:expr, $off:expr, $n:expr) => {{
            let (d, n): (Reg, u32) = ($d, $n);
            let p = r!($a);
            if p == 0 {
                // `run` raises the nil dereference panic.
                decline!();
            }
            let (first, last) = (slot!(d), slot!(Reg(d.0 + n.max(1) - 1)));
            let addr = p + $off.0 as u64 * 8;
            // A slice's and a string's header get a constant length, so
            // the read compiles to straight-line code. In each arm the
            // slots d..=d+n-1 are in the window (both ends checked at
            // load, see `verify`; `first` is below the frame, so
            // d + n - 1 did not wrap and the n slots from `first` end at
            // `last`), and `p` is a non-nil pointer to at least off + n
            // words (the code generator's typing). One value, never torn
            // (value module docs).
            match n {
                0 => {}
                // SAFETY: as above, n == 2.
                2 => unsafe { value::load_words(addr, &mut *regs.add(first).cast::<[u64; 2]>()) },
                // SAFETY: as above, n == 3.
                3 => unsafe { value::load_words(addr, &mut *regs.add(first).cast::<[u64; 3]>()) },
                // SAFETY: as above.
                _ => unsafe {
                    let out = std::slice::from_raw_parts_mut(regs.add(first), last + 1 - first);
                    value::load_words(addr, out)
                },
            }
        }};
    }
    // The caller's return pc and the callee's frame record, then into
    // its code; a spent budget yields at the callee's first instruction.
    // Shared by `Call` and `CallMethod`, after `G::ensure` made room.
    macro_rules! push_frame {
        ($f:expr, $callee:expr, $nb:expr) => {{
            let (f, nb): (FuncId, usize) = ($f, $nb);
            let fr = Frame {
                func: f.0,
                pc: 0,
                base: nb as u32,
                closure: 0,
                deferred_panic: false,
                returning: None,
            };
            // SAFETY: `fast` runs with at least one frame record (checked
            // on entry; `ret!` leaves when it pops the last one), and the
            // caller's `ensure` just returned true.
            unsafe { g.push_call(pc!() as u32, fr) };
            enter!($callee, nb, 0);
            if bud <= 0 {
                leave!(Stop::Yield);
            }
        }};
    }
    // `Call f, base`. As `call`: on failure the caller's pc is the one
    // after the call, which the trace reports (`leave!` hands it to
    // `run`, which saves it in the record).
    macro_rules! call {
        ($f:expr, $b:expr) => {{
            let (f, b): (FuncId, Reg) = ($f, $b);
            bud -= 1;
            let nb = base + b.0 as usize;
            debug_assert!((f.0 as usize) < prog.funcs.len());
            // SAFETY: `verify` checked at load that every `Call` names a
            // function of the program.
            let callee = unsafe { prog.funcs.get_unchecked(f.0 as usize) };
            if !g.ensure(nb + callee.frame_words as usize + 1) {
                leave!(Stop::Fatal("stack overflow".into()));
            }
            push_frame!(f, callee, nb);
        }};
    }
    // `CallMethod base, m` whose method exists: the receiver's words
    // replace the box word as in `calls::method_target` (shared), then
    // the frame is entered as for `Call`. A nil interface or a missing
    // method is `run`'s to report.
    macro_rules! call_method {
        ($b:expr, $m:expr) => {{
            let b: Reg = $b;
            let bx = r!(b);
            let Some((f, callee)) = calls::method_of(prog, methods, bx, $m) else {
                decline!();
            };
            let nb = base + b.0 as usize;
            if !calls::unbox_receiver(prog, g, bx, callee, nb) {
                // Stack overflow: `run`'s arm reports it.
                decline!();
            }
            bud -= 1;
            push_frame!(f, callee, nb);
        }};
    }
    // The call an argument move is followed by.
    macro_rules! then_call {
        () => {
            then! {
                Op::Call { f, base } => call!(f, base),
                Op::CallMethod { base, m } => call_method!(base, m),
            }
        };
    }
    // `Return a, n`: only the plain case. A frame with pending deferred
    // calls or one running a deferred call for a panic goes to `run`.
    macro_rules! ret {
        ($a:expr, $n:expr) => {{
            let (a, n): (Reg, u32) = ($a, $n);
            let depth = g.frames.len().wrapping_sub(1);
            // `fast` runs with a frame record (checked on entry; this arm
            // leaves when it pops the last one), so `depth` is one.
            debug_assert!(depth < g.frames.len());
            // SAFETY: depth < frames.len() (as just said).
            let top = unsafe { g.frames.get_unchecked(depth) };
            let plain = !top.deferred_panic
                && top.returning.is_none()
                && g.defers.last().is_none_or(|d| d.frame != depth);
            if !plain {
                decline!();
            }
            if n == 1 {
                set!(Reg(0), r!(a));
            } else if n > 1 {
                let s = base + a.0 as usize;
                g.stack.copy_within(s..s + n as usize, base);
            }
            if depth == 0 {
                g.frames.pop();
                leave!(Stop::Done);
            }
            // SAFETY: 0 < depth < frames.len(): the caller's record.
            let caller = unsafe { g.frames.get_unchecked(depth - 1) };
            let (cfn, cbase, cpc) = (caller.func, caller.base, caller.pc);
            g.frames.truncate(depth);
            let Some(cf) = prog.funcs.get(cfn as usize) else {
                leave!(Stop::Fatal(format!("bad function index {cfn}")));
            };
            // The caller's window was ensured when it was entered and
            // the stack never shrinks.
            enter!(cf, cbase as usize, cpc as usize);
            // Past the caller's code (a record `run` left so): `run`
            // reports it (dispatch invariant).
            if cpc as usize >= code.len() {
                leave!(Stop::Slow);
            }
        }};
    }
    loop {
        debug_assert!(pc!() < code.len());
        // SAFETY: ip points at an instruction of `code` (dispatch
        // invariant above).
        let op = unsafe { &*ip };
        ip = ip.wrapping_add(1);
        if cfg!(debug_assertions) {
            this = *op;
        }
        with_pure_ops!(*op, {
            Op::LoadGlobal { .. }
            | Op::Load { .. }
            | Op::Store { .. }
            | Op::LoadN { .. }
            | Op::StoreN { .. }
            | Op::SliceGet { .. }
            | Op::SliceSet { .. }
            | Op::LoadSlice { .. }
                if RACE =>
            {
                ip = ip.wrapping_sub(1);
                leave!(Stop::Slow);
            }
            Op::Nop => {}
            Op::Zero { d, n: 1 } => set!(d, 0),
            Op::Zero { d, n } => {
                for k in 0..n {
                    set!(Reg(d.0 + k), 0);
                }
            }
            Op::MoveN { d, a, n } => {
                // The table names both ends of each range, so the load-time
                // check covers every slot between. Overlapping ranges move
                // as memmove would (`copy_within` in `run`).
                if d.0 <= a.0 {
                    for k in 0..n {
                        set!(Reg(d.0 + k), r!(Reg(a.0 + k)));
                    }
                } else {
                    for k in (0..n).rev() {
                        set!(Reg(d.0 + k), r!(Reg(a.0 + k)));
                    }
                }
            }
            Op::LoadStr { d, s } => {
                let b = sh.consts.get(s.0 as usize).map_or(&[][..], |b| &b[..]);
                let (p, l) = if b.is_empty() {
                    (0, 0)
                } else {
                    (b.as_ptr() as u64, b.len() as u64)
                };
                set!(d, p);
                set!(Reg(d.0 + 1), l);
            }
            Op::EqStr { d, a, b } => {
                let (pa, la, pb, lb) = (r!(a), r!(Reg(a.0 + 1)), r!(b), r!(Reg(b.0 + 1)));
                let eq = la == lb
                    && (la == 0
                        || pa == pb
                        // SAFETY: each string's pointer has its length of
                        // readable bytes (value invariant 1).
                        || unsafe {
                            std::slice::from_raw_parts(pa as *const u8, la as usize)
                                == std::slice::from_raw_parts(pb as *const u8, lb as usize)
                        });
                set!(d, eq as u64)
            }
            // Nil on either side, or two dynamic types: decided by the
            // words (Go compares the types first, so neither case can
            // panic); equal types are compared by `run`, which knows
            // NaN and uncomparable values.
            Op::EqIface { d, a, b } => {
                let (x, y) = (r!(a), r!(b));
                if x == 0 || y == 0 {
                    set!(d, (x == y) as u64)
                } else if crate::panic::box_type(x) != crate::panic::box_type(y) {
                    set!(d, 0)
                } else {
                    // Equal dynamic types whose values compare as their
                    // words (no NaN, nothing uncomparable): one word, or a
                    // string's bytes.
                    let td = crate::panic::box_type(x).and_then(|t| prog.types.get(t.0 as usize));
                    let Some(td) = td else {
                        decline!();
                    };
                    match td.kind {
                        TypeKind::Bool
                        | TypeKind::Int { .. }
                        | TypeKind::Uintptr
                        | TypeKind::Pointer(_)
                        | TypeKind::Chan(_)
                            if td.words == 1 =>
                        {
                            // SAFETY: both boxes hold a value of this
                            // one-word type after the type word (value
                            // invariant 3); a box is never written after
                            // it is made.
                            let eq = unsafe { value::read_word(x, 1) == value::read_word(y, 1) };
                            set!(d, eq as u64)
                        }
                        TypeKind::String if td.words == 2 => {
                            // SAFETY: as above, with the string's two words;
                            // its pointer has its length of readable bytes
                            // (value invariant 1).
                            let eq = unsafe {
                                let (pa, la) = (value::read_word(x, 1), value::read_word(x, 2));
                                let (pb, lb) = (value::read_word(y, 1), value::read_word(y, 2));
                                la == lb
                                    && (la == 0
                                        || pa == pb
                                        || value::str_bytes(pa, la) == value::str_bytes(pb, lb))
                            };
                            set!(d, eq as u64)
                        }
                        _ => decline!(),
                    }
                }
            }
            // `s[lo:hi]` in bounds; `run` raises the bounds panics. An
            // empty result keeps no pointer into the string, as there.
            Op::StrSlice { d, a, b, .. } => {
                let (p, len) = (r!(a), r!(Reg(a.0 + 1)));
                let (lo, hi) = (r!(b), r!(Reg(b.0 + 1)));
                // Unsigned: a negative bound is a huge one, out of range.
                if hi > len || lo > hi {
                    decline!();
                }
                let (np, nl) = if hi == lo { (0, 0) } else { (p + lo, hi - lo) };
                set!(d, np);
                set!(Reg(d.0 + 1), nl);
            }
            // The in-bounds forms; `run` raises the bounds panics.
            Op::SliceSlice {
                d,
                a,
                b,
                t,
                three,
                ..
            } => {
                let (p, cap) = (r!(a), r!(Reg(a.0 + 2)));
                let (lo, hi) = (r!(b), r!(Reg(b.0 + 1)));
                let max = if three { r!(Reg(b.0 + 2)) } else { cap };
                // Unsigned: a negative bound is a huge one, out of range.
                if max > cap || hi > max || lo > hi {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                let ncap = max - lo;
                // A zero-capacity result keeps the array's base (never one
                // past the end: heap contract 2).
                let np = if ncap == 0 {
                    p
                } else {
                    p + lo * prog.ty(t).size
                };
                set!(d, np);
                set!(Reg(d.0 + 1), hi - lo);
                set!(Reg(d.0 + 2), ncap);
            }
            // Division by a non-zero divisor; `run` raises Go's panic for
            // zero (wrapping: MinInt64 / -1 is MinInt64, as in Go).
            Op::DivInt { d, a, b } => {
                let (x, y) = (r!(a) as i64, r!(b) as i64);
                if y == 0 {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                set!(d, x.wrapping_div(y) as u64)
            }
            Op::RemInt { d, a, b } => {
                let (x, y) = (r!(a) as i64, r!(b) as i64);
                if y == 0 {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                set!(d, x.wrapping_rem(y) as u64)
            }
            Op::DivUint { d, a, b } => {
                let (x, y) = (r!(a), r!(b));
                if y == 0 {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                set!(d, x / y)
            }
            Op::RemUint { d, a, b } => {
                let (x, y) = (r!(a), r!(b));
                if y == 0 {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                set!(d, x % y)
            }
            // A package variable's words (one value, never torn: the
            // same protocol as `run`'s arm).
            Op::LoadGlobal { d, g: gw, n } => {
                let (first, last) = (slot!(d), slot!(Reg(d.0 + n.max(1) - 1)));
                if n == 1 {
                    set!(d, sh.globals.get(gw as usize).unwrap_or(0));
                } else if n >= 2 && sh.globals.get(gw as usize + n as usize - 1).is_some() {
                    // SAFETY: the slots d..=d+n-1 are in the window (both
                    // ends checked at load, see `verify`); the globals
                    // gw..gw+n exist (just checked) and live as long as
                    // the VM.
                    unsafe {
                        let out = std::slice::from_raw_parts_mut(regs.add(first), last + 1 - first);
                        value::load_words(sh.globals.addr(gw as usize), out)
                    };
                } else if n >= 2 {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
            }
            // `range` over a string: the rune at byte i and its width.
            Op::StrDecodeRune { d, a, i } => {
                let (p, len, idx) = (r!(a), r!(Reg(a.0 + 1)), r!(i));
                // SAFETY: a string's pointer has `len` readable bytes
                // (value invariant 1).
                let s = unsafe { value::str_bytes(p, len) };
                let (c, w) = decode_rune(s, idx as usize);
                set!(d, c as u64);
                set!(Reg(d.0 + 1), w as u64);
            }
            Op::GlobalAddr { d, g: gw } => set!(d, sh.globals.addr(gw as usize)),
            Op::ElemAddr { d, a, i, es, len, .. } => {
                let (p, idx) = (r!(a), r!(i));
                if p == 0 || idx >= len as u64 {
                    // `run` raises the nil dereference or index panic.
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                set!(d, p + idx * es as u64)
            }
            Op::Load { d, a, off, n } if n != 1 => load_words!(d, a, off, n),
            Op::Load { d, a, off, n: 1 } => {
                let p = r!(a);
                if p == 0 {
                    // `run` raises the nil dereference panic.
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                // SAFETY: `p` is a non-nil pointer value of a type whose
                // pointee has at least off + 1 words (the code generator's
                // typing), as in `run`'s arm.
                let w = unsafe { value::read_word(p, off.0 as usize) };
                set!(d, w)
            }
            // A one-word store: a pointer-free word needs no write barrier
            // (nbody's field updates), and a pointer word needs none while
            // the collector is not marking (linked structures' `p.next =
            // q`); while it marks, `run`'s arm shades through the barrier.
            Op::Store { d, off, a, n: 1, t } => {
                // A one-word type's pointer-ness is in the element table
                // (`elem_access`); any other kind asks the type's mask.
                let ptr = match sh.elems.get(t.0 as usize) {
                    Some(Elem::Word) => false,
                    Some(Elem::PtrWord) => true,
                    _ => prog.ty(t).ptr_mask.iter().any(|&m| m != 0),
                };
                if ptr && sh.heap.phase().write_barrier_enabled() {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                let p = r!(d);
                if p == 0 {
                    // `run` raises the nil dereference panic.
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                let v = r!(a);
                if ptr {
                    // SAFETY: `p` is a non-nil pointer value of a type whose
                    // pointee has at least off + 1 words (the code
                    // generator's typing), as in `run`'s arm; the barrier
                    // is off (checked above, and the phase changes only
                    // while the world is stopped, which this goroutine is
                    // not), so the store is all `Heap::write_pointer` does.
                    unsafe { write_pointer_word(p, off.0 as usize, v) }
                } else {
                    // SAFETY: as above; the word holds no pointer, so the
                    // collector needs no barrier for it.
                    unsafe { value::write_word(p, off.0 as usize, v) }
                }
            }
            // A value of several words (a string, a slice header, a small
            // struct field) while no barrier is needed, as
            // `Vm::store_words` stores it: a value holding a header is
            // published whole under its stripes (value module docs).
            // Narrow types, a barrier to run and nil are `run`'s.
            Op::Store { d, off, a, n, t } => {
                let Some(td) = prog.types.get(t.0 as usize) else {
                    decline!();
                };
                if n == 0 || td.narrow || td.words != n {
                    decline!();
                }
                let ptr = td.ptr_mask.iter().any(|&m| m != 0);
                if ptr && sh.heap.phase().write_barrier_enabled() {
                    decline!();
                }
                let p = r!(d);
                if p == 0 {
                    decline!();
                }
                let (first, last) = (slot!(a), slot!(Reg(a.0 + n - 1)));
                let at = p + off.0 as u64 * 8;
                let lock = if sh.headers.get(t.0 as usize) == Some(&true) {
                    Some(value::lock_words(at, n as usize))
                } else {
                    None
                };
                for k in 0..=last - first {
                    // SAFETY: slots first..=last are in the window (both
                    // ends checked at load, see `verify`: `first` is below
                    // the frame, so a + n - 1 did not wrap); `p` is a
                    // non-nil pointer to at least off + n words (the code
                    // generator's typing, as in `run`'s arm); the barrier
                    // is off or the value holds no pointer (checked
                    // above), so a release store of each word is all
                    // `Heap::write_pointer` would do.
                    unsafe { write_pointer_word(at, k, *regs.add(first + k)) }
                }
                drop(lock);
            }
            Op::LoadN { d, a, off, k } => {
                let p = r!(a);
                if p == 0 {
                    // `run` raises the nil dereference panic.
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                // SAFETY: as in `run`'s arm.
                let v = unsafe { layout::load_scalar(p + off as u64, k) };
                set!(d, v)
            }
            Op::StoreN { d, off, a, k } => {
                let p = r!(d);
                if p == 0 {
                    // `run` raises the nil dereference panic.
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                let v = r!(a);
                // SAFETY: as in `run`'s arm; a scalar holds no pointer.
                unsafe { layout::store_scalar(p + off as u64, k, v) }
            }
            Op::StrLen { d, a } => set!(d, r!(Reg(a.0 + 1))),
            Op::StrIndex { d, a, i, .. } => {
                let (p, len, idx) = (r!(a), r!(Reg(a.0 + 1)), r!(i));
                // A negative index is a huge unsigned one: out of range.
                if idx >= len {
                    // `run` raises the index panic.
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                // SAFETY: a string's pointer has `len` readable bytes
                // (value invariant 1) and idx < len.
                let b = unsafe { *(p as *const u8).add(idx as usize) };
                set!(d, b as u64)
            }
            Op::SliceGet { d, a, i, t, .. } => slice_get!(d, a, i, t),
            Op::SliceSet { d, i, a, t, .. } => slice_set!(d, i, a, t),
            Op::Jump { to } => ip = code.as_ptr().wrapping_add(to.0 as usize),
            Op::Loop { to } => loop_to!(to),
            Op::AddIntImmLoop { d, a, v } => {
                pure!(Op::AddIntImm { d, a, v });
                then! {
                    Op::Loop { to } => loop_to!(to),
                }
            }
            Op::Call { f, base } => call!(f, base),
            // `x.(T)` for a one-word concrete T that the value has (`o.(*T)`
            // on a tree's keys); interface targets, wider values and
            // failures (Go's panic message) are `run`'s.
            Op::TypeAssert { d, a, t, from: _ } => {
                let bx = r!(a);
                let want = prog.ty(t);
                if bx == 0
                    || want.words != 1
                    || matches!(want.kind, TypeKind::Interface)
                    || crate::panic::box_type(bx) != Some(t)
                {
                    ip = ip.wrapping_sub(1);
                    leave!(Stop::Slow);
                }
                // SAFETY: the box holds a value of type t (just checked),
                // one word after the type word (value invariant 3).
                set!(d, unsafe { value::read_word(bx, 1) })
            }
            Op::CallMethod { base, m } => call_method!(base, m),
            Op::Return { a, n } => ret!(a, n),
            // The announcing forms (`opcode::fuse`): the plain form, then
            // the instruction it announces in the same dispatch.
            Op::LoadSlice { d, a, off } => {
                load_words!(d, a, off, 3u32);
                then! {
                    Op::SliceGet { d, a, i, t, .. } => slice_get!(d, a, i, t),
                    Op::SliceSet { d, i, a, t, .. } => slice_set!(d, i, a, t),
                }
            }
            // Both halves name their instruction's variant, so `pure!`
            // compiles to that arm alone (no second dispatch).
            Op::AddIntImmIndex { d, a, v } => add_imm_index!(d, a, v),
            Op::AddIntBr { d, a, b } => {
                pure!(Op::AddInt { d, a, b });
                then! {
                    Op::JumpIfLtInt { a, b, to } => pure!(Op::JumpIfLtInt { a, b, to }),
                    Op::JumpIfLeInt { a, b, to } => pure!(Op::JumpIfLeInt { a, b, to }),
                }
            }
            Op::LtF64Br { d, a, b } => flag_br!(Op::LtF64 { d, a, b }),
            Op::LeF64Br { d, a, b } => flag_br!(Op::LeF64 { d, a, b }),
            Op::EqIntBr { d, a, b } => flag_br!(Op::EqInt { d, a, b }),
            Op::NeIntBr { d, a, b } => flag_br!(Op::NeInt { d, a, b }),
            // A constant for the instruction after it: that one runs in
            // this dispatch too (an announcing form among them goes on to
            // the instruction it announces).
            Op::LoadIntNext { d, v } => {
                pure!(Op::LoadInt { d, v });
                then! {
                    Op::AddF64 { d, a, b } => pure!(Op::AddF64 { d, a, b }),
                    Op::SubF64 { d, a, b } => pure!(Op::SubF64 { d, a, b }),
                    Op::MulF64 { d, a, b } => pure!(Op::MulF64 { d, a, b }),
                    Op::DivF64 { d, a, b } => pure!(Op::DivF64 { d, a, b }),
                    Op::LtF64Br { d, a, b } => flag_br!(Op::LtF64 { d, a, b }),
                    Op::LeF64Br { d, a, b } => flag_br!(Op::LeF64 { d, a, b }),
                    Op::AddIntImmIndex { d, a, v } => add_imm_index!(d, a, v),
                    Op::Call { f, base } => call!(f, base),
                    Op::CallMethod { base, m } => call_method!(base, m),
                    Op::SliceSet { d, i, a, t, .. } => {
                        if RACE {
                            // The access is `run`'s to report.
                            ip = ip.wrapping_sub(1);
                        } else {
                            slice_set!(d, i, a, t)
                        }
                    }
                }
            }
            Op::MoveCall { d, a } => {
                pure!(Op::Move { d, a });
                then_call!();
            }
            // `Move2` skips its second half, so the call is the one after.
            Op::Move2Call { d, a, d2, a2 } => {
                pure!(Op::Move2 { d, a, d2, a2 });
                then_call!();
            }
            Op::AddIntImmCall { d, a, v } => {
                pure!(Op::AddIntImm { d, a, v });
                then_call!();
            }
            Op::AddIntRet { d, a, b } => {
                pure!(Op::AddInt { d, a, b });
                then! {
                    Op::Return { a, n: 1 } => ret!(a, 1),
                }
            }
            Op::AddIntImmRet { d, a, v } => {
                pure!(Op::AddIntImm { d, a, v });
                then! {
                    Op::Return { a, n: 1 } => ret!(a, 1),
                }
            }
            Op::LoadIntRet { d, v } => {
                pure!(Op::LoadInt { d, v });
                then! {
                    Op::Return { a, n: 1 } => ret!(a, 1),
                }
            }
            _ => {
                ip = ip.wrapping_sub(1);
                leave!(Stop::Slow);
            }
        })
    }
}
