//! The embedding API (`gol::Vm`): compiling, running, output, errors,
//! limits, cancelling and host natives, driven as a Rust program would.

use gol::{Error, Output, SharedBuffer, Value, Vm};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// A VM whose stdout and stderr are captured.
fn captured() -> (gol::Builder, SharedBuffer, SharedBuffer) {
    let out = SharedBuffer::new();
    let err = SharedBuffer::new();
    let b = Vm::builder()
        .gomaxprocs(2)
        .stdout(Output::writer(out.clone()))
        .stderr(Output::writer(err.clone()));
    (b, out, err)
}

fn main_src(body: &str) -> String {
    format!("package main\n\n{body}\n")
}

#[test]
fn vm_and_program_are_send_and_sync() {
    fn is<T: Send + Sync + 'static>() {}
    is::<Vm>();
    is::<gol::Program>();
    is::<gol::CancelHandle>();
    is::<Error>();
}

#[test]
fn runs_a_program_and_captures_its_output() {
    let (b, out, err) = captured();
    let vm = b.build().unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(\"hello\", 6*7)\n\tfmt.Fprintln(os.Stderr, \"to stderr\")\n\tprintln(\"builtin\", 1)\n\tos.Stdout.Write([]byte(\"raw\\n\"))\n}",
        ))
        .unwrap();
    assert_eq!(vm.run(&prog), Ok(0));
    assert_eq!(out.text(), "hello 42\nraw\n");
    assert_eq!(err.text(), "to stderr\nbuiltin 1\n");
    // A program runs again, from a fresh runtime each time.
    assert_eq!(vm.run(&prog), Ok(0));
    assert_eq!(out.text(), "hello 42\nraw\nhello 42\nraw\n");
}

#[test]
fn os_exit_is_the_status() {
    let (b, out, _) = captured();
    let vm = b.build().unwrap();
    let prog = vm
        .compile(&main_src(
            "import \"os\"\n\nfunc main() {\n\tdefer println(\"not run\")\n\tprint(\"bye\")\n\tos.Exit(3)\n}",
        ))
        .unwrap();
    assert_eq!(vm.run(&prog), Ok(3));
    assert_eq!(out.text(), "");
}

#[test]
fn args_reach_os_args() {
    let (b, out, _) = captured();
    let vm = b.build().unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() { fmt.Println(os.Args) }",
        ))
        .unwrap();
    let args = vec!["prog".to_string(), "-x".to_string(), "y".to_string()];
    assert_eq!(vm.run_with_args(&prog, args), Ok(0));
    assert_eq!(out.text(), "[prog -x y]\n");
}

#[test]
fn compile_errors_render_as_the_command_renders_them() {
    let src = main_src("func main() {\n\tx := 1\n\ty = x + \"a\"\n}");
    let vm = Vm::new();
    let diags = vm.compile(&src).err().expect("a compile error");
    assert!(!diags.is_empty());
    let text = diags.render();
    assert!(text.contains("undefined: y"), "{text}");
    assert!(text.contains("main.go:5:2"), "{text}");
    // The same bytes as `gol check` prints for the same file.
    let dir = std::env::temp_dir().join(format!("gol-embed-diag-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.go"), &src).unwrap();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_gol"))
        .args(["check", "main.go"])
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(cli.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&cli.stderr), text);
    assert_eq!(diags.lines().len(), diags.len());
}

#[test]
fn a_panic_is_an_error_with_gos_report() {
    let (b, out, err) = captured();
    let vm = b.build().unwrap();
    let prog = vm
        .compile(&main_src(
            "import \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}",
        ))
        .unwrap();
    let e = vm.run(&prog).unwrap_err();
    let Error::Panic(text) = &e else {
        panic!("not a panic: {e:?}")
    };
    assert!(
        text.starts_with(
            "panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()\n"
        ),
        "{text}"
    );
    assert!(text.contains("main.go:8 +0x"), "{text}");
    assert_eq!(out.text(), "before\n");
    // Redirected stderr: the report is the error's, not mixed in.
    assert_eq!(err.text(), "");

    // As Go writes it, when asked.
    let (b, _, err) = captured();
    let vm = b.reports_to_stderr(true).build().unwrap();
    let e = vm.run(&prog).unwrap_err();
    assert_eq!(err.text(), e.text());
}

