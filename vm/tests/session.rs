//! A live program a host calls into (`gol_vm::Session`): state and
//! goroutines persist between calls, panics, deadlocks and interrupts end
//! a call and not the session, and the program grows append-only.

use gol_lang::bytecode::{FuncId, Function, Op, Program, Reg};
use gol_vm::stdio::{Host, Stream};
use gol_vm::{CallOutcome, Session, Vm};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SRC: &str = r#"package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

var n int
var s = "hello, " + "constant"
var c = make(chan int)
var q = make(chan int)

func nop() {}

func inc() {
	n++
	fmt.Println("n =", n)
}

func callsInc() { inc() }

func mk() string { return fmt.Sprint("made at n=", n) }

func say(s string) { fmt.Println(s) }

func show() { fmt.Println(s, n) }

func start() {
	go func() {
		for i := 0; ; i++ {
			c <- i
		}
	}()
}

func recv3() { fmt.Println("got", <-c, <-c, <-c) }

func ticker() {
	go func() {
		for i := 0; ; i++ {
			fmt.Println("tick", i)
			time.Sleep(2 * time.Millisecond)
		}
	}()
}

func boom() {
	defer fmt.Println("deferred ran")
	panic("boom")
}

func bgBoom() {
	go func() { panic("background boom") }()
	time.Sleep(20 * time.Millisecond)
}

func stuck() { <-make(chan int) }

func recvQ() { fmt.Println("recvQ got", <-q) }

func sendQ() {
	go func() { q <- 7 }()
	time.Sleep(10 * time.Millisecond)
}

func spin() {
	for {
	}
}

func sleepy() { time.Sleep(time.Hour) }

func parkBg() {
	for i := 0; i < 3; i++ {
		go func() { select {} }()
	}
}

func exit3() { os.Exit(3) }

func badUnlock() {
	var mu sync.Mutex
	mu.Unlock()
}

func bgBadUnlock() {
	go badUnlock()
	time.Sleep(time.Hour)
}

var list []string

func alloc() {
	for i := 0; i < 2000; i++ {
		list = append(list, fmt.Sprint("item ", i))
	}
}

func collect() {
	runtime.GC()
	junk := 0
	for i := 0; i < 100000; i++ {
		junk += len(fmt.Sprint(i))
	}
	runtime.GC()
	fmt.Println(len(list), list[0], list[1999], junk > 0)
}

// Referenced, so the compiler keeps them all.
var keep = []func(){nop, inc, callsInc, show, start, recv3, ticker, boom, bgBoom,
	stuck, recvQ, sendQ, spin, sleepy, parkBg, exit3, alloc, collect,
	badUnlock, bgBadUnlock, func() { say(mk()) }}

func main() {}
"#;

/// Collects the program's output and the runtime's reports.
#[derive(Default)]
struct Capture {
    out: Mutex<Vec<u8>>,
    reports: Mutex<Vec<u8>>,
}

impl Host for Capture {
    fn write(&self, _stream: Stream, b: &[u8]) -> Option<std::io::Result<()>> {
        self.out.lock().unwrap().extend_from_slice(b);
        Some(Ok(()))
    }
    fn report(&self, b: &[u8]) {
        self.reports.lock().unwrap().extend_from_slice(b);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl Capture {
    fn out(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap()).into_owned()
    }
    fn reports(&self) -> String {
        String::from_utf8_lossy(&self.reports.lock().unwrap()).into_owned()
    }
}

fn compile(src: &str) -> Program {
    let checked = gol_lang::check_sources(
        vec![("main.go".to_string(), src.to_string())],
        &gol_stdlib::StdImporter,
    );
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        gol_lang::diag::render_plain(&checked.sources, &checked.diagnostics)
    );
    let program = checked.program.as_ref().expect("checked program");
    gol_lang::codegen::compile(program, &checked.sources).expect("compiles")
}

fn start(prog: Arc<Program>) -> (Session, Arc<Capture>) {
    let mut vm = Vm::new(
        prog,
        &gol_stdlib::natives::resolve,
        gol_stdlib::natives::hooks(),
    )
    .expect("loads");
    let cap = Arc::new(Capture::default());
    vm.set_host(cap.clone());
    // GOMAXPROCS from the environment (the CPU count by default), so the
    // tests run with any number of Ps.
    (Session::start(vm).expect("starts"), cap)
}

