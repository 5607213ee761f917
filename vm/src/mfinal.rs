//! `runtime.SetFinalizer`: the VM's half of Go's `mfinal.go`. The heap
//! knows which objects have a finalizer and finds the unreachable ones
//! (gc's mfinal.rs); this module keeps each finalizer's function, checks
//! `SetFinalizer`'s arguments as Go does, and runs the finalizers.
//!
//! # Running them
//! Go runs every finalizer, one after another, on a single finalizer
//! goroutine. Here each one gets a goroutine of its own, started only when
//! the previous one has ended, which gives the same order and the same
//! mutual exclusion (finalizers may update shared state without locks, as
//! Go's test programs do). Objects the heap reports as unreachable join a
//! queue at the start of the next slice of any goroutine; the queue's head
//! starts when no finalizer goroutine is running, and the end of one
//! starts the next.
//!
//! # Invariants
//! * A finalizer's function value is pinned (a root) from `SetFinalizer`
//!   until its goroutine holds it; an object taken from the heap's ready
//!   list is pinned until its goroutine holds it. So nothing the queue
//!   refers to is freed, although the queue is outside the heap.
//! * A finalizer runs at most once: the heap removes the object from its
//!   registry when it reports it, and the table entry goes with it.
//! * At most one finalizer goroutine exists at a time (`running`, claimed
//!   under the lock before the goroutine is made and released when a G
//!   marked `finalizer` ends).
//! * Slices that find nothing queued take no lock (`queued`): polling sits
//!   at every slice boundary.

use crate::goroutine::G;
use crate::rt::{Arg, Cx, Exec, Fin, Ready};
use crate::sched::primitives::Ordering;
use crate::value;
use crate::Vm;
use gol_lang::bytecode::{RtType, TypeKind};

/// `runtime.SetFinalizer(obj, fin)` with both arguments as interface words.
/// `Err` is Go's fatal error (its `throw` text).
pub(crate) fn set_finalizer(vm: &mut Vm, exec: &Exec, obj: u64, fin: u64) -> Result<(), String> {
    let prog = vm.prog.clone();
    let Some(ot) = crate::panic::box_type(obj) else {
        return Err("runtime.SetFinalizer: first argument is nil".into());
    };
    let odesc = prog.ty(ot);
    if !matches!(odesc.kind, TypeKind::Pointer(_)) {
        return Err(format!(
            "runtime.SetFinalizer: first argument is {}, not pointer",
            odesc.name
        ));
    }
    // SAFETY: a box of a pointer type holds the pointer after its type
    // word (value invariant 3).
    let p = unsafe { value::read_word(obj, 1) };
    if p == 0 {
        return Err("runtime.SetFinalizer: first argument is nil".into());
    }
    let func = match crate::panic::box_type(fin) {
        None => 0,
        Some(ft) => {
            let fdesc = prog.ty(ft);
            if !matches!(fdesc.kind, TypeKind::Func) {
                return Err(format!(
                    "runtime.SetFinalizer: second argument is {}, not a function",
                    fdesc.name
                ));
            }
            // SAFETY: a box of a func type holds the func value.
            let func = unsafe { value::read_word(fin, 1) };
            if func != 0 {
                let Some(arg) = arg_kind(vm, ot, &fdesc.name) else {
                    return Err(format!(
                        "runtime.SetFinalizer: cannot pass {} to finalizer {}",
                        odesc.name, fdesc.name
                    ));
                };
                return register(vm, exec, p, Fin { func, pin: 0, arg });
            }
            0
        }
    };
    debug_assert_eq!(func, 0);
    // `SetFinalizer(p, nil)`: remove.
    vm.heap.remove_finalizer(p as usize);
    let old = exec.finalizers.state.lock().table.remove(&p);
    if let Some(old) = old {
        exec.unpin(old.pin);
    }
    Ok(())
}

fn register(vm: &mut Vm, exec: &Exec, p: u64, mut fin: Fin) -> Result<(), String> {
    if !vm.heap.add_finalizer(p as usize) {
        if vm.heap.object_containing(p as usize).is_none() {
            // Not in the heap (a package variable, a zero-size object):
            // Go ignores finalizers on such objects.
            return Ok(());
        }
        return Err("runtime.SetFinalizer: finalizer already set".into());
    }
    fin.pin = exec.pin(fin.func);
    exec.finalizers.state.lock().table.insert(p, fin);
    Ok(())
}

/// How a finalizer of type name `fname` (Go's spelling, `func(*main.T)`)
/// takes an object of pointer type `ot`, or None when it cannot (Go's
/// rule: one parameter, to which the object is assignable; results are
/// ignored).
///
/// Limit: func descriptors carry no parameter types, so the parameter is
/// matched by Go's spelling. Two types of one name declared in different
/// scopes (`type T` inside two functions) spell alike and would be taken
/// for one another; recording each func type's parameter descriptor would
/// close that gap.
fn arg_kind(vm: &Vm, ot: RtType, fname: &str) -> Option<Arg> {
    let param = single_param(fname)?;
    let prog = &vm.prog;
    if param == prog.ty(ot).name {
        return Some(Arg::Pointer);
    }
    if param == "interface {}" || param == "any" {
        return Some(Arg::Iface(ot));
    }
    let pt = prog.types.iter().position(|d| d.name == param)?;
    let pd = prog.ty(RtType(pt as u32));
    match &pd.kind {
        // An interface the object's type implements.
        TypeKind::Interface => prog
            .missing_method(ot, RtType(pt as u32))
            .is_none()
            .then_some(Arg::Iface(ot)),
        // Another spelling of the same pointer type.
        TypeKind::Pointer(e) if prog.ty(ot).kind == TypeKind::Pointer(*e) => Some(Arg::Pointer),
        _ => None,
    }
}

