//! Leftmost-longest matching for `regexp.CompilePOSIX` and
//! `(*Regexp).Longest`: a Pike VM with Go's rules, over the pattern the
//! `regex` crate compiled (parsed again by `regex-syntax`, the crate's own
//! parser, into its HIR).
//!
//! The `regex` crate has leftmost-first semantics only (its `MatchKind`
//! says leftmost-longest is not supported), so the longest mode is a
//! separate engine. It follows Go's `regexp/exec.go` in longest mode:
//!
//! 1. threads run in lockstep over the input, one per program counter,
//!    in priority order (a greedy repetition prefers another round, an
//!    alternation its left branch); a new thread starts at each position
//!    until a match is found, with the lowest priority;
//! 2. a thread that reaches `Match` records its submatches when nothing
//!    was recorded yet or it ends later than the recorded match (so of two
//!    matches with the same end, the one of higher priority stays);
//! 3. once a match is recorded, threads that started after it are dropped,
//!    and the search ends when no thread is left.
//!
//! The overall match is thus the leftmost, and of those the longest; the
//! submatches are those of the highest-priority thread giving it, as in
//! Go. Time is linear in the input times the program's size (each
//! program counter holds at most one thread per position).
//!
//! The program is compiled from the HIR once per pattern, on the first
//! longest search, and kept with the crate's `Regex` (regexp.rs).

use crate::format::runes::decode_rune;
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One instruction; `usize` fields are the next instruction's index.
#[derive(Debug)]
enum Inst {
    /// A rune in one of the (inclusive) ranges.
    Class(Vec<(u32, u32)>, usize),
    /// Both: the first has priority.
    Split(usize, usize),
    /// Records the position in capture slot `.0`.
    Save(usize, usize),
    /// An empty-width assertion.
    Look(Look, usize),
    Match,
}

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Prog {
    insts: Vec<Inst>,
    start: usize,
    /// Capture slots: two per group, group 0 being the whole match.
    slots: usize,
}

/// Instructions above this are refused (counted repetitions multiply a
/// pattern): the search reports no support instead of using the memory.
const MAX_INSTS: usize = 1 << 20;

/// Compiles the crate's pattern `pat` (regexp.rs's translation of Go's).
pub(crate) fn compile(pat: &str) -> Result<Prog, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .octal(true)
        .nest_limit(super::regexp::NEST_LIMIT)
        .build()
        .parse(pat)
        .map_err(|e| e.to_string())?;
    let mut c = Compiler {
        insts: vec![Inst::Match],
        groups: 1,
    };
    // Group 0's start is saved first; its end is the position at which
    // the VM reaches Match (instruction 0).
    let body = c.c(&hir, 0)?;
    let start = c.push(Inst::Save(0, body))?;
    let slots = 2 * c.groups;
    let insts = c.insts;
    Ok(Prog {
        insts,
        start,
        slots,
    })
}

struct Compiler {
    insts: Vec<Inst>,
    /// Groups seen (group 0 included).
    groups: usize,
}

impl Compiler {
    fn push(&mut self, i: Inst) -> Result<usize, String> {
        if self.insts.len() >= MAX_INSTS {
            return Err("pattern too large for leftmost-longest matching".into());
        }
        self.insts.push(i);
        Ok(self.insts.len() - 1)
    }

