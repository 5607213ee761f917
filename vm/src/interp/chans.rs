//! The goroutine and channel instructions: `go`, `make(chan)`, `len` and
//! `cap` of a channel, `close`, send, receive and `select`. Starting,
//! parking and resuming a channel operation is park.rs (the blocking
//! protocol); this module reads the operands, hands park.rs the
//! goroutine's stack and the slice's scheduler context, and stores a
//! returned `Pending` in `G::pending` before the slice ends with
//! `Exit::Block`.

use super::*;
use crate::race::SyncKey;

/// Executes `op`, one of the channel instructions, in the frame `at`.
#[inline(never)]
pub(super) fn exec(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    prog: &Program,
    g: &mut G,
    at: At<'_>,
    op: Op,
) -> Step {
    let base = at.base;
    match op {
        Op::Go { c, a, n } => {
            let cl = at.r(g, c)?;
            if cl == 0 {
                return Err(Trap::Fatal("go of nil func value".into()));
            }
            let Some(sl) = sl else {
                return Err(Trap::Fatal("go statement outside the scheduler".into()));
            };
            let s = base + a.0 as usize;
            let args = &g.stack[s..s + n as usize];
            let Some(ng) = G::for_func_value(
                prog,
                cl,
                args,
                (g.id, g.frames.last().map_or(0, |f| f.func), at.pc as u32),
            ) else {
                return Err(Trap::Fatal("stack overflow".into()));
            };
            // What a goroutine created while the collector marks
            // starts with is shaded by its creator (mgc.rs).
            vm.shade_words(&[cl]);
            vm.shade_words(&ng.stack[..n as usize]);
            let cx = sl.cx;
            match vm.race.clone() {
                None => {
                    cx.spawn(ng);
                }
                Some(r) => {
                    cx.spawn_named(ng, |id| r.go_start(g, at.pc, id));
                }
            }
        }
        Op::MakeChan { d, cap, t } => {
            match crate::rt::make_chan_typed(vm, sl.map(|s| s.exec), at.ri(g, cap)?, t) {
                Ok(p) => at.set(g, d, p)?,
                Err(msg) => return Err(Trap::Panic(msg)),
            }
        }
        Op::ChanLen { d, c, cap } => {
            let n = match chan_of(sl, at.r(g, c)?).map(|ch| ch.observed_len_cap()) {
                Some((_, c)) if cap => c,
                Some((l, _)) => l,
                None => 0,
            };
            at.set(g, d, n as u64)?
        }
        Op::ChanClose { c } => {
            let Some(sl) = sl else {
                return Err(Trap::Fatal(
                    "channel operation outside the scheduler".into(),
                ));
            };
            let cw = at.r(g, c)?;
            let ch = sl.exec.chan(cw);
            let cx = sl.cx;
            if let Some(r) = &vm.race {
                // A close is seen by receivers as a send is.
                if cw != 0 {
                    r.release(g.id, SyncKey::ChanSend(cw));
                }
            }
            if let Err(e) = crate::sched::chan::close(cx, ch.map(|c| &**c)) {
                return Err(Trap::Panic(e.message().into()));
            }
        }
        Op::Select { d, n, block } => {
            let Some(sl) = sl else {
                return Err(Trap::Fatal(
                    "channel operation outside the scheduler".into(),
                ));
            };
            let (code, pc) = (&at.func.code[..], at.pc);
            let mut chans = Vec::new();
            let mut elems = Vec::new();
            let mut cases = Vec::new();
            let mut sends = Vec::new();
            // The channels and directions, kept for the race detector only.
            let mut words = Vec::new();
            let racing = vm.race.is_some();
            for k in 0..n as usize {
                let Some(&Op::SelectCase { c, a, ew, send }) = code.get(pc + k) else {
                    return Err(Trap::Fatal("select without its cases".into()));
                };
                let cw = at.r(g, c)?;
                if racing {
                    race_start(vm, g, cw, send);
                    words.push((cw, send));
                }
                chans.push(sl.exec.chan(cw));
                let s = base + a.0 as usize;
                let elem = if send {
                    g.stack[s..s + ew as usize].to_vec()
                } else {
                    Vec::new()
                };
                // As for ChanSend.
                vm.shade_words(&elem);
                elems.push(elem);
                cases.push((s, ew as usize));
                sends.push(send);
            }
            let sel: Vec<crate::sched::chan::SelCase<'_>> = (0..n as usize)
                .map(|k| {
                    if sends[k] {
                        crate::sched::chan::SelCase::Send(chans[k], &elems[k])
                    } else {
                        crate::sched::chan::SelCase::Recv(chans[k])
                    }
                })
                .collect();
            let cx = sl.cx;
            let dd = base + d.0 as usize;
            let shade = &mut |w: &[u64]| vm.shade_words(w);
            let res = crate::park::select(cx, &sel, cases, block, &mut g.stack, shade, dd);
            // Every case acquires what its other side released: which
            // one was chosen is not known here once the G parks, and
            // acquiring more can hide a race, never invent one.
            for &(cw, send) in &words {
                race_end(vm, g, cw, send, matches!(res, Ok(Some(_))));
            }
            match res {
                Err(e) => return Err(Trap::Panic(e.message().into())),
                Ok(None) => {}
                Ok(Some(p)) => {
                    let reason = p.reason();
                    g.pending = Some(crate::park::boxed(p));
                    return Err(Trap::Block(reason));
                }
            }
        }
        Op::SelectCase { .. } => {
            return Err(Trap::Fatal("select case outside a select".into()));
        }
        _ => return Err(Trap::Fatal(format!("{op:?} is not a channel instruction"))),
    }
    Ok(())
}

