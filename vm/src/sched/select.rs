//! select (Go's `select.go`): one goroutine waits on several channel
//! operations at once and exactly one of them happens. The channels
//! themselves, their queues of waiting goroutines (sudogs) and the
//! single operations are `chan.rs`; this file only orders, locks and
//! enqueues across them.
//!
//! # Algorithm
//! 1. *pollorder*: the cases with non-nil channels in a uniformly random
//!    order (Fisher–Yates with the M's cheap generator);
//!    *lockorder*: the distinct channels sorted by address.
//! 2. Lock every channel in lockorder (a global order, so two selects
//!    over the same channels cannot deadlock each other).
//! 3. Pass 1: the first ready case in pollorder wins.
//! 4. No case ready: `default` if present; otherwise pass 2 enqueues one
//!    sudog per case, all sharing one [`SelGroup`], unlocks, and parks.
//! 5. A waker that dequeues a select sudog first wins the group's `done`
//!    flag by CAS (Go's `selectDone`, in `chan.rs`'s `dequeue`); sudogs
//!    whose group is already done are skipped. So exactly one case fires.
//! 6. Woken, the G (pass 3, in the ticket's `poll`) relocks every channel
//!    and removes its other sudogs.
//!
//! `select {}` parks forever with `select (no cases)`; a select whose
//! cases are all nil channels parks forever with `select`, as Go does.
//!
//! # Invariants
//! * Channels are locked only in lockorder, by pass 1/2 and by pass 3.
//! * A [`SelGroup`]'s `winner` is stored by the one waker that won `done`,
//!   before it completes that case's sudog; `poll` reads it only after
//!   seeing `done` (Acquire), so it names a completed case.
//!
//! Rejected: a global select lock (it would serialise every select in
//! the program); re-checking every case after waking instead of pass 3
//! (a case could then fire twice).

use super::chan::{dequeue, remove, Chan, ChanCx, ChanError, HChan, Op, Sudog};
use super::g::WaitReason;
use super::primitives::{Arc, AtomicBool, AtomicUsize, MutexGuard, Ordering};

/// The shared state of one blocked select (Go's `g.selectDone` and
/// `g.param`).
pub(super) struct SelGroup {
    /// Won by CAS by the first waker (AcqRel; the loser skips the sudog).
    pub(super) done: AtomicBool,
    /// The winning case, stored by the winner before it completes the sudog.
    pub(super) winner: AtomicUsize,
}

/// One case of a select.
pub enum SelCase<'a> {
    Send(Option<&'a Arc<Chan>>, &'a [u64]),
    Recv(Option<&'a Arc<Chan>>),
}

impl SelCase<'_> {
    fn chan(&self) -> Option<&Arc<Chan>> {
        match self {
            SelCase::Send(c, _) | SelCase::Recv(c) => *c,
        }
    }
}

/// Which case a select ran.
#[derive(Debug, PartialEq, Eq)]
pub enum Selected {
    Send(usize),
    Recv(usize, Vec<u64>, bool),
    Default,
}

/// A parked select's ticket.
pub struct SelectTicket {
    grp: Option<Arc<SelGroup>>,
    /// (case, is_send, channel index in `chans`, sudog), in lockorder.
    sgs: Vec<(usize, bool, usize, Arc<Sudog>)>,
    /// The distinct channels, sorted by address (lockorder).
    chans: Vec<Arc<Chan>>,
    finished: bool,
}

fn chan_addr(c: &Arc<Chan>) -> usize {
    Arc::as_ptr(c) as usize
}

impl SelectTicket {
    /// The values this select's sudogs hold (roots until polled).
    pub fn for_each_word(&self, f: &mut dyn FnMut(u64)) {
        for (_, send, _, sg) in &self.sgs {
            sg.for_each_word(*send, f);
        }
    }

    /// `None`: not fired yet (park again). Otherwise the case that fired,
    /// after removing this select's other sudogs (Go's pass 3). Polling a
    /// finished ticket again returns `None`.
    pub fn poll(&mut self) -> Option<Result<Selected, ChanError>> {
        if self.finished {
            return None;
        }
        let grp = self.grp.as_ref()?;
        if !grp.done.load(Ordering::Acquire) {
            return None;
        }
        let w = grp.winner.load(Ordering::Acquire);
        let (_, is_send, _, wsg) = self.sgs.iter().find(|s| s.0 == w)?;
        let (elem, success) = if *is_send {
            (Vec::new(), wsg.outcome()?)
        } else {
            wsg.with_done(|v, ok| (v.to_vec(), ok))?
        };
        {
            let mut guards: Vec<MutexGuard<'_, HChan>> =
                self.chans.iter().map(|c| c.st.lock()).collect();
            for (case, send, ci, sg) in &self.sgs {
                if *case == w {
                    continue;
                }
                let h = &mut guards[*ci];
                if *send {
                    remove(&mut h.sendq, sg);
                } else {
                    remove(&mut h.recvq, sg);
                }
            }
        }
        self.finished = true;
        Some(if *is_send {
            if success {
                Ok(Selected::Send(w))
            } else {
                Err(ChanError::SendOnClosed)
            }
        } else {
            Ok(Selected::Recv(w, elem, success))
        })
    }
}

