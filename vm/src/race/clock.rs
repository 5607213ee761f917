//! Vector clocks and epochs (FastTrack's two representations of time).
//!
//! Each goroutine is a dense *thread index* (`Tid`, given in creation
//! order). A vector clock maps every index to the last time of that
//! thread this one has synchronised with; an index past the vector's end
//! reads as 0. An *epoch* `c@t` is one entry: the time `c` of thread
//! `t`. The check at the heart of the detector, "the access at epoch
//! `c@t` happens before the thread whose clock is `C`", is `c <= C[t]`:
//! O(1) where comparing two vectors is O(threads).

/// A goroutine's dense index.
pub(crate) type Tid = u32;

/// `c@t`: time `c` of thread `t`. Clocks start at 1, so the zero epoch
/// (0@0) happens before everything: "no access yet".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Epoch {
    pub(crate) tid: Tid,
    pub(crate) clock: u32,
}

impl Epoch {
    /// Whether the access at this epoch happens before a thread whose
    /// clock is `vc`.
    #[inline]
    pub(crate) fn before(self, vc: &VClock) -> bool {
        self.clock <= vc.get(self.tid)
    }
}

/// A vector clock.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct VClock(Vec<u32>);

impl VClock {
    #[inline]
    pub(crate) fn get(&self, t: Tid) -> u32 {
        self.0.get(t as usize).copied().unwrap_or(0)
    }

    pub(crate) fn set(&mut self, t: Tid, c: u32) {
        let i = t as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, 0);
        }
        self.0[i] = c;
    }

    /// Advances thread `t`'s own entry (after a release: later accesses
    /// of `t` are not covered by what it released).
    pub(crate) fn tick(&mut self, t: Tid) {
        let c = self.get(t).saturating_add(1);
        self.set(t, c);
    }

    /// `self := self ⊔ other` (pointwise max).
    pub(crate) fn join(&mut self, other: &VClock) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, &b) in self.0.iter_mut().zip(other.0.iter()) {
            *a = (*a).max(b);
        }
    }

    /// Thread `t`'s current epoch.
    #[inline]
    pub(crate) fn epoch(&self, t: Tid) -> Epoch {
        Epoch {
            tid: t,
            clock: self.get(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_and_epochs_order_as_happens_before() {
        let mut a = VClock::default();
        a.set(0, 1);
        let mut b = VClock::default();
        b.set(1, 1);
        let e = a.epoch(0);
        assert!(!e.before(&b), "unsynchronised threads are concurrent");
        b.join(&a);
        assert!(e.before(&b), "after a join, a's past happens before b");
        a.tick(0);
        assert!(!a.epoch(0).before(&b), "a's later accesses are not covered");
        assert!(Epoch::default().before(&VClock::default()));
    }
}