#[test]
fn a_panic_in_a_goroutine_names_its_creator() {
    let (b, _, _) = captured();
    let vm = b.build().unwrap();
    let prog = vm
        .compile(&main_src(
            "func work(c chan int) {\n\tpanic(\"boom\")\n}\n\nfunc main() {\n\tc := make(chan int)\n\tgo work(c)\n\t<-c\n}",
        ))
        .unwrap();
    let e = vm.run(&prog).unwrap_err();
    assert!(matches!(e, Error::Panic(_)), "{e:?}");
    assert!(e.text().starts_with("panic: boom\n"), "{}", e.text());
    assert!(
        e.text().contains("created by main.main in goroutine 1"),
        "{}",
        e.text()
    );
}

#[test]
fn a_deadlock_is_an_error_with_the_dump() {
    let (b, _, _) = captured();
    let vm = b.build().unwrap();
    let prog = vm
        .compile(&main_src(
            "func main() {\n\tc := make(chan int)\n\tc <- 1\n}",
        ))
        .unwrap();
    let e = vm.run(&prog).unwrap_err();
    let Error::Deadlock(text) = &e else {
        panic!("not a deadlock: {e:?}")
    };
    assert!(
        text.starts_with(
            "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\n"
        ),
        "{text}"
    );
}

#[test]
fn running_out_of_memory_ends_the_run_not_the_host() {
    // An allocation no system can back: Go's fatal error comes back as a
    // value, and the host (this test) goes on to run another program.
    let (b, out, _) = captured();
    let vm = b.gomaxprocs(2).build().unwrap();
    let prog = vm
        .compile(&main_src(
            "import \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"before\")\n\tb := make([]byte, 1<<46)\n\tfmt.Println(len(b))\n}",
        ))
        .unwrap();
    let e = vm.run(&prog).unwrap_err();
    let Error::Fatal(text) = &e else {
        panic!("not a fatal error: {e:?}")
    };
    assert!(
        text.starts_with("fatal error: runtime: out of memory\n"),
        "{text}"
    );
    assert_eq!(out.take(), b"before\n");
    let small = vm
        .compile(&main_src(
            "import \"fmt\"\n\nfunc main() { fmt.Println(\"after\") }",
        ))
        .unwrap();
    assert_eq!(vm.run(&small), Ok(0));
    assert_eq!(out.text(), "after\n");
}

#[test]
fn the_goroutine_limit_is_a_fatal_error() {
    // An endless storm of parked goroutines: without the limit it would
    // eat the host's memory.
    let (b, out, _) = captured();
    let vm = b.gomaxprocs(1).max_goroutines(100).build().unwrap();
    let prog = vm
        .compile(&main_src(
            "import \"fmt\"\n\nfunc main() {\n\tc := make(chan int)\n\tfor {\n\t\tgo func() { <-c }()\n\t}\n\tfmt.Println(\"not reached\")\n}",
        ))
        .unwrap();
    let e = vm.run(&prog).unwrap_err();
    let Error::Fatal(text) = &e else {
        panic!("not a fatal error: {e:?}")
    };
    assert!(
        text.starts_with("fatal error: too many goroutines (limit 100)\n"),
        "{text}"
    );
    assert_eq!(out.text(), "");
    // Under the limit the same VM runs programs as usual.
    let small = vm
        .compile(&main_src(
            "import \"sync\"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 50; i++ {\n\t\twg.Add(1)\n\t\tgo func() { wg.Done() }()\n\t}\n\twg.Wait()\n}",
        ))
        .unwrap();
    assert_eq!(vm.run(&small), Ok(0));
}

#[test]
fn gomaxprocs_gogc_and_the_memory_limit_are_the_configured_ones() {
    let out = SharedBuffer::new();
    let vm = Vm::builder()
        .gomaxprocs(3)
        .gogc(Some(50))
        .memory_limit(64 << 20)
        .stdout(Output::writer(out.clone()))
        .build()
        .unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"runtime\"\n\t\"runtime/debug\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.GOMAXPROCS(0), debug.SetGCPercent(100), debug.SetMemoryLimit(-1))\n}",
        ))
        .unwrap();
    assert_eq!(vm.run(&prog), Ok(0));
    assert_eq!(out.text(), format!("3 50 {}\n", 64 << 20));

    let out = SharedBuffer::new();
    let vm = Vm::builder()
        .gomaxprocs(1)
        .gogc(None)
        .stdout(Output::writer(out.clone()))
        .build()
        .unwrap();
    assert_eq!(vm.run(&prog), Ok(0));
    let text = out.text();
    assert!(text.starts_with("1 -1 "), "{text}");
}

