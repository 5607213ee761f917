//! `GODEBUG=gctrace=1`: one line per collection cycle on stderr, in Go's
//! format, and what the line says about the cycle (concurrent mark or,
//! with `gcstoptheworld=1`, a mark inside the pause).

use std::process::Command;

/// Allocates garbage for many cycles while keeping a little live, then
/// forces one more with runtime.GC.
const PROGRAM: &str = r#"package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next *node
	val  [6]int
}

func main() {
	var keep *node
	total := 0
	for i := 0; i < 400000; i++ {
		n := &node{next: keep}
		n.val[i%6] = i
		total += n.val[i%6]
		if i%50 == 0 {
			keep = n
		}
		if i%20000 == 0 {
			keep = nil
		}
	}
	runtime.GC()
	fmt.Println(total)
}
"#;

/// One parsed trace line.
#[derive(Debug)]
struct Line {
    cycle: u64,
    clock_ms: [f64; 3],
    cpu_fields: usize,
    heap_mb: [u64; 3],
    procs: u64,
    forced: bool,
}

/// Parses Go's format: `gc N @T s P%: a+b+c ms clock, d+e/f/g+h ms cpu,
/// X->Y->Z MB, G MB goal, S MB stacks, 0 MB globals, N P[ (forced)]`.
fn parse(line: &str) -> Option<Line> {
    let rest = line.strip_prefix("gc ")?;
    let (cycle, rest) = rest.split_once(" @")?;
    let (at, rest) = rest.split_once("s ")?;
    at.parse::<f64>().ok()?;
    let (pct, rest) = rest.split_once("%: ")?;
    pct.parse::<u64>().ok()?;
    let (clock, rest) = rest.split_once(" ms clock, ")?;
    let clock: Vec<f64> = clock.split('+').filter_map(|x| x.parse().ok()).collect();
    let (cpu, rest) = rest.split_once(" ms cpu, ")?;
    let cpu_fields = cpu
        .split(['+', '/'])
        .filter(|x| x.parse::<f64>().is_ok())
        .count();
    let (heap, rest) = rest.split_once(" MB, ")?;
    let heap: Vec<u64> = heap.split("->").filter_map(|x| x.parse().ok()).collect();
    let (goal, rest) = rest.split_once(" MB goal, ")?;
    goal.parse::<u64>().ok()?;
    let (stacks, rest) = rest.split_once(" MB stacks, ")?;
    stacks.parse::<u64>().ok()?;
    let rest = rest.strip_prefix("0 MB globals, ")?;
    let (procs, tail) = rest.split_once(" P")?;
    if clock.len() != 3 || heap.len() != 3 || !(tail.is_empty() || tail == " (forced)") {
        return None;
    }
    Some(Line {
        cycle: cycle.parse().ok()?,
        clock_ms: [clock[0], clock[1], clock[2]],
        cpu_fields,
        heap_mb: [heap[0], heap[1], heap[2]],
        procs: procs.parse().ok()?,
        forced: tail == " (forced)",
    })
}

/// Runs the program with `GODEBUG` set; its parsed trace lines.
fn trace(godebug: &str) -> Vec<Line> {
    let dir = std::env::temp_dir().join(format!("gol-gctrace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{}.go", godebug.replace([',', '='], "_")));
    std::fs::write(&path, PROGRAM).expect("write program");
    let out = Command::new(env!("CARGO_BIN_EXE_gol"))
        .arg("run")
        .arg(&path)
        .env("GODEBUG", godebug)
        .env("GOMAXPROCS", "2")
        .output()
        .expect("the gol binary runs");
    assert!(out.status.success(), "gol exited with {}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "79999800000\n");
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines()
        .map(|l| parse(l).unwrap_or_else(|| panic!("not a gctrace line: {l:?}")))
        .collect()
}

/// The properties every trace has: cycles numbered from 1, five CPU
/// figures, the Ps, and the forced cycle last.
fn check_common(lines: &[Line]) {
    assert!(lines.len() >= 3, "only {} cycles", lines.len());
    for (k, l) in lines.iter().enumerate() {
        assert_eq!(l.cycle, k as u64 + 1, "cycle numbers: {lines:?}");
        assert_eq!(l.cpu_fields, 5, "{l:?}");
        assert_eq!(l.procs, 2, "{l:?}");
        // Marked live heap never exceeds the heap at the end of mark.
        assert!(l.heap_mb[2] <= l.heap_mb[1], "{l:?}");
    }
    let last = lines.last().expect("a line");
    assert!(last.forced, "runtime.GC's cycle says (forced): {last:?}");
    assert!(lines[..lines.len() - 1].iter().all(|l| !l.forced));
}

#[test]
fn concurrent_cycles_mark_while_the_program_runs() {
    let lines = trace("gctrace=1");
    check_common(&lines);
    // Cycles started by allocation mark concurrently: their middle clock
    // (the concurrent mark) is the phase that takes time.
    let auto = &lines[..lines.len() - 1];
    assert!(
        auto.iter().all(|l| l.clock_ms[1] > 0.0),
        "a concurrent mark with no duration: {auto:?}"
    );
}

#[test]
fn gcstoptheworld_marks_inside_the_pause() {
    let lines = trace("gctrace=1,gcstoptheworld=1");
    check_common(&lines);
    assert!(
        lines.iter().all(|l| l.clock_ms[1] == 0.0),
        "a concurrent mark with the world stopped: {lines:?}"
    );
}

#[test]
fn checkmark_verifies_every_cycle_without_complaint() {
    let lines = trace("gctrace=1,gccheckmark=1");
    check_common(&lines);
}

/// A goroutine blocked reading standard input (inside `fmt.Scan`, in the
/// middle of its slice) must hold up neither a stop of the world nor the
/// collector's mark, nor keep its P: main allocates through many cycles
/// and returns while the input stays open and empty, on one P too.
#[test]
fn a_goroutine_waiting_for_input_does_not_hold_up_the_collector() {
    use std::io::Read;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    const SCAN: &str = r#"package main

import (
	"fmt"
	"runtime"
)

type node struct {
	next *node
	v    [4]int
}

func main() {
	started := make(chan bool)
	go func() {
		var s string
		close(started)
		fmt.Scan(&s)
		fmt.Println("read", s)
	}()
	<-started
	var keep *node
	for i := 0; i < 2000000; i++ {
		n := &node{next: keep}
		if i%100 == 0 {
			keep = n
		}
		if i%100000 == 0 {
			keep = nil
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println("cycles ran:", ms.NumGC > 3)
}
"#;
    let dir = std::env::temp_dir().join(format!("gol-gctrace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("scan_while_collecting.go");
    std::fs::write(&path, SCAN).expect("write program");
    for (procs, checkmark) in [(1, false), (2, false), (2, true)] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gol"));
        cmd.arg("run")
            .arg(&path)
            .env("GOMAXPROCS", procs.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        if checkmark {
            cmd.env("GODEBUG", "gccheckmark=1");
        }
        let mut child = cmd.spawn().expect("the gol binary runs");
        // Standard input stays open and empty until the child is done.
        let stdin = child.stdin.take();
        let start = Instant::now();
        let status = loop {
            if let Some(st) = child.try_wait().expect("wait") {
                break st;
            }
            if start.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                panic!("no end while a goroutine waits for input (GOMAXPROCS={procs}, checkmark {checkmark})");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        drop(stdin);
        let mut out = String::new();
        child
            .stdout
            .take()
            .expect("stdout")
            .read_to_string(&mut out)
            .expect("read stdout");
        assert!(status.success(), "gol exited with {status}");
        assert_eq!(out, "cycles ran: true\n");
    }
}