fn func(prog: &Program, name: &str) -> FuncId {
    let i = prog
        .funcs
        .iter()
        .position(|f| f.name == name)
        .unwrap_or_else(|| panic!("no function {name}"));
    FuncId(i as u32)
}

/// A session of `SRC`, its package initialised.
fn session() -> (Session, Arc<Capture>, Arc<Program>) {
    let prog = Arc::new(compile(SRC));
    let (s, cap) = start(prog.clone());
    assert_eq!(s.call(prog.entry), CallOutcome::Returned);
    (s, cap, prog)
}

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn a_session_is_shared_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Session>();
    send_sync::<gol_vm::Interrupter>();
}

#[test]
fn nothing_runs_before_the_first_call() {
    let prog = Arc::new(compile(
        "package main\nimport \"fmt\"\nvar x = f()\nfunc f() int { fmt.Println(\"init ran\"); return 1 }\nfunc main() {}\n",
    ));
    let (s, cap) = start(prog.clone());
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(cap.out(), "");
    assert_eq!(s.call(prog.entry), CallOutcome::Returned);
    assert_eq!(cap.out(), "init ran\n");
}

#[test]
fn a_global_persists_between_calls() {
    let (s, cap, prog) = session();
    let inc = func(&prog, "main.inc");
    assert_eq!(s.call(inc), CallOutcome::Returned);
    assert_eq!(s.call(inc), CallOutcome::Returned);
    assert_eq!(s.call(func(&prog, "main.show")), CallOutcome::Returned);
    assert_eq!(cap.out(), "n = 1\nn = 2\nhello, constant 2\n");
}

#[test]
fn a_goroutine_outlives_the_call_that_started_it() {
    let (s, cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.start")), CallOutcome::Returned);
    let recv3 = func(&prog, "main.recv3");
    assert_eq!(s.call(recv3), CallOutcome::Returned);
    assert_eq!(s.call(recv3), CallOutcome::Returned);
    assert_eq!(cap.out(), "got 0 1 2\ngot 3 4 5\n");
}

#[test]
fn a_goroutine_keeps_printing_between_calls() {
    let (s, cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.ticker")), CallOutcome::Returned);
    // No call runs now: the ticker goes on by itself.
    wait_for("five ticks", || cap.out().contains("tick 5\n"));
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Returned);
    let before = cap.out().matches("tick").count();
    wait_for("more ticks", || {
        cap.out().matches("tick").count() > before + 3
    });
    assert!(cap.out().contains("n = 1\n"));
}

#[test]
fn a_panic_ends_the_call_and_not_the_session() {
    let (s, cap, prog) = session();
    match s.call(func(&prog, "main.boom")) {
        CallOutcome::Panicked(text) => {
            assert!(text.starts_with("panic: boom\n"), "{text}");
            assert!(text.contains("main.boom()"), "{text}");
        }
        o => panic!("{o:?}"),
    }
    assert!(cap.reports().starts_with("panic: boom\n"));
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Returned);
    assert_eq!(cap.out(), "deferred ran\nn = 1\n");
}

#[test]
fn a_background_panic_ends_its_goroutine_only() {
    let (s, cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.bgBoom")), CallOutcome::Returned);
    let r = cap.reports();
    assert!(r.starts_with("panic: background boom\n"), "{r}");
    assert!(r.contains("created by main.bgBoom"), "{r}");
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Returned);
    assert_eq!(cap.out(), "n = 1\n");
}

#[test]
fn a_deadlock_abandons_the_call_and_the_session_goes_on() {
    let (s, cap, prog) = session();
    match s.call(func(&prog, "main.stuck")) {
        CallOutcome::Deadlock(text) => {
            assert!(
                text.starts_with("fatal error: all goroutines are asleep - deadlock!\n"),
                "{text}"
            );
            assert!(text.contains("[chan receive]:\nmain.stuck()"), "{text}");
        }
        o => panic!("{o:?}"),
    }
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Returned);
    assert_eq!(cap.out(), "n = 1\n");
    // The abandoned goroutine is not shown.
    assert!(!s.goroutines().contains("main.stuck"));
}