#[test]
fn runs_proceed_in_parallel_on_one_vm() {
    let (b, out, _) = captured();
    let vm = b.build().unwrap();
    let prog = vm
        .compile(&main_src(
            "import \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 500; i++ {\n\t\tfmt.Println(\"line\", i)\n\t}\n}",
        ))
        .unwrap();
    let hs: Vec<_> = (0..3)
        .map(|_| {
            let vm = vm.clone();
            let prog = prog.clone();
            std::thread::spawn(move || vm.run(&prog))
        })
        .collect();
    for h in hs {
        assert_eq!(h.join().unwrap(), Ok(0));
    }
    let text = out.text();
    assert_eq!(text.lines().count(), 1500);
    // Each write is whole: no line is torn by another run's.
    assert!(text.lines().all(|l| l.starts_with("line ")), "{text}");
    assert_eq!(text.matches("line 499\n").count(), 3);
}

/// A writer that tells the test when the program has printed.
struct Signal(mpsc::Sender<Vec<u8>>);

impl std::io::Write for Signal {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let _ = self.0.send(b.to_vec());
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `src` on a thread, waits for its first output, cancels it and
/// returns the time from the cancel to the run's return.
fn cancel_after_start(src: &str) -> Duration {
    let (tx, rx) = mpsc::channel();
    let vm = Vm::builder()
        .gomaxprocs(2)
        .stdout(Output::writer(Signal(tx)))
        .build()
        .unwrap();
    let prog = vm.compile(src).unwrap();
    let handle = vm.cancel_handle();
    assert!(!handle.cancel(), "nothing runs yet");
    let (done_tx, done_rx) = mpsc::channel();
    let runner = std::thread::spawn(move || {
        let r = vm.run(&prog);
        let _ = done_tx.send(Instant::now());
        (r, vm)
    });
    let first = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the program started");
    assert_eq!(first, b"started\n");
    // Let it run away for a while.
    std::thread::sleep(Duration::from_millis(50));
    assert!(handle.running());
    let t0 = Instant::now();
    assert!(handle.cancel());
    let ended = done_rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the run ended after the cancel");
    let (r, vm) = runner.join().unwrap();
    assert_eq!(r, Err(Error::Cancelled));
    assert!(!handle.running());
    // The cancel does not outlive its run: the VM runs again, then drops.
    let again = vm.compile(&main_src("func main() {}")).unwrap();
    assert_eq!(vm.run(&again), Ok(0));
    drop(vm);
    ended.duration_since(t0)
}

#[test]
fn cancel_stops_an_endless_loop() {
    let lat = cancel_after_start(&main_src(
        "import \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"started\")\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}",
    ));
    eprintln!("cancel latency, endless loop: {lat:?}");
    assert!(lat < Duration::from_millis(500), "{lat:?}");
}

#[test]
fn cancel_stops_a_goroutine_storm() {
    let lat = cancel_after_start(&main_src(
        "import \"fmt\"\n\nfunc spin() {\n\tfor {\n\t}\n}\n\nfunc main() {\n\tfmt.Println(\"started\")\n\tfor {\n\t\tgo spin()\n\t\tgo func() { select {} }()\n\t}\n}",
    ));
    eprintln!("cancel latency, goroutine storm: {lat:?}");
    assert!(lat < Duration::from_millis(500), "{lat:?}");
}

#[test]
fn cancel_stops_a_program_whose_goroutines_are_all_parked() {
    let lat = cancel_after_start(&main_src(
        "import (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tc := make(chan int)\n\tfor i := 0; i < 1000; i++ {\n\t\tgo func() { <-c }()\n\t\tgo func() { mu.Lock() }()\n\t}\n\tgo func() { time.Sleep(time.Hour) }()\n\tfmt.Println(\"started\")\n\ttime.Sleep(time.Hour)\n}",
    ));
    eprintln!("cancel latency, parked goroutines: {lat:?}");
    assert!(lat < Duration::from_millis(500), "{lat:?}");
}

#[test]
fn a_host_native_is_called_with_go_values() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let (b, out, _) = captured();
    let vm = b
        .native(
            "host",
            "Repeat",
            "func(s string, n int) (string, error)",
            move |args| {
                seen.fetch_add(1, Ordering::Relaxed);
                let s: String = gol::FromValue::from_value(&args[0])?;
                let n: i64 = gol::FromValue::from_value(&args[1])?;
                if n < 0 {
                    return Err(format!("negative count {n}"));
                }
                Ok(vec![Value::Str(s.repeat(n as usize))])
            },
        )
        .native(
            "host",
            "Mix",
            "func(a, b int8, f float32, ok bool, p []byte) (int8, uint16, float64, bool, []byte)",
            |args| {
                let a: i64 = gol::FromValue::from_value(&args[0])?;
                let b: i64 = gol::FromValue::from_value(&args[1])?;
                let f: f64 = gol::FromValue::from_value(&args[2])?;
                let ok: bool = gol::FromValue::from_value(&args[3])?;
                let mut p: Vec<u8> = gol::FromValue::from_value(&args[4])?;
                p.reverse();
                Ok(vec![
                    Value::Int(a + b),
                    Value::Uint(70000),
                    Value::Float(f * 2.0),
                    Value::Bool(!ok),
                    Value::Bytes(p),
                ])
            },
        )
        .native("tools/counter", "Bump", "func()", |_| Ok(vec![]))
        .build()
        .unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"host\"\n\t\"tools/counter\"\n)\n\nfunc main() {\n\ts, err := host.Repeat(\"ab\", 3)\n\tfmt.Println(s, err)\n\ts, err = host.Repeat(\"ab\", -1)\n\tfmt.Printf(\"%q %v\\n\", s, err)\n\tfmt.Println(host.Mix(100, 100, 1.25, true, []byte(\"xyz\")))\n\tcounter.Bump()\n\tvar f func(string, int) (string, error) = host.Repeat\n\tfmt.Println(f(\"-\", 4))\n}",
        ))
        .unwrap();
    assert_eq!(vm.run(&prog), Ok(0));
    assert_eq!(
        out.text(),
        // int8(200) wraps to -56, uint16(70000) to 4464, as Go converts.
        "ababab <nil>\n\"\" negative count -1\n-56 4464 2.5 false [122 121 120]\n---- <nil>\n"
    );
    assert_eq!(calls.load(Ordering::Relaxed), 3);
}

