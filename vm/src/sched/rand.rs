//! Cheap per-M randomness (Go's `cheaprand`) and the random victim order
//! used by work stealing (Go's `randomOrder`).
//!
//! Each M owns one generator state, so no atomics are involved. The
//! generator is wyrand: one multiply and one xor per draw, good enough for
//! choosing victims and shuffling select cases; it is not for security.
//!
//! `RandomOrder` enumerates 0..n in a pseudo-random order without
//! allocating: start at a random position and step by a random increment
//! coprime with n, so every index is visited exactly once.

use std::cell::Cell;

/// One M's generator.
pub struct Rng(Cell<u64>);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(Cell::new(seed ^ 0x9e37_79b9_7f4a_7c15))
    }

    /// Starts the sequence of `seed` again (a seeded schedule's slice).
    pub fn reseed(&self, seed: u64) {
        self.0.set(seed ^ 0x9e37_79b9_7f4a_7c15);
    }

    pub fn next_u64(&self) -> u64 {
        let s = self.0.get().wrapping_add(0xa076_1d64_78bd_642f);
        self.0.set(s);
        let t = (s as u128).wrapping_mul((s ^ 0xe703_7ed1_a0b4_28db) as u128);
        ((t >> 64) as u64) ^ (t as u64)
    }

    /// A number in 0..n (n > 0), by Lemire's multiply-shift.
    pub fn below(&self, n: u32) -> u32 {
        ((self.next_u64() as u32 as u64 * n as u64) >> 32) as u32
    }
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// A walk over 0..n that visits every index once, in a random order.
pub struct RandomOrder {
    n: usize,
    pos: usize,
    inc: usize,
    left: usize,
}

impl RandomOrder {
    pub fn new(n: usize, rng: &Rng) -> RandomOrder {
        if n == 0 {
            return RandomOrder {
                n,
                pos: 0,
                inc: 1,
                left: 0,
            };
        }
        let pos = rng.below(n as u32) as usize;
        // Increments coprime with n: try random ones; 1 always qualifies.
        let mut inc = 1;
        for _ in 0..4 {
            let c = 1 + rng.below(n as u32) as usize;
            if gcd(c, n) == 1 {
                inc = c;
                break;
            }
        }
        RandomOrder {
            n,
            pos,
            inc,
            left: n,
        }
    }
}

impl Iterator for RandomOrder {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let r = self.pos;
        self.pos = (self.pos + self.inc) % self.n;
        Some(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_order_visits_each_index_once() {
        let rng = Rng::new(7);
        for n in 0..40 {
            for _ in 0..20 {
                let mut seen: Vec<usize> = RandomOrder::new(n, &rng).collect();
                seen.sort_unstable();
                assert_eq!(seen, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn below_stays_in_range_and_spreads() {
        let rng = Rng::new(1);
        let mut hits = [0u32; 5];
        for _ in 0..5000 {
            hits[rng.below(5) as usize] += 1;
        }
        assert!(hits.iter().all(|&h| h > 800), "{hits:?}");
    }
}
