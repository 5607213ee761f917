//! `gol repl` driven through a pseudo-terminal, as a person types into
//! it: rustyline's terminal paths (raw mode, completion, history, the
//! external printer), not a pipe.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `gol repl` on a pseudo-terminal.
struct Repl {
    child: Child,
    master: std::fs::File,
    /// Everything read so far.
    seen: String,
}

impl Repl {
    fn start(history: &std::path::Path) -> Repl {
        let (mut master, mut slave) = (0, 0);
        let ws = libc::winsize {
            ws_row: 50,
            ws_col: 200,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty fills two descriptors; the name and termios
        // arguments may be null.
        let r = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &ws,
            )
        };
        assert_eq!(r, 0, "openpty");
        // SAFETY: `slave` is a descriptor openpty just opened, owned here.
        let slave = unsafe { OwnedFd::from_raw_fd(slave) };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gol"));
        cmd.arg("repl")
            .env("GOL_HISTORY", history)
            .env("TERM", "xterm")
            .env("GOMAXPROCS", "2")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: setsid in the child before exec makes the terminal its
        // controlling terminal's session (so Ctrl-C reaches it as SIGINT).
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY as _, 0);
                Ok(())
            });
        }
        let child = cmd.spawn().expect("gol repl");
        // SAFETY: `master` is a descriptor openpty opened, owned here.
        let master = unsafe { std::fs::File::from_raw_fd(master) };
        // SAFETY: fcntl on an open descriptor.
        unsafe {
            use std::os::fd::AsRawFd;
            let fd = master.as_raw_fd();
            let fl = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK);
        }
        let mut r = Repl {
            child,
            master,
            seen: String::new(),
        };
        r.expect("gol> ");
        r
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 4096];
        loop {
            match self.master.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => return,
            }
        }
    }

    /// Waits (up to 10 s) until the output since the last expectation
    /// holds `want`; consumes up to the end of it.
    fn expect(&mut self, want: &str) -> String {
        let t = Instant::now();
        loop {
            self.pump();
            if let Some(i) = self.seen.find(want) {
                let upto = i + want.len();
                let got = self.seen[..upto].to_string();
                self.seen.drain(..upto);
                return got;
            }
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "never saw {want:?}; saw {:?}",
                self.seen
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    fn line(&mut self, text: &str) {
        self.send(text);
        self.send("\r");
    }

    /// Enters `text` at an idle prompt and waits for the next prompt:
    /// what the input printed. (Lines typed while an input runs may be
    /// dropped when the line editor takes the terminal back, as with
    /// other readline programs; a person waits for the prompt.)
    fn run(&mut self, text: &str) -> String {
        std::thread::sleep(Duration::from_millis(50));
        self.pump();
        self.seen.clear();
        self.line(text);
        let t = Instant::now();
        loop {
            self.pump();
            if let Some(i) = self.seen.rfind("gol> ") {
                if self.seen[..i].contains("\r\n") {
                    let got = self.seen[..i].to_string();
                    self.seen.drain(..i + 5);
                    return got;
                }
            }
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "{text:?}: no prompt after it; saw {:?}",
                self.seen
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn quit(mut self) {
        self.send("\x04");
        let t = Instant::now();
        loop {
            self.pump();
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "gol repl did not end"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Repl {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn history(name: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("gol-repl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn a_multi_line_function_then_a_call() {
    let h = history("multi");
    let mut r = Repl::start(&h);
    r.line("func add(a, b int) int {");
    r.line("\treturn a + b");
    r.run("}");
    assert!(r.run("add(40, 2)").contains("42"));
    r.quit();
}

#[test]
fn a_goroutine_prints_while_the_prompt_waits() {
    let h = history("goroutine");
    let mut r = Repl::start(&h);
    r.run("go func() { time.Sleep(300 * time.Millisecond); fmt.Println(\"from a goroutine\") }()");
    // Typed but not entered while the goroutine prints: the line being
    // edited is drawn again below the output.
    r.send("1 + ");
    r.expect("from a goroutine");
    r.expect("1 + ");
    r.line("1000");
    r.expect("1001");
    r.expect("gol> ");
    r.quit();
}

#[test]
fn ctrl_c_stops_a_running_input_and_the_session_goes_on() {
    let h = history("ctrlc");
    let mut r = Repl::start(&h);
    r.run("n := 6");
    r.line("for {}");
    std::thread::sleep(Duration::from_millis(300));
    r.send("\x03");
    r.expect("interrupted");
    r.expect("gol> ");
    assert!(r.run("n * 7").contains("42"));
    r.quit();
}

#[test]
fn a_redefinition() {
    let h = history("redef");
    let mut r = Repl::start(&h);
    r.run("func f() int { return 1 }");
    assert!(r.run("f() + 1").contains('2'));
    r.run("func f() string { return \"two\" }");
    assert!(r.run("f() + \"!\"").contains("two!"));
    r.quit();
}

#[test]
fn completion_of_a_package_member() {
    let h = history("complete");
    let mut r = Repl::start(&h);
    // Several candidates: the second Tab lists them.
    r.send("strings.To\t\t");
    let listed = r.expect("strings.ToUpper");
    assert!(listed.contains("strings.ToLower"), "{listed}");
    r.send("\x15"); // Ctrl-U: clear the line
                    // One candidate: completed in place.
    r.send("strings.ToUp\t");
    r.expect("strings.ToUpper");
    r.line("(\"gol\")");
    r.expect("GOL");
    r.quit();
}

#[test]
fn history_is_recalled_after_a_restart() {
    let h = history("history");
    let mut r = Repl::start(&h);
    assert!(r.run("9876 + 1").contains("9877"));
    r.quit();
    let mut r = Repl::start(&h);
    // Up arrow, then Enter: the entry of the last session runs again.
    r.send("\x1b[A");
    r.expect("9876 + 1");
    r.send("\r");
    r.expect("9877");
    r.quit();
    let _ = std::fs::remove_file(&h);
}

#[test]
fn a_panic_and_a_deadlock_do_not_end_the_session() {
    let h = history("panic");
    let mut r = Repl::start(&h);
    r.run("var m map[string]int");
    let p = r.run("m[\"x\"] = 1");
    assert!(p.contains("panic: assignment to entry in nil map"), "{p}");
    assert!(p.contains("goroutine "), "{p}");
    let d = r.run("<-make(chan int)");
    assert!(
        d.contains("fatal error: all goroutines are asleep - deadlock!"),
        "{d}"
    );
    assert!(r.run("len(m)").contains('0'));
    r.quit();
}