#[test]
fn host_natives_are_type_checked_at_compile_time() {
    let vm = Vm::builder()
        .native("host", "Twice", "func(n int) int", |a| {
            let n: i64 = gol::FromValue::from_value(&a[0])?;
            Ok(vec![Value::Int(2 * n)])
        })
        .build()
        .unwrap();
    let diags = vm
        .compile(&main_src(
            "import \"host\"\n\nfunc main() {\n\tvar s string = host.Twice(\"x\")\n\t_ = s\n}",
        ))
        .err()
        .expect("compile errors");
    let text = diags.render();
    assert!(text.contains("main.go:6:"), "{text}");
    assert!(
        text.contains("cannot use \"x\" (untyped string constant) as int value"),
        "{text}"
    );
    assert!(
        text.contains("as string value in variable declaration"),
        "{text}"
    );
    // Without the registration the package does not exist.
    let plain = Vm::new();
    let diags = plain
        .compile(&main_src(
            "import \"host\"\n\nfunc main() { host.Twice(1) }",
        ))
        .err()
        .expect("compile errors");
    assert!(diags.render().contains("host"), "{}", diags.render());
}

#[test]
fn a_host_error_without_an_error_result_panics_in_go() {
    let (b, _, _) = captured();
    let vm = b
        .native("host", "Check", "func(n int)", |a| {
            let n: i64 = gol::FromValue::from_value(&a[0])?;
            if n > 1 {
                Err(format!("too big: {n}"))
            } else {
                Ok(vec![])
            }
        })
        .native("host", "Boom", "func()", |_| panic!("host bug"))
        .build()
        .unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"host\"\n)\n\nfunc main() {\n\tdefer func() { fmt.Println(\"recovered:\", recover()) ; host.Check(5) }()\n\thost.Check(1)\n\thost.Boom()\n}",
        ))
        .unwrap();
    let e = vm.run(&prog).unwrap_err();
    assert!(matches!(e, Error::Panic(_)), "{e:?}");
    assert!(
        e.text()
            .starts_with("panic: native host.Boom: host bug [recovered]\n\tpanic: too big: 5\n")
            || e.text()
                .starts_with("panic: native host.Boom: host bug [recovered]\npanic: too big: 5\n"),
        "{}",
        e.text()
    );
}

