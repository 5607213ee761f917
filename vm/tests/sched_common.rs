//! A toy executor for the scheduler tests: a goroutine is a boxed state
//! machine (a closure called repeatedly), and the blocking helpers below
//! turn a channel operation into "done" or "return Blocked".
//!
//! Included by the `sched_*` test files with `#[path]`; as a test target
//! of its own it only checks the helpers compile.
#![allow(dead_code)]

use gol_vm::sched::chan::{self, Chan, RecvTicket, SelCase, SelectTicket, SendTicket};
use gol_vm::sched::{ChanError, Config, Executor, Op, PCtx, RunExit, RunOutcome, Sched, Selected};
use std::sync::Arc;

/// What one call of a toy goroutine's closure asks for.
pub enum Step {
    /// Keep running (the executor checks for preemption between steps).
    Go,
    Out(RunOutcome),
}

pub type Body = Box<dyn FnMut(&PCtx<Toy>) -> Step + Send>;

pub struct ToyG {
    pub body: Body,
    /// Steps taken (so tests can see work done).
    pub steps: u64,
}

pub fn g(f: impl FnMut(&PCtx<Toy>) -> Step + Send + 'static) -> ToyG {
    ToyG {
        body: Box::new(f),
        steps: 0,
    }
}

pub struct Toy;

impl Executor for Toy {
    type G = ToyG;
    fn run(&self, g: &mut ToyG, cx: &PCtx<Toy>) -> RunOutcome {
        loop {
            g.steps += 1;
            match (g.body)(cx) {
                Step::Go => {
                    if cx.should_yield() {
                        return RunOutcome::Preempted;
                    }
                }
                Step::Out(o) => return o,
            }
        }
    }
}

pub fn sched(procs: usize) -> Sched<Toy> {
    Sched::new(Toy, Config::new(procs))
}

pub fn run(procs: usize, main: ToyG) -> (RunExit<ToyG>, Sched<Toy>) {
    let s = sched(procs);
    let r = s.run(main);
    (r, s)
}

pub const PROCS: [usize; 3] = [1, 2, 8];

/// A receive that may block.
#[derive(Default)]
pub struct Rx(Option<RecvTicket>);

impl Rx {
    /// `Ok(value, ok)` when done; `Err(outcome)`: return it from the step.
    pub fn step(&mut self, cx: &PCtx<Toy>, c: Option<&Chan>) -> Result<(Vec<u64>, bool), Step> {
        if let Some(t) = &self.0 {
            return match t.poll() {
                Some(r) => {
                    self.0 = None;
                    Ok(r)
                }
                None => Err(Step::Out(RunOutcome::Blocked(
                    gol_vm::sched::WaitReason::ChanReceive,
                ))),
            };
        }
        match chan::recv(cx, c) {
            Op::Ready(r) => Ok(r),
            Op::Park(t, why) => {
                self.0 = Some(t);
                Err(Step::Out(RunOutcome::Blocked(why)))
            }
        }
    }
}

/// A send that may block.
#[derive(Default)]
pub struct Tx(Option<SendTicket>);

impl Tx {
    /// `Ok(Ok(()))` when sent, `Ok(Err(e))` on a Go panic, `Err(step)` to
    /// return from the step.
    pub fn step(
        &mut self,
        cx: &PCtx<Toy>,
        c: Option<&Chan>,
        v: &[u64],
    ) -> Result<Result<(), ChanError>, Step> {
        if let Some(t) = &self.0 {
            return match t.poll() {
                Some(r) => {
                    self.0 = None;
                    Ok(r)
                }
                None => Err(Step::Out(RunOutcome::Blocked(
                    gol_vm::sched::WaitReason::ChanSend,
                ))),
            };
        }
        match chan::send(cx, c, v) {
            Err(e) => Ok(Err(e)),
            Ok(Op::Ready(())) => Ok(Ok(())),
            Ok(Op::Park(t, why)) => {
                self.0 = Some(t);
                Err(Step::Out(RunOutcome::Blocked(why)))
            }
        }
    }
}

/// A select that may block.
#[derive(Default)]
pub struct Sel(Option<SelectTicket>);

impl Sel {
    pub fn step(
        &mut self,
        cx: &PCtx<Toy>,
        cases: &[SelCase<'_>],
        block: bool,
    ) -> Result<Result<Selected, ChanError>, Step> {
        if let Some(t) = &mut self.0 {
            return match t.poll() {
                Some(r) => {
                    self.0 = None;
                    Ok(r)
                }
                None => Err(Step::Out(RunOutcome::Blocked(
                    gol_vm::sched::WaitReason::Select,
                ))),
            };
        }
        match chan::select(cx, cases, block) {
            Err(e) => Ok(Err(e)),
            Ok(Op::Ready(s)) => Ok(Ok(s)),
            Ok(Op::Park(t, why)) => {
                self.0 = Some(t);
                Err(Step::Out(RunOutcome::Blocked(why)))
            }
        }
    }
}

/// A sleep: first call arms the timer and blocks, the second returns.
#[derive(Default)]
pub struct Sleep(bool);

impl Sleep {
    pub fn step(&mut self, cx: &PCtx<Toy>, d: std::time::Duration) -> Result<(), Step> {
        if self.0 {
            self.0 = false;
            return Ok(());
        }
        self.0 = true;
        cx.sleep(d);
        Err(Step::Out(RunOutcome::Blocked(
            gol_vm::sched::WaitReason::Sleep,
        )))
    }
}

/// `?`-style early return from a step closure.
#[macro_export]
macro_rules! try_step {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(step) => return step,
        }
    };
}

pub fn chan(words: usize, cap: usize) -> Arc<Chan> {
    Chan::new(words, cap)
}

#[test]
fn toy_main_returns() {
    let (r, s) = run(2, g(|_| Step::Out(RunOutcome::Done)));
    assert!(matches!(r, RunExit::Done), "{r:?}");
    assert_eq!(gol_vm::sched::Stats::get(&s.stats().spawned), 1);
}