#[test]
fn background_goroutines_asleep_between_calls_are_no_deadlock() {
    let (s, cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.parkBg")), CallOutcome::Returned);
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(cap.reports(), "");
    let dump = s.goroutines();
    assert_eq!(dump.matches("[select (no cases)]").count(), 3, "{dump}");
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Returned);
    assert_eq!(cap.out(), "n = 1\n");
}

#[test]
fn interrupting_a_loop_stops_it_within_milliseconds() {
    let (s, cap, prog) = session();
    let s = Arc::new(s);
    let int = s.interrupter();
    assert!(!int.interrupt(), "no call in progress");
    let spin = func(&prog, "main.spin");
    let t = {
        let s = s.clone();
        std::thread::spawn(move || {
            let o = s.call(spin);
            (o, Instant::now())
        })
    };
    wait_for("the loop to run", || s.goroutines().contains("main.spin()"));
    let asked = Instant::now();
    assert!(int.interrupt());
    let (o, done) = t.join().unwrap();
    assert_eq!(o, CallOutcome::Interrupted);
    let took = done - asked;
    eprintln!("interrupt of a running loop: {took:?}");
    // Milliseconds on an idle machine; the bound leaves room for a loaded
    // one.
    assert!(took < Duration::from_millis(500), "{took:?}");
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Returned);
    assert_eq!(cap.out(), "n = 1\n");
}

#[test]
fn interrupting_a_parked_call_abandons_it() {
    let (s, cap, prog) = session();
    let s = Arc::new(s);
    for (name, wait) in [("main.sleepy", "[sleep]"), ("main.recvQ", "[chan receive]")] {
        let f = func(&prog, name);
        let t = {
            let s = s.clone();
            std::thread::spawn(move || s.call(f))
        };
        wait_for("the call to park", || {
            let d = s.goroutines();
            d.contains(wait) && d.contains(&format!("{name}()"))
        });
        let asked = Instant::now();
        assert!(s.interrupter().interrupt());
        assert_eq!(t.join().unwrap(), CallOutcome::Interrupted, "{name}");
        eprintln!(
            "interrupt of a call parked in {name}: {:?}",
            asked.elapsed()
        );
    }
    // The abandoned receive takes the next value and ends, printing
    // nothing; the session answers.
    assert_eq!(s.call(func(&prog, "main.sendQ")), CallOutcome::Returned);
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Returned);
    assert_eq!(cap.out(), "n = 1\n");
    let dump = s.goroutines();
    assert!(!dump.contains("main.recvQ"), "{dump}");
    assert!(!dump.contains("main.sleepy"), "{dump}");
}