#[test]
fn two_vms_keep_their_own_natives() {
    let mk = |k: i64| {
        let (b, _, err) = captured();
        let vm = b
            .native("host", "K", "func() int", move |_| Ok(vec![Value::Int(k)]))
            .build()
            .unwrap();
        (vm, err)
    };
    let (a, out_a) = mk(1);
    let (b, out_b) = mk(2);
    let src = main_src("import \"host\"\n\nfunc main() { println(host.K()) }");
    let pa = a.compile(&src).unwrap();
    let pb = b.compile(&src).unwrap();
    let ta = std::thread::spawn(move || a.run(&pa));
    let tb = std::thread::spawn(move || b.run(&pb));
    assert_eq!(ta.join().unwrap(), Ok(0));
    assert_eq!(tb.join().unwrap(), Ok(0));
    // println writes to stderr.
    assert_eq!(out_a.text(), "1\n");
    assert_eq!(out_b.text(), "2\n");
}

#[test]
fn bad_native_registrations_are_refused() {
    let f = |_: &[Value]| Ok(vec![]);
    let e = Vm::builder()
        .native("host", "lower", "func()", f)
        .build()
        .err();
    assert!(matches!(e, Some(Error::Load(t)) if t.contains("exported")));
    let e = Vm::builder()
        .native("host", "M", "func(m map[string]int)", f)
        .build()
        .err();
    assert!(matches!(e, Some(Error::Load(t)) if t.contains("map[string]int is not supported")));
    let e = Vm::builder()
        .native("strings", "X", "func()", f)
        .build()
        .err();
    assert!(matches!(e, Some(Error::Load(t)) if t.contains("standard package")));
    let e = Vm::builder()
        .native("host", "X", "func()", f)
        .native("host", "X", "func()", f)
        .build()
        .err();
    assert!(matches!(e, Some(Error::Load(t)) if t.contains("twice")));
}

const CALLEE: &str = r#"package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

var calls = 10

func init() { calls++ }

func Add(a, b int) int { return a + b + calls - 11 }

func Shout(s string, n int8) (string, int) {
	return strings.Repeat(strings.ToUpper(s), int(n)), len(s)
}

func Div(a, b float64) (float64, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func Flip(b []byte, on bool) ([]byte, bool, uint16) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return b, !on, uint16(len(b)) * 30000
}

func Concurrent(n int) int {
	c := make(chan int)
	for i := 0; i < n; i++ {
		go func(i int) { c <- i }(i)
	}
	s := 0
	for i := 0; i < n; i++ {
		s += <-c
	}
	return s
}

func Hello() { fmt.Println("hello from Go") }

func Crash(i int) int {
	var a []int
	return a[i]
}

func Takes(p *int) int { return *p }

type Point struct {
	X, Y int
	Name string
}

type Shape struct {
	Points []Point
	Tags   map[string]bool
}

func Centroid(s Shape) (Point, int) {
	c := Point{Name: "centroid"}
	for _, p := range s.Points {
		c.X += p.X
		c.Y += p.Y
	}
	c.X /= len(s.Points)
	c.Y /= len(s.Points)
	n := 0
	for _, on := range s.Tags {
		if on {
			n++
		}
	}
	return c, n
}

func Stats(xs []float64, tags map[string]int) (map[string]float64, []string) {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	keys := []string{}
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return map[string]float64{"sum": sum, "mean": sum / float64(len(xs))}, keys
}

func Nested(m map[string][]int) [][]string {
	out := [][]string{}
	for _, k := range []string{"x", "y"} {
		row := []string{}
		for _, n := range m[k] {
			row = append(row, strconv.Itoa(n*n))
		}
		out = append(out, row)
	}
	return out
}

func main() { fmt.Println("main is not called") }
"#;