    /// Compiles `h` followed by `next`; returns its entry.
    fn c(&mut self, h: &Hir, next: usize) -> Result<usize, String> {
        match h.kind() {
            HirKind::Empty => Ok(next),
            HirKind::Literal(lit) => {
                let runes: Vec<u32> = match std::str::from_utf8(&lit.0) {
                    Ok(s) => s.chars().map(|c| c as u32).collect(),
                    Err(_) => lit.0.iter().map(|&b| b as u32).collect(),
                };
                let mut at = next;
                for &r in runes.iter().rev() {
                    at = self.push(Inst::Class(vec![(r, r)], at))?;
                }
                Ok(at)
            }
            HirKind::Class(Class::Unicode(cls)) => {
                let rs = cls
                    .ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32))
                    .collect();
                self.push(Inst::Class(rs, next))
            }
            HirKind::Class(Class::Bytes(cls)) => {
                let rs = cls
                    .ranges()
                    .iter()
                    .map(|r| (r.start() as u32, r.end() as u32))
                    .collect();
                self.push(Inst::Class(rs, next))
            }
            HirKind::Look(look) => self.push(Inst::Look(*look, next)),
            HirKind::Capture(cap) => {
                let k = cap.index as usize;
                self.groups = self.groups.max(k + 1);
                let end = self.push(Inst::Save(2 * k + 1, next))?;
                let body = self.c(&cap.sub, end)?;
                self.push(Inst::Save(2 * k, body))
            }
            HirKind::Concat(hs) => {
                let mut at = next;
                for h in hs.iter().rev() {
                    at = self.c(h, at)?;
                }
                Ok(at)
            }
            HirKind::Alternation(hs) => {
                // Split(h0, Split(h1, ... hn)).
                let mut at = self.c(hs.last().ok_or("empty alternation")?, next)?;
                for h in hs.iter().rev().skip(1) {
                    let e = self.c(h, next)?;
                    at = self.push(Inst::Split(e, at))?;
                }
                Ok(at)
            }
            HirKind::Repetition(rep) => {
                let mut at = next;
                let mut min = rep.min;
                let pick = |a: usize, b: usize| {
                    if rep.greedy {
                        Inst::Split(a, b)
                    } else {
                        Inst::Split(b, a)
                    }
                };
                match rep.max {
                    None if min > 0 || rep.sub.properties().minimum_len() == Some(0) => {
                        // Go's x+ (x{n,} is n-1 copies of x, then x+): x,
                        // then Split(back to x, next). A star over a body
                        // that can match empty is Go's (x+)?, so the body
                        // runs once before the loop may exit (Go's issue
                        // 46123: the priority order of its submatches).
                        let l = self.push(Inst::Split(0, 0))?;
                        let body = self.c(&rep.sub, l)?;
                        self.insts[l] = pick(body, next);
                        at = if min == 0 {
                            self.push(pick(body, next))?
                        } else {
                            min -= 1;
                            body
                        };
                    }
                    None => {
                        // L: Split(sub -> L, next), greedy preferring sub.
                        let l = self.push(Inst::Split(0, 0))?;
                        let body = self.c(&rep.sub, l)?;
                        self.insts[l] = pick(body, next);
                        at = l;
                    }
                    Some(max) => {
                        // max - min optional copies, each inside the one
                        // before: (sub(sub(sub)?)?)?
                        for _ in rep.min..max {
                            let body = self.c(&rep.sub, at)?;
                            at = self.push(pick(body, next))?;
                        }
                    }
                }
                for _ in 0..min {
                    at = self.c(&rep.sub, at)?;
                }
                Ok(at)
            }
        }
    }
}

/// The rune before position `i` of `s` (None at the start).
fn rune_before(s: &[u8], i: usize) -> Option<u32> {
    if i == 0 {
        return None;
    }
    let mut j = i - 1;
    while j > 0 && i - j < 4 && s[j] & 0xC0 == 0x80 {
        j -= 1;
    }
    let (r, w) = decode_rune(&s[j..i]);
    if j + w.max(1) == i {
        Some(r)
    } else {
        Some(0xFFFD)
    }
}

fn is_word_ascii(r: Option<u32>) -> bool {
    r.is_some_and(|r| r < 128 && (r as u8 == b'_' || (r as u8).is_ascii_alphanumeric()))
}

fn is_word_unicode(r: Option<u32>) -> bool {
    r.and_then(char::from_u32)
        .is_some_and(|c| c == '_' || c.is_alphanumeric())
}

/// Whether `look` holds between runes `before` and `after` (None: the
/// text's start or end).
fn look_holds(look: Look, before: Option<u32>, after: Option<u32>) -> bool {
    let nl = Some('\n' as u32);
    match look {
        Look::Start => before.is_none(),
        Look::End => after.is_none(),
        Look::StartLF => before.is_none() || before == nl,
        Look::EndLF => after.is_none() || after == nl,
        Look::WordAscii => is_word_ascii(before) != is_word_ascii(after),
        Look::WordAsciiNegate => is_word_ascii(before) == is_word_ascii(after),
        Look::WordUnicode => is_word_unicode(before) != is_word_unicode(after),
        Look::WordUnicodeNegate => is_word_unicode(before) == is_word_unicode(after),
        _ => false,
    }
}

/// One thread list: the program counters visited, in priority order, and
/// the capture slots of those that hold a thread (a sparse set: each pc
/// at most once).
struct Threads {
    dense: Vec<usize>,
    caps: Vec<Vec<i64>>,
    on: Vec<bool>,
}

impl Threads {
    fn new(n: usize) -> Self {
        Threads {
            dense: Vec::new(),
            caps: vec![Vec::new(); n],
            on: vec![false; n],
        }
    }
    fn clear(&mut self) {
        for &pc in &self.dense {
            self.on[pc] = false;
        }
        self.dense.clear();
    }
}

