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

/// A vector clock, sparse: (thread, time) pairs sorted by thread, the
/// absent ones 0. Dense vectors cost every goroutine a word per goroutine
/// ever created (a program that parks 200,000 goroutines would hold
/// 200,000 clocks of 200,000 entries); a goroutine's clock holds only
/// the threads it has synchronised with, usually a few.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct VClock(Vec<(Tid, u32)>);

impl VClock {
    #[inline]
    pub(crate) fn get(&self, t: Tid) -> u32 {
        match self.0.binary_search_by_key(&t, |e| e.0) {
            Ok(i) => self.0[i].1,
            Err(_) => 0,
        }
    }

    pub(crate) fn set(&mut self, t: Tid, c: u32) {
        match self.0.binary_search_by_key(&t, |e| e.0) {
            Ok(i) => self.0[i].1 = c,
            Err(i) => self.0.insert(i, (t, c)),
        }
    }

    /// Advances thread `t`'s own entry (after a release: later accesses
    /// of `t` are not covered by what it released).
    pub(crate) fn tick(&mut self, t: Tid) {
        let c = self.get(t).saturating_add(1);
        self.set(t, c);
    }

    /// `self := self ⊔ other` (pointwise max). In place when every
    /// thread of `other` is already in `self` (the steady state of a
    /// goroutine that keeps synchronising with the same others).
    pub(crate) fn join(&mut self, other: &VClock) {
        let (a, b) = (&mut self.0, &other.0);
        let mut i = 0;
        let mut in_place = true;
        for &(t, c) in b {
            while i < a.len() && a[i].0 < t {
                i += 1;
            }
            if i < a.len() && a[i].0 == t {
                a[i].1 = a[i].1.max(c);
            } else {
                in_place = false;
            }
        }
        if in_place {
            return;
        }
        // Entries updated above are already maxed: the merge keeps them.
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => {
                    out.push(a[i]);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push(b[j]);
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    out.push((a[i].0, a[i].1.max(b[j].1)));
                    i += 1;
                    j += 1;
                }
            }
        }
        out.extend_from_slice(&a[i..]);
        out.extend_from_slice(&b[j..]);
        *a = out;
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

    #[test]
    fn sparse_join_is_the_pointwise_max() {
        let mut a = VClock::default();
        a.set(5, 3);
        a.set(1, 7);
        let mut b = VClock::default();
        b.set(5, 4);
        b.set(9, 2);
        b.set(0, 1);
        a.join(&b);
        assert_eq!(
            (a.get(0), a.get(1), a.get(5), a.get(9), a.get(3)),
            (1, 7, 4, 2, 0)
        );
        assert_eq!(a.0, vec![(0, 1), (1, 7), (5, 4), (9, 2)], "sorted");
        // In place: every thread of b is in a.
        let mut c = VClock::default();
        c.set(5, 9);
        a.join(&c);
        assert_eq!(a.get(5), 9);
        assert_eq!(a.0.len(), 4);
    }
}
