//! Interactive sessions through the library (`gol::Vm::session`): state
//! that persists between inputs, goroutines that keep running, panics,
//! deadlocks and interrupts that end an input and not the session,
//! redefinitions, and the helpers the REPL's commands use.

use gol::session::{InputError, Outcome, Session};
use gol::{Output, SharedBuffer, Vm};
use std::time::{Duration, Instant};

fn session() -> (Session, SharedBuffer, SharedBuffer) {
    let out = SharedBuffer::new();
    let err = SharedBuffer::new();
    let vm = Vm::builder()
        .gomaxprocs(2)
        .stdout(Output::writer(out.clone()))
        .stderr(Output::writer(err.clone()))
        .reports_to_stderr(true)
        .build()
        .unwrap();
    (vm.session(), out, err)
}

/// Evaluates `input`, which must run to its end, and returns what it
/// printed.
fn ok(s: &mut Session, out: &SharedBuffer, input: &str) -> String {
    match s.eval(input) {
        Ok(Outcome::Done) => {}
        other => panic!("{input}: {other:?}"),
    }
    String::from_utf8(out.take()).unwrap()
}

/// Evaluates `input`, which must run to its end, leaving what it printed
/// in `out` (a goroutine it wakes may print before or after it ends).
fn run(s: &mut Session, input: &str) {
    match s.eval(input) {
        Ok(Outcome::Done) => {}
        other => panic!("{input}: {other:?}"),
    }
}

/// Waits until `out` holds `want` (a goroutine prints it), up to 5 s.
fn eventually(out: &SharedBuffer, want: &str) -> String {
    let t = Instant::now();
    loop {
        let text = out.text();
        if text.contains(want) {
            return text;
        }
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "never printed {want:?}: {text:?}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn variables_functions_and_types_persist() {
    let (mut s, out, _) = session();
    assert_eq!(ok(&mut s, &out, "x := 20"), "");
    assert_eq!(ok(&mut s, &out, "x += 1"), "");
    assert_eq!(
        ok(&mut s, &out, "func twice(n int) int {\n\treturn 2 * n\n}"),
        ""
    );
    assert_eq!(ok(&mut s, &out, "twice(x)"), "42\n");
    ok(
        &mut s,
        &out,
        "type P struct{ X, Y int }\nfunc (p P) Sum() int { return p.X + p.Y }",
    );
    assert_eq!(ok(&mut s, &out, "p := P{1, 2}\np.Sum()"), "3\n");
    assert_eq!(ok(&mut s, &out, "p"), "{1 2}\n");
    // Imports are automatic, and explicit ones are accepted.
    assert_eq!(ok(&mut s, &out, "strings.ToUpper(\"go\")"), "GO\n");
    assert_eq!(
        ok(
            &mut s,
            &out,
            "import \"sort\"\nxs := []int{3, 1, 2}\nsort.Ints(xs)\nxs"
        ),
        "[1 2 3]\n"
    );
    // A call of a function without results runs; fmt's prints print once.
    assert_eq!(ok(&mut s, &out, "fmt.Println(\"hi\")"), "hi\n");
    assert_eq!(ok(&mut s, &out, "func noop() {}\nnoop()"), "");
    // Several results print on one line.
    assert_eq!(
        ok(&mut s, &out, "strings.Cut(\"a=b\", \"=\")"),
        "a b true\n"
    );
}

#[test]
fn an_init_func_runs_with_its_input() {
    let (mut s, out, _) = session();
    assert_eq!(
        ok(
            &mut s,
            &out,
            "var ready bool\nfunc init() { ready = true; fmt.Println(\"init\") }"
        ),
        "init\n"
    );
    assert_eq!(ok(&mut s, &out, "ready"), "true\n");
    // A second one, in another input, runs with that input only.
    assert_eq!(
        ok(&mut s, &out, "func init() { fmt.Println(\"again\") }\n1"),
        "again\n1\n"
    );
}

#[test]
fn statements_run_in_the_order_typed() {
    let (mut s, out, _) = session();
    let got = ok(
        &mut s,
        &out,
        "fmt.Println(\"first\")\nx := func() int { fmt.Println(\"second\"); return 2 }()\nfmt.Println(\"third\", x)",
    );
    assert_eq!(got, "first\nsecond\nthird 2\n");
    assert_eq!(ok(&mut s, &out, "x"), "2\n");
}

#[test]
fn a_name_may_be_declared_again() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "func f() int { return 1 }");
    ok(&mut s, &out, "old := f");
    ok(&mut s, &out, "func g() int { return f() * 10 }");
    ok(&mut s, &out, "func f() string { return \"two\" }");
    assert_eq!(ok(&mut s, &out, "f()"), "two\n");
    // Code compiled before keeps the f it was compiled with.
    assert_eq!(ok(&mut s, &out, "fmt.Println(old(), g())"), "1 10\n");
    // A variable again, with a new type.
    ok(&mut s, &out, "v := 1");
    ok(&mut s, &out, "v := \"one\"");
    assert_eq!(ok(&mut s, &out, "v + \"!\""), "one!\n");
}