#[test]
fn a_go_function_is_called_by_name() {
    use gol::{FromValue, ToValue};
    let (b, out, _) = captured();
    let vm = b.build().unwrap();
    let prog = vm.compile(CALLEE).unwrap();
    // Package initialisation runs before each call (calls is 11).
    assert_eq!(
        vm.call(&prog, "Add", &[Value::Int(2), Value::Int(40)]),
        Ok(vec![Value::Int(42)])
    );
    assert_eq!(
        vm.call(&prog, "Shout", &["go".to_value(), 3i8.to_value()]),
        Ok(vec![Value::Str("GOGOGO".into()), Value::Int(2)])
    );
    assert_eq!(
        vm.call(&prog, "Div", &[Value::Float(1.0), Value::Float(4.0)]),
        Ok(vec![Value::Float(0.25)])
    );
    assert_eq!(
        vm.call(&prog, "Div", &[Value::Float(1.0), Value::Float(0.0)]),
        Err(Error::Returned("division by zero".into()))
    );
    assert_eq!(
        vm.call(
            &prog,
            "Flip",
            &[Value::Bytes(b"abc".to_vec()), Value::Bool(true)]
        ),
        // uint16(3) * 30000 wraps as Go's arithmetic does.
        Ok(vec![
            Value::Bytes(b"cba".to_vec()),
            Value::Bool(false),
            Value::Uint(90000 % 65536)
        ])
    );
    assert_eq!(
        vm.call(&prog, "Concurrent", &[Value::Int(100)]),
        Ok(vec![Value::Int(4950)])
    );
    assert_eq!(vm.call(&prog, "Hello", &[]), Ok(vec![]));
    assert_eq!(out.text(), "hello from Go\n");
    // Slices and maps, nested, both ways.
    let tags: std::collections::HashMap<String, i64> =
        [("b".to_string(), 2), ("a".to_string(), 1)].into();
    let r = vm
        .call(
            &prog,
            "Stats",
            &[vec![1.0, 2.0, 4.5].to_value(), tags.to_value()],
        )
        .unwrap();
    let stats: std::collections::BTreeMap<String, f64> = FromValue::from_value(&r[0]).unwrap();
    assert_eq!(
        stats,
        [("mean".to_string(), 2.5), ("sum".to_string(), 7.5)].into()
    );
    assert_eq!(
        Vec::<String>::from_value(&r[1]),
        Ok(vec!["a".into(), "b".into()])
    );
    let m: std::collections::HashMap<&str, Vec<i32>> = [("x", vec![1, 2]), ("y", vec![3])].into();
    let r = vm.call(&prog, "Nested", &[m.to_value()]).unwrap();
    assert_eq!(
        Vec::<Vec<String>>::from_value(&r[0]),
        Ok(vec![vec!["1".into(), "4".into()], vec!["9".into()]])
    );
    let e = vm
        .call(
            &prog,
            "Stats",
            &[
                Value::Slice(vec![Value::Str("x".into())]),
                Value::Map(vec![]),
            ],
        )
        .unwrap_err();
    assert_eq!(
        e,
        Error::Call("Stats: cannot use string value as a float in argument 0".into())
    );
    // Structs of package main, by field name.
    let pt = |x: i64, y: i64, name: &str| {
        Value::Struct(vec![
            ("Name".into(), Value::Str(name.into())),
            ("X".into(), Value::Int(x)),
            ("Y".into(), Value::Int(y)),
        ])
    };
    let shape = Value::Struct(vec![
        (
            "Points".into(),
            Value::Slice(vec![pt(0, 0, "a"), pt(4, 2, "b"), pt(2, 7, "c")]),
        ),
        (
            "Tags".into(),
            [("on", true), ("off", false), ("up", true)]
                .into_iter()
                .collect::<std::collections::HashMap<_, _>>()
                .to_value(),
        ),
    ]);
    let r = vm.call(&prog, "Centroid", &[shape]).unwrap();
    assert_eq!(
        r,
        vec![
            Value::Struct(vec![
                ("X".into(), Value::Int(2)),
                ("Y".into(), Value::Int(3)),
                ("Name".into(), Value::Str("centroid".into())),
            ]),
            Value::Int(2)
        ]
    );
    assert_eq!(r[0].field("Name"), Some(&Value::Str("centroid".into())));
    let e = vm
        .call(
            &prog,
            "Centroid",
            &[Value::Struct(vec![("Points".into(), Value::Slice(vec![]))])],
        )
        .unwrap_err();
    assert_eq!(
        e,
        Error::Call("Centroid: missing field Tags of Shape in argument 0".into())
    );
    // A panic in the callee is an error with Go's report.
    let e = vm.call(&prog, "Crash", &[Value::Int(5)]).unwrap_err();
    assert!(
        e.text()
            .starts_with("panic: runtime error: index out of range [5] with length 0\n"),
        "{e:?}"
    );
    // Calls that cannot be made say why.
    let e = vm.call(&prog, "Add", &[Value::Int(1)]).unwrap_err();
    assert_eq!(e, Error::Call("Add takes 2 arguments, got 1".into()));
    let e = vm
        .call(&prog, "Add", &[Value::Str("x".into()), Value::Int(1)])
        .unwrap_err();
    assert_eq!(
        e,
        Error::Call("Add: cannot use string value as an integer in argument 0".into())
    );
    for name in ["Takes", "Missing", "main"] {
        let e = vm.call(&prog, name, &[]).unwrap_err();
        assert!(
            matches!(&e, Error::Call(t) if t.starts_with(&format!("no function {name} "))),
            "{e:?}"
        );
    }
    // The program still runs as a program.
    assert_eq!(vm.run(&prog), Ok(0));
    assert!(out.text().ends_with("main is not called\n"));
}

