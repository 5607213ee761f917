//! Vector clocks and epochs (FastTrack's two representations of time).
//!
//! Time is counted per *slot* (`Sid`), not per goroutine: the detector
//! has at most [`SLOTS`] slots, each a timeline of epochs handed out in
//! increasing order to the goroutines attached to it one after another
//! (the module docs of `race` say when a slot changes hands). A vector
//! clock maps every slot to the last time of that slot this goroutine has
//! synchronised with; an absent slot reads as 0. An *epoch* `c@s` is one
//! entry: time `c` of slot `s`. The check at the heart of the detector,
//! "the access at epoch `c@s` happens before the goroutine whose clock is
//! `C`", is `c <= C[s]`: O(1) where comparing two vectors is O(slots).

/// A slot's index, below [`SLOTS`].
pub(crate) type Sid = u32;

/// How many slots there are (TSan v3 has 256 too): the bound on a
/// vector clock's length, whatever the number of goroutines.
pub(crate) const SLOTS: usize = 256;

/// `c@s`: time `c` of slot `s`. A slot's first epoch is 1, so the zero
/// epoch (0@0) happens before everything: "no access yet".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Epoch {
    pub(crate) sid: Sid,
    pub(crate) clock: u32,
}

/// The bits of a packed epoch ([`Epoch::bits`]): the clock in the low 32,
/// the slot in the next 16; shadow words keep flags above them.
pub(crate) const EPOCH_BITS: u64 = (1 << 48) - 1;

impl Epoch {
    /// Whether the access at this epoch happens before a goroutine whose
    /// clock is `vc`.
    #[inline]
    pub(crate) fn before(self, vc: &VClock) -> bool {
        self.clock <= vc.get(self.sid)
    }

    /// The epoch packed in 48 bits (slots are fewer than 2^16).
    #[inline]
    pub(crate) fn bits(self) -> u64 {
        (self.sid as u64) << 32 | self.clock as u64
    }

    /// The epoch in the low 48 bits of `w`.
    #[inline]
    pub(crate) fn from_bits(w: u64) -> Epoch {
        Epoch {
            sid: ((w & EPOCH_BITS) >> 32) as Sid,
            clock: w as u32,
        }
    }
}

/// A vector clock, sparse: (slot, time) pairs sorted by slot, the absent
/// ones 0. At most [`SLOTS`] entries, and usually a few: the slots of the
/// goroutines this one has synchronised with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct VClock(Vec<(Sid, u32)>);

impl VClock {
    /// The clock with no entry.
    pub(crate) const EMPTY: VClock = VClock(Vec::new());

    #[inline]
    pub(crate) fn get(&self, t: Sid) -> u32 {
        match self.0.binary_search_by_key(&t, |e| e.0) {
            Ok(i) => self.0[i].1,
            Err(_) => 0,
        }
    }

    /// Sets slot `t`'s entry (only ever raised: callers pass a time at
    /// least the current one).
    pub(crate) fn set(&mut self, t: Sid, c: u32) {
        match self.0.binary_search_by_key(&t, |e| e.0) {
            Ok(i) => self.0[i].1 = c,
            Err(i) => self.0.insert(i, (t, c)),
        }
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

    /// Slot `t`'s entry as an epoch (the goroutine's current epoch when
    /// `t` is its own slot).
    #[inline]
    pub(crate) fn epoch(&self, t: Sid) -> Epoch {
        Epoch {
            sid: t,
            clock: self.get(t),
        }
    }

    /// How many slots have an entry.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.0.len()
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
        a.set(0, 2);
        assert!(!a.epoch(0).before(&b), "a's later accesses are not covered");
        assert!(Epoch::default().before(&VClock::default()));
        let e = Epoch {
            sid: 255,
            clock: u32::MAX,
        };
        assert_eq!(Epoch::from_bits(e.bits() | 1 << 48), e, "flags above");
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