#[test]
fn what_a_call_stores_in_a_global_survives_collections_in_later_calls() {
    let (s, cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.alloc")), CallOutcome::Returned);
    assert_eq!(s.call(func(&prog, "main.collect")), CallOutcome::Returned);
    assert_eq!(s.call(func(&prog, "main.collect")), CallOutcome::Returned);
    assert_eq!(
        cap.out(),
        "2000 item 0 item 1999 true\n2000 item 0 item 1999 true\n"
    );
}

#[test]
fn os_exit_ends_the_session() {
    let (s, _cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.exit3")), CallOutcome::Exited(3));
    assert_eq!(s.call(func(&prog, "main.inc")), CallOutcome::Exited(3));
}

#[test]
fn a_canceller_ends_the_session() {
    let prog = Arc::new(compile(SRC));
    let mut vm = Vm::new(
        prog.clone(),
        &gol_stdlib::natives::resolve,
        gol_stdlib::natives::hooks(),
    )
    .expect("loads");
    let c = gol_vm::Canceller::new();
    vm.set_run_config(gol_vm::RunConfig {
        gomaxprocs: Some(2),
        canceller: Some(c.clone()),
        ..Default::default()
    });
    vm.set_host(Arc::new(Capture::default()));
    let s = Arc::new(Session::start(vm).expect("starts"));
    assert_eq!(s.call(prog.entry), CallOutcome::Returned);
    let spin = func(&prog, "main.spin");
    let t = {
        let s = s.clone();
        std::thread::spawn(move || s.call(spin))
    };
    wait_for("the loop to run", || s.goroutines().contains("main.spin()"));
    assert!(c.cancel());
    assert!(matches!(t.join().unwrap(), CallOutcome::Fatal(_)));
    assert!(matches!(
        s.call(func(&prog, "main.inc")),
        CallOutcome::Fatal(_)
    ));
    assert!(!c.running());
}

#[test]
fn a_fatal_error_ends_the_session_with_its_report() {
    for f in ["main.badUnlock", "main.bgBadUnlock"] {
        let (s, cap, prog) = session();
        match s.call(func(&prog, f)) {
            CallOutcome::Fatal(text) => {
                assert!(
                    text.starts_with("fatal error: sync: unlock of unlocked mutex"),
                    "{f}: {text}"
                );
            }
            o => panic!("{f}: {o:?}"),
        }
        assert!(cap.reports().contains("unlock of unlocked mutex"));
        assert!(matches!(
            s.call(func(&prog, "main.inc")),
            CallOutcome::Fatal(_)
        ));
    }
}

#[test]
fn a_bad_function_is_refused() {
    let (s, _cap, prog) = session();
    assert!(matches!(
        s.call(FuncId(prog.funcs.len() as u32)),
        CallOutcome::Refused(_)
    ));
}

#[test]
fn dropping_a_session_with_parked_goroutines_is_prompt() {
    let (s, _cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.parkBg")), CallOutcome::Returned);
    assert_eq!(s.call(func(&prog, "main.start")), CallOutcome::Returned);
    assert_eq!(s.call(func(&prog, "main.ticker")), CallOutcome::Returned);
    let t = Instant::now();
    drop(s);
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

#[test]
fn the_scheduler_summary_names_ps_and_ms() {
    let (s, _cap, _prog) = session();
    let sum = s.sched_summary();
    assert!(sum.starts_with("SCHED "), "{sum}");
    let procs = std::env::var("GOMAXPROCS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    assert!(sum.contains(&format!("gomaxprocs={procs}")), "{sum}");
    for p in 0..procs {
        assert!(sum.contains(&format!("  P{p}: ")), "{sum}");
    }
    assert!(sum.contains("  M0: "), "{sum}");
}

/// `prog` plus a function `main.extra` that calls `callee` and returns,
/// built by hand as a compiler would append it.
fn with_extra(prog: &Program, callee: FuncId) -> Program {
    let mut next = prog.clone();
    let model = &prog.funcs[func(prog, "main.callsInc").0 as usize];
    let base = match model.code.iter().find(|op| matches!(op, Op::Call { .. })) {
        Some(Op::Call { base, .. }) => *base,
        _ => Reg(0),
    };
    next.funcs.push(Function {
        name: "main.extra".into(),
        code: vec![Op::Call { f: callee, base }, Op::Return { a: Reg(0), n: 0 }],
        lines: vec![1, 1],
        file: model.file,
        file_runs: Vec::new(),
        param_words: 0,
        result_words: 0,
        frame_words: model.frame_words,
        recover_pc: 1,
    });
    next.strings.push(b"a new string".to_vec());
    next.global_words += 4;
    next
}

#[test]
fn a_grown_program_calls_old_code_and_keeps_state() {
    let (s, cap, prog) = session();
    let inc = func(&prog, "main.inc");
    assert_eq!(s.call(inc), CallOutcome::Returned);
    assert_eq!(s.call(func(&prog, "main.start")), CallOutcome::Returned);
    let next = Arc::new(with_extra(&prog, inc));
    let t = Instant::now();
    s.grow(next.clone(), &gol_stdlib::natives::resolve)
        .expect("grows");
    eprintln!(
        "grow of a program of {} functions: {:?}",
        next.funcs.len(),
        t.elapsed()
    );
    assert_eq!(s.program().funcs.len(), prog.funcs.len() + 1);
    assert_eq!(s.call(func(&next, "main.extra")), CallOutcome::Returned);
    // Old strings (the global `s` points into the constant table) and the
    // goroutine started before the growth are intact.
    assert_eq!(s.call(func(&next, "main.show")), CallOutcome::Returned);
    assert_eq!(s.call(func(&next, "main.recv3")), CallOutcome::Returned);
    assert_eq!(cap.out(), "n = 1\nn = 2\nhello, constant 2\ngot 0 1 2\n");
}

/// A hand-built function of two instructions and a `Return`.
fn hand_built(name: &str, file: u32, code: [Op; 2]) -> Function {
    let mut code = code.to_vec();
    code.push(Op::Return { a: Reg(0), n: 0 });
    Function {
        name: name.into(),
        lines: vec![1; code.len()],
        code,
        file,
        file_runs: Vec::new(),
        param_words: 0,
        result_words: 0,
        frame_words: 2,
        recover_pc: 2,
    }
}

#[test]
fn a_grown_programs_new_variable_is_a_root() {
    let (s, cap, prog) = session();
    let (mk, say) = (func(&prog, "main.mk"), func(&prog, "main.say"));
    let file = prog.funcs[mk.0 as usize].file;
    // A string variable two words past the old ones (what the old
    // program's roots did not cover).
    let g = prog.global_words + 2;
    let mut next = (*prog).clone();
    next.global_words += 4;
    next.funcs.push(hand_built(
        "main.store",
        file,
        [
            Op::Call {
                f: mk,
                base: Reg(0),
            },
            Op::StoreGlobal { g, a: Reg(0), n: 2 },
        ],
    ));
    next.funcs.push(hand_built(
        "main.load",
        file,
        [
            Op::LoadGlobal { d: Reg(0), g, n: 2 },
            Op::Call {
                f: say,
                base: Reg(0),
            },
        ],
    ));
    let next = Arc::new(next);
    s.grow(next.clone(), &gol_stdlib::natives::resolve)
        .expect("grows");
    assert_eq!(s.call(func(&next, "main.store")), CallOutcome::Returned);
    for _ in 0..3 {
        assert_eq!(s.call(func(&next, "main.alloc")), CallOutcome::Returned);
        assert_eq!(s.call(func(&next, "main.collect")), CallOutcome::Returned);
    }
    assert_eq!(s.call(func(&next, "main.load")), CallOutcome::Returned);
    let out = cap.out();
    assert!(out.ends_with("true\nmade at n=0\n"), "{out}");
}

#[test]
fn a_growth_that_changes_old_code_is_refused() {
    let (s, _cap, prog) = session();
    let inc = func(&prog, "main.inc");
    let mut bad = with_extra(&prog, inc);
    bad.funcs[inc.0 as usize]
        .code
        .insert(0, Op::Return { a: Reg(0), n: 0 });
    bad.funcs[inc.0 as usize].lines.insert(0, 1);
    let err = s
        .grow(Arc::new(bad), &gol_stdlib::natives::resolve)
        .unwrap_err();
    assert!(err.contains("changes functions"), "{err}");
    let mut shrunk = (*prog).clone();
    shrunk.strings.pop();
    let err = s
        .grow(Arc::new(shrunk), &gol_stdlib::natives::resolve)
        .unwrap_err();
    assert!(err.contains("fewer strings"), "{err}");
    // Still the old program, still running.
    assert_eq!(s.program().funcs.len(), prog.funcs.len());
    assert_eq!(s.call(inc), CallOutcome::Returned);
}

#[test]
fn call_round_trip() {
    let (s, _cap, prog) = session();
    let nop = func(&prog, "main.nop");
    let mut times: Vec<Duration> = (0..100)
        .map(|_| {
            let t = Instant::now();
            assert_eq!(s.call(nop), CallOutcome::Returned);
            t.elapsed()
        })
        .collect();
    times.sort();
    eprintln!(
        "call round trip: median {:?}, max {:?}",
        times[50], times[99]
    );
    // Microseconds on an idle machine (GOL_GCSTRESS collects at every
    // safepoint, a loaded machine delays the Ms' wakeups).
    assert!(times[50] < Duration::from_millis(200), "{:?}", times[50]);
}

/// An idle session, for `/usr/bin/time -f %M` of this test alone.
#[test]
fn idle_session() {
    let (s, _cap, prog) = session();
    assert_eq!(s.call(func(&prog, "main.parkBg")), CallOutcome::Returned);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(s.call(func(&prog, "main.nop")), CallOutcome::Returned);
}
