//! Shadow cells and FastTrack's access rules (see the module docs of
//! `race` for the algorithm).
//!
//! A cell records the last write as one epoch and the reads since as
//! one epoch while they are ordered, or a read vector once two of them
//! are concurrent (FastTrack's "read-shared" state), each with the
//! interned stack of the access for the report. After a write every
//! recorded read happened before it (or was just reported), so the
//! reads start again from none.

use super::clock::{Epoch, Tid};
use super::{StackId, State};
use crate::goroutine::G;

#[derive(Default)]
pub(super) struct Cell {
    w: Epoch,
    w_at: StackId,
    reads: Reads,
}

pub(super) enum Reads {
    /// The last read (the zero epoch: none since the last write).
    One(Epoch, StackId),
    /// Concurrent reads: one epoch per reading goroutine.
    Shared(Vec<(Epoch, StackId)>),
}

impl Default for Reads {
    fn default() -> Self {
        Reads::One(Epoch::default(), 0)
    }
}

/// The earlier access a new one races with.
pub(super) struct Prev {
    pub(super) tid: Tid,
    pub(super) at: StackId,
    pub(super) write: bool,
}

/// Checks the access of goroutine `t` (running `g` at `pc`) to the cell
/// at `a`, records it, and returns the earlier access it races with.
pub(super) fn check(st: &mut State, t: Tid, g: &G, pc: u32, a: u64, write: bool) -> Option<Prev> {
    let e = st.threads[t as usize].vc.epoch(t);
    // Same-epoch fast paths: nothing to check or record.
    if let Some(c) = st.shadow.get(&a) {
        if write && c.w == e {
            return None;
        }
        if !write {
            match &c.reads {
                Reads::One(r, _) if *r == e => return None,
                Reads::Shared(v) if v.iter().any(|(r, _)| *r == e) => return None,
                _ => {}
            }
        }
    }
    let here = st.stack_of(t, g, pc);
    let vc = &st.threads[t as usize].vc;
    let c = match st.shadow.entry(a) {
        std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
        std::collections::hash_map::Entry::Vacant(v) => {
            st.unaligned += (a % 8 != 0) as usize;
            v.insert(Cell::default())
        }
    };
    let mut race = None;
    if !c.w.before(vc) {
        race = Some(Prev {
            tid: c.w.tid,
            at: c.w_at,
            write: true,
        });
    }
    if write {
        if race.is_none() {
            match &c.reads {
                Reads::One(r, at) if !r.before(vc) => {
                    race = Some(Prev {
                        tid: r.tid,
                        at: *at,
                        write: false,
                    })
                }
                Reads::Shared(v) => {
                    if let Some((r, at)) = v.iter().find(|(r, _)| !r.before(vc)) {
                        race = Some(Prev {
                            tid: r.tid,
                            at: *at,
                            write: false,
                        })
                    }
                }
                _ => {}
            }
        }
        c.w = e;
        c.w_at = here;
        c.reads = Reads::default();
    } else {
        match &mut c.reads {
            Reads::One(r, at) => {
                if r.before(vc) {
                    *r = e;
                    *at = here;
                } else {
                    c.reads = Reads::Shared(vec![(*r, *at), (e, here)]);
                }
            }
            Reads::Shared(v) => match v.iter_mut().find(|(r, _)| r.tid == t) {
                Some(slot) => *slot = (e, here),
                None => v.push((e, here)),
            },
        }
    }
    race
}
