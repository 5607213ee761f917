//! The cold parts of calls: finding the method an interface call runs
//! and laying out its receiver (`CallMethod`), and what a native's
//! result other than `Ok` does to the goroutine (`CallNative`). Static
//! calls, closure calls and returns stay in `run` and `fast`: they are
//! the hot path.

use super::*;

/// The functions that interface calls found, by (dynamic type, method
/// name): a direct-mapped cache in front of the method set's binary
/// search by name (string compares), which cost an interface call more
/// than its dispatch. One lives for one slice (`run`), over one program,
/// so an entry never goes stale; a miss costs the search it replaces.
pub(super) struct MethodCache {
    /// (type, name, function); `u32::MAX` as type marks an empty entry
    /// (no type table is that long).
    ents: [(u32, u32, u32); METHOD_CACHE],
}

/// Entries of a [`MethodCache`] (a power of two).
const METHOD_CACHE: usize = 64;

impl MethodCache {
    pub(super) fn new() -> Self {
        MethodCache {
            ents: [(u32::MAX, 0, 0); METHOD_CACHE],
        }
    }
}

/// The method named by string `m` of the dynamic type of the interface
/// whose box word is `bx`, and its function; None for a nil interface or
/// a missing method (`method_target` says which).
#[inline]
pub(super) fn method_of<'p>(
    prog: &'p Program,
    mc: &mut MethodCache,
    bx: u64,
    m: gol_lang::bytecode::StrId,
) -> Option<(FuncId, &'p Function)> {
    let t = crate::panic::box_type(bx)?;
    let k = (t.0.wrapping_mul(0x9e37_79b1) ^ m.0) as usize % METHOD_CACHE;
    let (et, em, ef) = mc.ents[k];
    let f = if et == t.0 && em == m.0 {
        FuncId(ef)
    } else {
        let name = prog.strings.get(m.0 as usize).map_or(&[][..], |v| &v[..]);
        let f = prog.types.get(t.0 as usize)?.method(name)?.func;
        mc.ents[k] = (t.0, m.0, f.0);
        f
    };
    Some((f, prog.funcs.get(f.0 as usize)?))
}

/// Lays out a method call's receiver at `nb`: the words of the value in
/// box `bx` replace the box word, and the other arguments move up behind
/// them. False if the stack cannot grow to the callee's window (nothing
/// moved then). The stack may have grown (take the window again).
#[inline]
pub(super) fn unbox_receiver(
    prog: &Program,
    g: &mut G,
    bx: u64,
    callee: &Function,
    nb: usize,
) -> bool {
    let Some(t) = crate::panic::box_type(bx) else {
        return false;
    };
    let rw = prog.ty(t).words as usize;
    let pw = (callee.param_words as usize).saturating_sub(rw);
    if !g.ensure(nb + rw + pw + callee.frame_words as usize + 1) {
        return false;
    }
    if rw == 1 {
        // Nearly every method call: a pointer receiver, whose word takes
        // the box word's place with the arguments where they are (no
        // `memmove` of them onto themselves).
        // SAFETY: the box holds one word of its type after the type word
        // (value invariant 3).
        g.stack[nb] = unsafe { value::read_word(bx, 1) };
        return true;
    }
    g.stack.copy_within(nb + 1..nb + 1 + pw, nb + rw);
    for k in 0..rw {
        // SAFETY: the box holds rw words of its type after the type word
        // (value invariant 3).
        g.stack[nb + k] = unsafe { value::read_word(bx, 1 + k) };
    }
    true
}

/// `CallMethod`: the method of the dynamic type of the interface in slot
/// `b` named by string `m`, with the receiver's words unboxed in place of
/// the interface word at the call's base; returns the function and the
/// callee's base. The stack may have grown (take the window again). A
/// fatal error here (missing method, stack overflow) is reported with the
/// frame's recorded pc, not this instruction's: `run` returns it as is.
#[inline(never)]
pub(super) fn method_target(
    prog: &Program,
    mc: &mut MethodCache,
    g: &mut G,
    at: At<'_>,
    b: Reg,
    m: gol_lang::bytecode::StrId,
) -> Result<(FuncId, usize), Trap> {
    let bx = at.r(g, b)?;
    if bx == 0 {
        return Err(Trap::Panic(NIL_DEREF.into()));
    }
    let Some(t) = crate::panic::box_type(bx) else {
        return Err(Trap::Panic(NIL_DEREF.into()));
    };
    let Some((f, callee)) = method_of(prog, mc, bx, m) else {
        let name = prog.strings.get(m.0 as usize).map_or(&[][..], |v| &v[..]);
        return Err(Trap::Fatal(format!(
            "method {} missing from type {}",
            String::from_utf8_lossy(name),
            prog.ty(t).name
        )));
    };
    let nb = at.base + b.0 as usize;
    if !unbox_receiver(prog, g, bx, callee, nb) {
        return Err(Trap::Fatal("stack overflow".into()));
    }
    Ok((f, nb))
}

/// What a native's result other than `NativeResult::Ok` does: end the
/// slice (exit, fatal error, yield, park) or start a panic or Goexit.
#[cold]
#[inline(never)]
pub(super) fn native_exit(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    prog: &Program,
    g: &mut G,
    res: NativeResult,
) -> Flow {
    let pv = match res {
        NativeResult::Ok => return Flow::Continue,
        NativeResult::Exit(code) => return Flow::Exit(Exit::Exit(code)),
        NativeResult::Fatal(msg) => return Flow::Exit(Exit::Fatal(msg)),
        NativeResult::Yield => return Flow::Exit(Exit::Yield),
        NativeResult::Block(reason) => return Flow::Exit(Exit::Block(reason)),
        NativeResult::Panic(msg) => {
            let (p, l) = vm.new_string(msg.as_bytes());
            PanicValue::Value(vm.new_box(RtType(0), &[p, l]))
        }
        NativeResult::RuntimeError(msg) => PanicValue::Runtime(msg),
        NativeResult::PanicValue(v) => PanicValue::Value(v),
        NativeResult::Goexit => PanicValue::Goexit,
    };
    begin_panic(sl, prog, g, pv)
}