/// The one parameter's type in a func type's name, or None when there is
/// not exactly one (or it is variadic).
fn single_param(fname: &str) -> Option<&str> {
    let rest = fname.strip_prefix("func(")?;
    let mut depth = 0i32;
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            ')' => {
                let p = rest[..i].trim();
                return (!p.is_empty() && !p.starts_with("...")).then_some(p);
            }
            ',' if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

/// At the start of a slice: takes what the heap found unreachable into
/// the queue, and starts the queue's head when no finalizer runs.
#[inline]
pub(crate) fn poll(vm: &mut Vm, exec: &Exec, cx: &Cx) {
    if vm.heap.finalizers_ready() {
        take_ready(vm, exec);
    }
    start_next(vm, exec, cx);
}

#[cold]
fn take_ready(vm: &mut Vm, exec: &Exec) {
    let objs = vm.heap.take_ready_finalizers();
    let mut st = exec.finalizers.state.lock();
    for a in objs {
        let a = a as u64;
        if let Some(fin) = st.table.remove(&a) {
            let obj_pin = exec.pin(a);
            st.queue.push_back(Ready {
                obj: a,
                fin,
                obj_pin,
            });
        }
    }
    exec.finalizers
        .queued
        .store(st.queue.len(), Ordering::Relaxed);
}

fn start_next(vm: &mut Vm, exec: &Exec, cx: &Cx) {
    let f = &exec.finalizers;
    if f.queued.load(Ordering::Relaxed) == 0 || f.running.load(Ordering::Relaxed) {
        return;
    }
    let mut st = f.state.lock();
    let Some(r) = st.queue.pop_front() else {
        return;
    };
    // Claimed under the lock: one finalizer goroutine at a time. Acquire
    // pairs with the Release of `ended`, whose goroutine's writes the next
    // finalizer then sees.
    if f.running
        .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
        .is_err()
    {
        st.queue.push_front(r);
        return;
    }
    f.queued.store(st.queue.len(), Ordering::Relaxed);
    drop(st);
    let arg = match r.fin.arg {
        Arg::Pointer => r.obj,
        Arg::Iface(t) => vm.new_box(t, &[r.obj]),
    };
    // Created by the runtime (creator 0), as Go's finalizer goroutine is.
    let site = vm
        .prog
        .funcs
        .iter()
        .position(|f| f.name == "runtime.SetFinalizer")
        .unwrap_or(0) as u32;
    match G::for_func_value(&vm.prog, r.fin.func, &[arg], (0, site, 0)) {
        Some(mut ng) => {
            ng.finalizer = true;
            // What a new goroutine starts with is shaded while the
            // collector marks (mgc.rs).
            vm.shade_words(&[r.fin.func, arg]);
            cx.spawn(ng);
        }
        None => gol_gc::throw("runtime: cannot start a finalizer goroutine"),
    }
    exec.unpin(r.fin.pin);
    exec.unpin(r.obj_pin);
}

/// Goroutine `g` ended: when it ran a finalizer, the next one may start
/// (at the next slice's `poll`).
#[inline]
pub(crate) fn ended(exec: &Exec, g: &G) {
    if g.finalizer {
        // Release pairs with the Acquire claim in `start_next`.
        exec.finalizers.running.store(false, Ordering::Release);
    }
}

impl crate::NativeCtx<'_> {
    /// `runtime.SetFinalizer(obj, finalizer)` (both interface words): Go's
    /// fatal error text when the arguments break its rules.
    pub fn set_finalizer(&mut self, obj: u64, fin: u64) -> Result<(), String> {
        let Some(exec) = self.sl.map(|s| s.exec) else {
            return Ok(());
        };
        set_finalizer(self.vm, exec, obj, fin)
    }

    /// Starts the next finalizer if one is ready and none runs.
    pub(crate) fn start_finalizers(&mut self) {
        if let Some(sl) = self.sl {
            poll(self.vm, sl.exec, sl.cx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::single_param;

    #[test]
    fn one_parameter_of_a_func_type_name() {
        assert_eq!(single_param("func(*main.T)"), Some("*main.T"));
        assert_eq!(single_param("func(*main.A) [250]int"), Some("*main.A"));
        assert_eq!(single_param("func(interface {})"), Some("interface {}"));
        assert_eq!(
            single_param("func(func(int, string) bool)"),
            Some("func(int, string) bool")
        );
        assert_eq!(single_param("func(*main.T, int)"), None);
        assert_eq!(single_param("func()"), None);
        assert_eq!(single_param("func(...*main.T)"), None);
        assert_eq!(single_param("int"), None);
    }
}