impl Prog {
    /// Adds the thread at `pc` (and what its empty transitions reach) to
    /// `q`, in priority order: a depth-first walk with its own stack (a
    /// program may chain thousands of empty transitions; the native's
    /// thread stack is not the place for them).
    fn add(
        &self,
        q: &mut Threads,
        pc: usize,
        caps: &mut [i64],
        at: (usize, Option<u32>, Option<u32>),
    ) {
        enum Job {
            Visit(usize),
            Restore(usize, i64),
        }
        let mut stack = vec![Job::Visit(pc)];
        while let Some(job) = stack.pop() {
            let pc = match job {
                Job::Restore(slot, old) => {
                    caps[slot] = old;
                    continue;
                }
                Job::Visit(pc) => pc,
            };
            if q.on[pc] {
                continue;
            }
            q.on[pc] = true;
            // Every pc visited is listed (so `clear` unmarks it); only
            // `Class` and `Match` hold a thread the step runs.
            q.dense.push(pc);
            match &self.insts[pc] {
                Inst::Split(a, b) => {
                    stack.push(Job::Visit(*b));
                    stack.push(Job::Visit(*a));
                }
                Inst::Save(slot, next) => {
                    stack.push(Job::Restore(*slot, caps[*slot]));
                    caps[*slot] = at.0 as i64;
                    stack.push(Job::Visit(*next));
                }
                Inst::Look(look, next) => {
                    if look_holds(*look, at.1, at.2) {
                        stack.push(Job::Visit(*next));
                    }
                }
                Inst::Class(..) | Inst::Match => {
                    q.caps[pc].clear();
                    q.caps[pc].extend_from_slice(caps);
                }
            }
        }
    }

    /// The leftmost-longest match of `s` starting the search at `pos`:
    /// its submatch positions (-1 for a group that did not take part), or
    /// None.
    pub(crate) fn find(&self, s: &[u8], pos: usize) -> Option<Vec<i64>> {
        let n = self.insts.len();
        let mut run = Threads::new(n);
        let mut next = Threads::new(n);
        let mut matched: Option<Vec<i64>> = None;
        let mut caps = vec![-1i64; self.slots];
        let mut i = pos;
        loop {
            let before = rune_before(s, i);
            let (after, w) = if i < s.len() {
                let (r, w) = decode_rune(&s[i..]);
                (Some(r), w.max(1))
            } else {
                (None, 0)
            };
            if matched.is_none() {
                caps.iter_mut().for_each(|c| *c = -1);
                self.add(&mut run, self.start, &mut caps, (i, before, after));
            } else if run.dense.is_empty() {
                break;
            }
            if run.dense.is_empty() && i >= s.len() {
                break;
            }
            // Step: each thread in priority order.
            let after_next = if i + w < s.len() {
                Some(decode_rune(&s[i + w..]).0)
            } else {
                None
            };
            for k in 0..run.dense.len() {
                let pc = run.dense[k];
                if !matches!(self.insts[pc], Inst::Class(..) | Inst::Match) {
                    continue;
                }
                let tcaps = std::mem::take(&mut run.caps[pc]);
                if let Some(m) = &matched {
                    if tcaps[0] > m[0] {
                        run.caps[pc] = tcaps;
                        continue;
                    }
                }
                match &self.insts[pc] {
                    Inst::Match => {
                        let better = match &matched {
                            None => true,
                            Some(m) => m[1] < i as i64,
                        };
                        if better {
                            let mut m = tcaps.clone();
                            m[1] = i as i64;
                            matched = Some(m);
                        }
                    }
                    Inst::Class(ranges, to) => {
                        if let Some(r) = after {
                            if ranges.iter().any(|&(lo, hi)| lo <= r && r <= hi) {
                                let mut c = tcaps.clone();
                                self.add(&mut next, *to, &mut c, (i + w, after, after_next));
                            }
                        }
                    }
                    _ => {}
                }
                run.caps[pc] = tcaps;
            }
            std::mem::swap(&mut run, &mut next);
            next.clear();
            if i >= s.len() {
                break;
            }
            i += w;
        }
        matched
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(pat: &str, s: &str) -> Option<Vec<i64>> {
        compile(pat).unwrap().find(s.as_bytes(), 0)
    }

    #[test]
    fn the_longest_alternative_wins() {
        assert_eq!(find("a|ab", "ab"), Some(vec![0, 2]));
        assert_eq!(find("(a|ab)(c|bcd)", "abcd"), Some(vec![0, 4, 0, 1, 1, 4]));
        assert_eq!(find("a*?", "aaa"), Some(vec![0, 3]));
        assert_eq!(find("x", "ab"), None);
        assert_eq!(find("b+", "abbbc"), Some(vec![1, 4]));
    }

    #[test]
    fn empty_width_assertions_see_the_context() {
        assert_eq!(find(r"(?-u:\b)b", "ab b"), Some(vec![3, 4]));
        assert_eq!(find("^a", "ba"), None);
        assert_eq!(find("a$", "aa"), Some(vec![1, 2]));
    }
}