#[test]
fn values_convert_both_ways() {
    use gol::{FromValue, ToValue};
    assert_eq!(i64::from_value(&7i32.to_value()), Ok(7));
    assert_eq!(
        u8::from_value(&Value::Int(300)),
        Err("300 overflows u8".into())
    );
    assert_eq!(String::from_value(&"héllo".to_value()), Ok("héllo".into()));
    assert_eq!(
        Vec::<u8>::from_value(&b"ab"[..].to_value()),
        Ok(b"ab".to_vec())
    );
    assert_eq!(f64::from_value(&1.5f32.to_value()), Ok(1.5));
    assert_eq!(bool::from_value(&true.to_value()), Ok(true));
    assert_eq!(
        bool::from_value(&Value::Int(1)),
        Err("cannot use int value as bool".into())
    );
}

#[allow(dead_code)]
#[path = "../examples/embed/main.rs"]
mod example;

/// What the example must print (the rates and arithmetic are the
/// example's own: 1000 × 0.92, 999 × 1.17 rounded, 2000 × 0.92).
const EXAMPLE_OUT: &str = " 1000 usd =   920 EUR cents
  250 eur =   250 EUR cents
  999 gbp =  1169 EUR cents
skipped: pricing 5 xyz: no rate for XYZ
sum: 2339
exit status 0
Total(2000, usd) = 1840
Total(1, abc) failed: pricing 1 abc: no rate for ABC
";

#[test]
fn the_embedding_example_runs() {
    assert_eq!(example::run().unwrap(), EXAMPLE_OUT);
    // The built example too, when this build made it (`cargo test` builds
    // examples; a run of this test file alone does not).
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .and_then(|deps| deps.parent())
        .map(|dir| dir.join("examples").join("embedding"));
    if let Some(bin) = bin.filter(|b| b.exists()) {
        let out = std::process::Command::new(&bin).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout), EXAMPLE_OUT);
    }
}

/// This process's threads (Linux).
fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task").map_or(0, |d| d.count())
}

#[test]
fn cancel_and_drop_join_every_thread() {
    // Other tests' runs start threads of their own in this process: count
    // in a child that runs only this test.
    const CHILD: &str = "GOL_EMBED_THREADS_CHILD";
    if std::env::var_os(CHILD).is_none() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "cancel_and_drop_join_every_thread",
                "--test-threads=1",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
        return;
    }
    let before = thread_count();
    assert!(before > 0);
    let (tx, rx) = mpsc::channel();
    let vm = Vm::builder()
        .gomaxprocs(4)
        .stdout(Output::writer(Signal(tx)))
        .build()
        .unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tc := make(chan int)\n\tfor i := 0; i < 100; i++ {\n\t\tgo func() { <-c }()\n\t\tgo func() { for {} }()\n\t\tgo func() { time.Sleep(time.Hour) }()\n\t}\n\tfmt.Println(\"started\")\n\tselect {}\n}",
        ))
        .unwrap();
    let handle = vm.cancel_handle();
    let runner = std::thread::spawn(move || {
        let r = vm.run(&prog);
        drop(vm);
        r
    });
    rx.recv_timeout(Duration::from_secs(30)).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    assert!(
        thread_count() > before + 4,
        "the run's Ms, sysmon and the collector"
    );
    assert!(handle.cancel());
    assert_eq!(runner.join().unwrap(), Err(Error::Cancelled));
    assert_eq!(thread_count(), before);
}