/// Interface calls go through a method cache kept from one slice to the
/// next on each M: a grown program's new type and method are found, and
/// a value of the old type keeps the old method.
#[test]
fn an_interface_call_finds_a_redefined_method() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "type S interface { M() string }");
    ok(
        &mut s,
        &out,
        "type T int\nfunc (T) M() string { return \"old\" }",
    );
    ok(&mut s, &out, "var a S = T(1)");
    ok(&mut s, &out, "func call(s S) string { return s.M() }");
    assert_eq!(
        ok(
            &mut s,
            &out,
            "for i := 0; i < 3; i++ { fmt.Print(call(a)) }\nfmt.Println()"
        ),
        "oldoldold\n"
    );
    ok(
        &mut s,
        &out,
        "type T int\nfunc (T) M() string { return \"new\" }",
    );
    assert_eq!(
        ok(&mut s, &out, "fmt.Println(call(T(2)), call(a), call(T(3)))"),
        "new old new\n"
    );
}

#[test]
fn goroutines_keep_running_between_inputs() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "ch := make(chan int)");
    ok(
        &mut s,
        &out,
        "go func() { sum := 0; for v := range ch { sum += v }; fmt.Println(\"sum\", sum) }()",
    );
    ok(&mut s, &out, "ch <- 1");
    ok(&mut s, &out, "ch <- 2");
    run(&mut s, "close(ch)");
    eventually(&out, "sum 3\n");
    // A ticker started at the prompt prints while nothing is evaluated.
    out.take();
    run(
        &mut s,
        "go func() { for i := 0; i < 3; i++ { time.Sleep(20 * time.Millisecond); fmt.Println(\"tick\", i) } }()",
    );
    eventually(&out, "tick 2\n");
    out.take();
    assert_eq!(ok(&mut s, &out, "runtime.NumGoroutine() >= 1"), "true\n");
}