/// The channel behind channel word `w` (None for nil, or outside the
/// scheduler).
fn chan_of<'e>(sl: Option<SliceCx<'e>>, w: u64) -> Option<&'e Arc<crate::sched::chan::Chan>> {
    sl?.exec.chan(w)
}

/// `c <- v` with the channel word `cw` and the value's `ew` words at
/// absolute slot `s`: the one channel instruction pingpong-style programs
/// run per message, so `run` calls it directly (no second dispatch).
#[inline]
pub(super) fn send(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: &mut G,
    cw: u64,
    s: usize,
    ew: u32,
) -> Step {
    let Some(sl) = sl else {
        return Err(Trap::Fatal(
            "channel operation outside the scheduler".into(),
        ));
    };
    let ch = sl.exec.chan(cw);
    let Some(elem) = g.stack.get(s..s + ew as usize) else {
        return Err(Trap::Fatal("send: value outside the stack".into()));
    };
    // The value leaves this stack for a buffer or another stack the
    // collector may have scanned (mgc.rs).
    vm.shade_words(elem);
    race_start(vm, g, cw, true);
    let res = crate::park::send(sl.cx, ch.map(|c| &**c), elem);
    race_end(vm, g, cw, true, matches!(res, Ok(Some(_))));
    match res {
        Err(e) => Err(Trap::Panic(e.message().into())),
        Ok(None) => Ok(()),
        Ok(Some(p)) => {
            let reason = p.reason();
            g.pending = Some(crate::park::boxed(p));
            Err(Trap::Block(reason))
        }
    }
}

/// `<-c` with the channel word `cw` into absolute slot `d` (`ew` words,
/// then ok when `ok`); as `send`, called directly by `run`.
#[inline]
pub(super) fn recv(
    vm: &mut Vm,
    sl: Option<SliceCx<'_>>,
    g: &mut G,
    cw: u64,
    d: usize,
    ew: u32,
    ok: bool,
) -> Step {
    let Some(sl) = sl else {
        return Err(Trap::Fatal(
            "channel operation outside the scheduler".into(),
        ));
    };
    let ch = sl.exec.chan(cw).map(|c| &**c);
    race_start(vm, g, cw, false);
    let shade = &mut |w: &[u64]| vm.shade_words(w);
    let res = crate::park::recv(sl.cx, ch, &mut g.stack, shade, d, ew as usize, ok);
    race_end(vm, g, cw, false, res.is_some());
    match res {
        None => Ok(()),
        Some(p) => {
            let reason = p.reason();
            g.pending = Some(crate::park::boxed(p));
            Err(Trap::Block(reason))
        }
    }
}

/// Race mode, as a channel operation on channel word `cw` starts: its
/// side's release (race module docs: a send releases into the channel's
/// senders' clock, a receive into its receivers').
#[inline]
fn race_start(vm: &Vm, g: &G, cw: u64, send: bool) {
    if let (Some(r), true) = (&vm.race, cw != 0) {
        let mine = if send {
            SyncKey::ChanSend(cw)
        } else {
            SyncKey::ChanRecv(cw)
        };
        r.release(g.id, mine);
    }
}

/// Race mode, as the operation completes (`parked`: when the G runs
/// again): the acquire of the other side's clock.
#[inline]
fn race_end(vm: &Vm, g: &G, cw: u64, send: bool, parked: bool) {
    if let (Some(r), true) = (&vm.race, cw != 0) {
        let other = if send {
            SyncKey::ChanRecv(cw)
        } else {
            SyncKey::ChanSend(cw)
        };
        if parked {
            r.acquire_on_resume(g.id, other);
        } else {
            r.acquire(g.id, other);
        }
    }
}