#[test]
fn the_heap_cap_stops_a_program_that_retains_without_bound() {
    let (b, out, _) = captured();
    let vm = b.max_heap(64 << 20).build().unwrap();
    // Retains 1 MiB per iteration, forever.
    let hog = vm
        .compile(&main_src(
            "var keep [][]byte\n\nfunc main() {\n\tfor {\n\t\tkeep = append(keep, make([]byte, 1<<20))\n\t}\n}",
        ))
        .unwrap();
    let t0 = Instant::now();
    let e = vm.run(&hog).unwrap_err();
    let Error::Fatal(text) = &e else {
        panic!("not a fatal error: {e:?}")
    };
    assert!(
        text.starts_with("fatal error: runtime: out of memory (heap of "),
        "{text}"
    );
    assert!(
        text.contains(&format!("over the limit of {}", 64 << 20)),
        "{text}"
    );
    eprintln!(
        "heap cap reached after {:?}: {}",
        t0.elapsed(),
        text.lines().next().unwrap_or("")
    );
    // Allocating far more than the cap in total, with little live, runs.
    let churn = vm
        .compile(&main_src(
            "import \"fmt\"\n\nvar sink []byte\n\nfunc main() {\n\tn := 0\n\tfor i := 0; i < 2000; i++ {\n\t\tsink = make([]byte, 256<<10)\n\t\tn += len(sink)\n\t}\n\tfmt.Println(n >> 20)\n}",
        ))
        .unwrap();
    assert_eq!(vm.run(&churn), Ok(0));
    assert_eq!(out.text(), "500\n");
}

#[test]
fn a_blocking_host_native_does_not_hold_up_the_runtime() {
    // While Wait blocks in the host, another goroutine collects garbage
    // (which stops the world twice) and then releases it: if Wait's M
    // stayed in the world, the collection would wait for Wait, and Wait
    // would time out.
    let (tx, rx) = mpsc::channel::<()>();
    let rx = std::sync::Mutex::new(rx);
    let tx = std::sync::Mutex::new(tx);
    let (b, out, _) = captured();
    let vm = b
        .native("host", "Wait", "func() error", move |_| {
            let rx = rx.lock().unwrap();
            match rx.recv_timeout(Duration::from_secs(3)) {
                Ok(()) => Ok(vec![]),
                Err(e) => Err(e.to_string()),
            }
        })
        .native("host", "Signal", "func()", move |_| {
            tx.lock().unwrap().send(()).map_err(|e| e.to_string())?;
            Ok(vec![])
        })
        .build()
        .unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"host\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tdone := make(chan error)\n\tgo func() { done <- host.Wait() }()\n\ttime.Sleep(20 * time.Millisecond)\n\tgo func() {\n\t\truntime.GC()\n\t\tfmt.Println(\"collected\")\n\t\thost.Signal()\n\t}()\n\tfmt.Println(\"waited:\", <-done)\n}",
        ))
        .unwrap();
    let t0 = Instant::now();
    assert_eq!(vm.run(&prog), Ok(0));
    assert_eq!(out.text(), "collected\nwaited: <nil>\n");
    assert!(t0.elapsed() < Duration::from_secs(2));
}

#[test]
fn host_natives_take_and_return_slices() {
    let (b, out, _) = captured();
    let vm = b
        .native(
            "host",
            "Sorted",
            "func(words []string, small []int8, w []float32, on []bool) ([]string, []int16, []float64, error)",
            |a| {
                let mut words: Vec<String> = gol::FromValue::from_value(&a[0])?;
                if words.is_empty() {
                    return Err("no words".into());
                }
                words.sort();
                let small: Vec<i64> = gol::FromValue::from_value(&a[1])?;
                let w: Vec<f64> = gol::FromValue::from_value(&a[2])?;
                let on: Vec<bool> = gol::FromValue::from_value(&a[3])?;
                let n = on.iter().filter(|&&b| b).count() as f64;
                Ok(vec![
                    Value::Slice(words.into_iter().map(Value::Str).collect()),
                    // 40000 wraps to -25536 as int16.
                    Value::Slice(small.iter().map(|&x| Value::Int(x * 1000)).collect()),
                    Value::Slice(w.iter().map(|&x| Value::Float(x * n)).collect()),
                ])
            },
        )
        .build()
        .unwrap();
    let prog = vm
        .compile(&main_src(
            "import (\n\t\"fmt\"\n\t\"host\"\n)\n\nfunc main() {\n\tfmt.Println(host.Sorted([]string{\"pear\", \"fig\", \"apple\"}, []int8{-3, 40}, []float32{0.5, 1.25}, []bool{true, false, true}))\n\ts, n, f, err := host.Sorted(nil, nil, nil, nil)\n\tfmt.Println(s == nil, n == nil, f == nil, len(s), err)\n}",
        ))
        .unwrap();
    assert_eq!(vm.run(&prog), Ok(0));
    assert_eq!(
        out.text(),
        "[apple fig pear] [-3000 -25536] [1 2.5] <nil>\ntrue true true 0 no words\n"
    );
}