#[test]
fn a_panic_ends_the_input_not_the_session() {
    let (mut s, out, err) = session();
    ok(&mut s, &out, "n := 5");
    match s.eval("var m map[string]int\nm[\"a\"] = n") {
        Ok(Outcome::Panicked(t)) => assert!(
            t.starts_with("panic: assignment to entry in nil map"),
            "{t}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(err.text().contains("panic: assignment to entry in nil map"));
    assert!(err.text().contains("goroutine "));
    assert_eq!(ok(&mut s, &out, "n * 2"), "10\n");
    // A panic in a goroutine is reported; the session goes on.
    ok(&mut s, &out, "go func() { panic(\"in the background\") }()");
    let t = Instant::now();
    while !err.text().contains("panic: in the background") {
        assert!(t.elapsed() < Duration::from_secs(5), "{}", err.text());
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(ok(&mut s, &out, "n + 1"), "6\n");
}

#[test]
fn a_deadlock_ends_the_input_not_the_session() {
    let (mut s, out, err) = session();
    match s.eval("<-make(chan int)") {
        Ok(Outcome::Deadlock(t)) => {
            assert!(
                t.starts_with("fatal error: all goroutines are asleep - deadlock!"),
                "{t}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(err.text().contains("[chan receive]"), "{}", err.text());
    assert_eq!(ok(&mut s, &out, "1 + 1"), "2\n");
    // Goroutines all asleep while no input runs are not a deadlock.
    ok(
        &mut s,
        &out,
        "block := make(chan int)\ngo func() { <-block; fmt.Println(\"unblocked\") }()",
    );
    std::thread::sleep(Duration::from_millis(100));
    run(&mut s, "block <- 1");
    eventually(&out, "unblocked\n");
}

#[test]
fn an_interrupt_stops_a_running_input() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "k := 3");
    let i = s.interrupter();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        // False while no call runs yet (compiling the input can take
        // longer than 200 ms on a loaded machine): ask again, and time
        // the stop from the interrupt that took.
        loop {
            let at = Instant::now();
            if i.interrupt() {
                return at;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    let r = s.eval("for {}");
    let done = Instant::now();
    let sent = t.join().unwrap();
    assert_eq!(r.unwrap(), Outcome::Interrupted);
    assert!(
        done.duration_since(sent) < Duration::from_millis(500),
        "took {:?}",
        done.duration_since(sent)
    );
    assert_eq!(ok(&mut s, &out, "k"), "3\n");
    // A parked input is abandoned too.
    let i = s.interrupter();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        // False while no call runs yet (compiling the input can take
        // longer than 200 ms on a loaded machine): ask again.
        while !i.interrupt() {
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    assert_eq!(
        s.eval("time.Sleep(time.Hour)").unwrap(),
        Outcome::Interrupted
    );
    assert_eq!(ok(&mut s, &out, "k + 1"), "4\n");
}

#[test]
fn compile_errors_change_nothing() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "a := 1");
    match s.eval("b := a + \"x\"") {
        Err(InputError::Compile(d)) => {
            let text = d.render();
            assert!(text.contains("mismatched types"), "{text}");
            assert!(text.contains("<input"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    match s.eval("undefinedName") {
        Err(InputError::Compile(d)) => assert!(d.render().contains("undefined: undefinedName")),
        other => panic!("{other:?}"),
    }
    match s.eval("type T int\nfunc (T) M() {}") {
        Ok(Outcome::Done) => {}
        other => panic!("{other:?}"),
    }
    match s.eval("func (T) N() {}") {
        Err(InputError::Compile(d)) => {
            assert!(d.render().contains("methods of T must be declared"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(ok(&mut s, &out, "a"), "1\n");
}

#[test]
fn os_exit_ends_the_session() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "fmt.Println(\"before\")");
    assert_eq!(s.eval("os.Exit(3)").unwrap(), Outcome::Exited(3));
    assert!(s.ended());
    assert!(s.eval("1").is_err());
}

#[test]
fn types_completion_and_docs() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "counter := map[string][]int{}");
    assert_eq!(s.type_of("counter").unwrap(), "map[string][]int");
    assert_eq!(
        s.type_of("strings.Split").unwrap(),
        "func(string, string) []string"
    );
    assert!(s.type_of("nope").is_err());
    let (start, words) = s.complete("x := strings.To", 15);
    assert_eq!(start, 5);
    assert!(words.contains(&"strings.ToUpper".to_string()), "{words:?}");
    assert!(words.contains(&"strings.ToLower".to_string()), "{words:?}");
    let (_, words) = s.complete("coun", 4);
    assert_eq!(words, vec!["counter".to_string()]);
    let d = gol::session::doc("strings.ToUpper").unwrap();
    assert!(d.contains("func ToUpper(s string) string"), "{d}");
    ok(&mut s, &out, "func hello() string { return \"hello\" }");
    assert!(
        s.disasm("hello").contains("main.hello"),
        "{}",
        s.disasm("hello")
    );
    assert!(s.goroutines().is_empty() || s.goroutines().contains("goroutine"));
}

#[test]
fn dropping_a_session_with_parked_goroutines() {
    let (mut s, out, _) = session();
    ok(&mut s, &out, "c := make(chan int)");
    ok(
        &mut s,
        &out,
        "for i := 0; i < 100; i++ { go func() { <-c }() }",
    );
    let t = Instant::now();
    drop(s);
    assert!(t.elapsed() < Duration::from_secs(5));
}