/// `select { cases... }` (with `default` when `!block`).
pub fn select<C: ChanCx>(
    cx: &C,
    cases: &[SelCase<'_>],
    block: bool,
) -> Result<Op<Selected, SelectTicket>, ChanError> {
    let never = || SelectTicket {
        grp: None,
        sgs: Vec::new(),
        chans: Vec::new(),
        finished: false,
    };
    if cases.is_empty() {
        return Ok(if block {
            Op::Park(never(), WaitReason::SelectNoCases)
        } else {
            Op::Ready(Selected::Default)
        });
    }
    for case in cases {
        if let SelCase::Send(Some(c), e) = case {
            c.check_elem(e);
        }
    }
    // pollorder: a uniform shuffle of the non-nil cases.
    let mut poll: Vec<usize> = (0..cases.len())
        .filter(|&i| cases[i].chan().is_some())
        .collect();
    for i in (1..poll.len()).rev() {
        let j = cx.rand_below(i as u32 + 1) as usize;
        poll.swap(i, j);
    }
    // lockorder: distinct channels by address.
    let mut chans: Vec<&Arc<Chan>> = poll.iter().filter_map(|&i| cases[i].chan()).collect();
    chans.sort_by_key(|c| chan_addr(c));
    chans.dedup_by_key(|c| chan_addr(c));
    let index_of = |c: &Arc<Chan>| {
        chans
            .binary_search_by_key(&chan_addr(c), |x| chan_addr(x))
            .unwrap_or(0)
    };
    let mut guards: Vec<MutexGuard<'_, HChan>> = chans.iter().map(|c| c.st.lock()).collect();

    // Pass 1: the first ready case in pollorder.
    for &i in &poll {
        let Some(c) = cases[i].chan() else { continue };
        let ci = index_of(c);
        let h = &mut guards[ci];
        match &cases[i] {
            SelCase::Recv(_) => {
                if let Some(sg) = dequeue(&mut h.sendq) {
                    let v = c.recv_from_sender(h, &sg);
                    drop(guards);
                    let w = sg.complete(None, true);
                    drop(sg);
                    cx.ready(w);
                    return Ok(Op::Ready(Selected::Recv(i, v, true)));
                }
                if h.count > 0 {
                    let v = c.pop_buf(h);
                    return Ok(Op::Ready(Selected::Recv(i, v, true)));
                }
                if h.closed {
                    return Ok(Op::Ready(Selected::Recv(i, c.zero(), false)));
                }
            }
            SelCase::Send(_, elem) => {
                if h.closed {
                    return Err(ChanError::SendOnClosed);
                }
                if let Some(sg) = dequeue(&mut h.recvq) {
                    drop(guards);
                    let w = sg.complete(Some(elem), true);
                    drop(sg);
                    cx.ready(w);
                    return Ok(Op::Ready(Selected::Send(i)));
                }
                if h.count < c.cap {
                    c.push_buf(h, elem);
                    return Ok(Op::Ready(Selected::Send(i)));
                }
            }
        }
    }
    if !block {
        return Ok(Op::Ready(Selected::Default));
    }

    // Pass 2: enqueue on every channel, in lockorder.
    let grp = Arc::new(SelGroup {
        done: AtomicBool::new(false),
        winner: AtomicUsize::new(usize::MAX),
    });
    let me = cx.current();
    let mut order = poll;
    order.sort_by_key(|&i| cases[i].chan().map_or(0, chan_addr));
    let mut sgs = Vec::with_capacity(order.len());
    for &i in &order {
        let Some(c) = cases[i].chan() else { continue };
        let ci = index_of(c);
        let h = &mut guards[ci];
        match &cases[i] {
            SelCase::Recv(_) => {
                // Completion brings the element (chan.rs, `recv`).
                let sg = Sudog::new(me.clone(), Some(grp.clone()), i, &[]);
                h.recvq.push_back(sg.clone());
                sgs.push((i, false, ci, sg));
            }
            SelCase::Send(_, elem) => {
                let sg = Sudog::new(me.clone(), Some(grp.clone()), i, elem);
                h.sendq.push_back(sg.clone());
                sgs.push((i, true, ci, sg));
            }
        }
    }
    drop(guards);
    let chans = chans.into_iter().cloned().collect();
    Ok(Op::Park(
        SelectTicket {
            grp: Some(grp),
            sgs,
            chans,
            finished: false,
        },
        WaitReason::Select,
    ))
}
