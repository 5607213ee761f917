//! `gol repl`: a live Go session on rustyline.
//!
//! Each input is compiled and run once, into a program whose goroutines
//! keep running while the prompt waits ([`gol::session`]). The pieces:
//! * rustyline reads lines; its validator asks the parser whether the
//!   input goes on (an open brace, parenthesis or raw string), so a
//!   multi-line function is one history entry;
//! * the program's output goes through [`PromptWriter`]: straight to the
//!   terminal while an input runs, and through rustyline's external
//!   printer while the prompt waits, so a goroutine's print lands above
//!   the line being edited instead of through it;
//! * Ctrl-C while an input runs reaches a signal handler that writes a
//!   byte to a pipe; a thread waiting on the pipe interrupts the input
//!   (the session goes on). Ctrl-C at the prompt clears the line; Ctrl-D
//!   ends the session.

use gol::session::{InputError, Outcome, Session};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Editor, ExternalPrinter, Helper, Highlighter, Hinter};
use std::cell::RefCell;
use std::io::Write;
use std::process::ExitCode;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};

const HELP: &str = "\
Type Go: declarations (func, type, var, const, import), statements, or an
expression to print its value. `x := ...` keeps x for later inputs; a name
may be declared again. Goroutines keep running between inputs.

  :type EXPR       the static type of EXPR
  :doc PKG.NAME    the declaration and comment of a standard package's NAME
  :disasm FUNC     the bytecode of a function of the session
  :goroutines      every goroutine's stack
  :sched           the scheduler: Ps, run queues, Ms
  :gc              run a collection and print the heap's figures
  :reset           start a new session
  :help            this text
  :quit            leave (or Ctrl-D)

Ctrl-C stops the running input; the session goes on.
";

const COMMANDS: &[&str] = &[
    ":type ",
    ":doc ",
    ":disasm ",
    ":goroutines",
    ":sched",
    ":gc",
    ":reset",
    ":help",
    ":quit",
];

/// rustyline's helper: completion from the session, multi-line input
/// from the parser.
#[derive(Helper, Hinter, Highlighter)]
struct ReplHelper {
    session: Rc<RefCell<Session>>,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let pair = |s: String| Pair {
            display: s.clone(),
            replacement: s,
        };
        if line.starts_with(':') && !line[..pos].contains(' ') {
            let word = &line[..pos];
            let c = COMMANDS
                .iter()
                .filter(|c| c.starts_with(word))
                .map(|c| pair(c.to_string()))
                .collect();
            return Ok((0, c));
        }
        // Tab at the start of a line, or after a blank, indents.
        let before = &line[..pos];
        if before.is_empty() || before.ends_with(char::is_whitespace) {
            return Ok((pos, vec![pair("\t".to_string())]));
        }
        let Ok(s) = self.session.try_borrow() else {
            return Ok((pos, Vec::new()));
        };
        let (start, words) = s.complete(line, pos);
        Ok((start, words.into_iter().map(pair).collect()))
    }
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.trim_start().starts_with(':') || !gol::session::incomplete(input) {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
    }
}

/// Where the program's output goes: the terminal while an input runs,
/// rustyline's external printer while the prompt waits (module docs).
struct PromptWriter {
    at_prompt: Arc<AtomicBool>,
    printer: Arc<Mutex<Option<Box<dyn ExternalPrinter + Send>>>>,
    stderr: bool,
}

impl Write for PromptWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if self.at_prompt.load(Ordering::Acquire) {
            let mut p = self.printer.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(p) = p.as_mut() {
                let text = String::from_utf8_lossy(b);
                let _ = p.print(text.trim_end_matches('\n').to_string());
                return Ok(b.len());
            }
        }
        if self.stderr {
            std::io::stderr().write_all(b)?;
        } else {
            let mut out = std::io::stdout();
            out.write_all(b)?;
            out.flush()?;
        }
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The write end of the Ctrl-C pipe (-1 when none).
static SIGINT_FD: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_sigint(_: libc::c_int) {
    let fd = SIGINT_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let b = 1u8;
        // SAFETY: write(2) is async-signal-safe; `b` is a valid byte.
        unsafe { libc::write(fd, &b as *const u8 as *const libc::c_void, 1) };
    }
}

/// Installs the Ctrl-C handler and its thread, which interrupts whatever
/// `target` holds.
fn install_sigint(target: Arc<Mutex<Option<gol::session::Interrupter>>>) {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: pipe(2) fills the two descriptors of a valid array.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
        return;
    }
    SIGINT_FD.store(fds[1], Ordering::Relaxed);
    let read_fd = fds[0];
    std::thread::Builder::new()
        .name("gol-repl-sigint".into())
        .spawn(move || loop {
            let mut b = 0u8;
            // SAFETY: read(2) into a valid one-byte buffer.
            let n = unsafe { libc::read(read_fd, &mut b as *mut u8 as *mut libc::c_void, 1) };
            if n <= 0 {
                if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return;
            }
            if let Some(i) = &*target.lock().unwrap_or_else(|e| e.into_inner()) {
                i.interrupt();
            }
        })
        .ok();
    // SAFETY: a sigaction with a plain handler; SA_RESTART so that the
    // runtime's own system calls are resumed.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as *const () as usize;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

/// The history file: `$GOL_HISTORY`, else `~/.gol_history`.
fn history_path() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("GOL_HISTORY") {
        return Some(p.into());
    }
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".gol_history"))
}

fn new_session(
    at_prompt: &Arc<AtomicBool>,
    printer: &Arc<Mutex<Option<Box<dyn ExternalPrinter + Send>>>>,
) -> Option<Session> {
    let out = |stderr| {
        gol::Output::writer(PromptWriter {
            at_prompt: at_prompt.clone(),
            printer: printer.clone(),
            stderr,
        })
    };
    let vm = gol::Vm::builder()
        .stdout(out(false))
        .stderr(out(true))
        .reports_to_stderr(true)
        .build();
    match vm {
        Ok(vm) => Some(vm.session()),
        Err(e) => {
            eprintln!("gol: {e}");
            None
        }
    }
}

/// Runs the REPL until Ctrl-D, `:quit` or the program's `os.Exit`.
pub fn run() -> ExitCode {
    let at_prompt = Arc::new(AtomicBool::new(false));
    let printer: Arc<Mutex<Option<Box<dyn ExternalPrinter + Send>>>> = Default::default();
    let Some(session) = new_session(&at_prompt, &printer) else {
        return ExitCode::from(1);
    };
    let session = Rc::new(RefCell::new(session));
    let config = rustyline::Config::builder()
        .auto_add_history(false)
        // As a shell: Tab completes the common prefix, a second Tab lists.
        .completion_type(rustyline::CompletionType::List)
        .max_history_size(10_000)
        .map(|b| b.build());
    let mut rl: Editor<ReplHelper, DefaultHistory> = match config.and_then(Editor::with_config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("gol: {e}");
            return ExitCode::from(1);
        }
    };
    rl.set_helper(Some(ReplHelper {
        session: session.clone(),
    }));
    if let Ok(p) = rl.create_external_printer() {
        *printer.lock().unwrap_or_else(|e| e.into_inner()) = Some(Box::new(p));
    }
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = rl.load_history(h);
    }
    let target: Arc<Mutex<Option<gol::session::Interrupter>>> = Default::default();
    install_sigint(target.clone());
    println!(
        "gol {} (Go's runtime in small). :help for help, Ctrl-D to leave.",
        env!("CARGO_PKG_VERSION")
    );
    let mut status = ExitCode::SUCCESS;
    loop {
        at_prompt.store(true, Ordering::Release);
        let line = rl.readline("gol> ");
        at_prompt.store(false, Ordering::Release);
        let input = match line {
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("gol: {e}");
                status = ExitCode::from(1);
                break;
            }
        };
        if input.trim().is_empty() {
            continue;
        }
        let _ = rl.add_history_entry(input.as_str());
        if let Some(h) = &hist {
            let _ = rl.save_history(h);
        }
        let cmd = input.trim();
        if let Some(rest) = cmd.strip_prefix(':') {
            let (name, arg) = rest.split_once(' ').unwrap_or((rest, ""));
            let arg = arg.trim();
            match name {
                "q" | "quit" | "exit" => break,
                "help" | "h" => print!("{HELP}"),
                "type" | "t" => match session.borrow().type_of(arg) {
                    Ok(t) => println!("{t}"),
                    Err(e) => report(&e),
                },
                "doc" => match gol::session::doc(arg) {
                    Some(d) => print!("{d}"),
                    None => eprintln!("no declaration of {arg} in the standard packages"),
                },
                "disasm" => {
                    let d = session.borrow_mut().disasm(arg);
                    if d.is_empty() {
                        eprintln!("no function {arg} in the session");
                    } else {
                        print!("{d}");
                    }
                }
                "goroutines" | "g" => print!("{}", session.borrow().goroutines()),
                "sched" => print!("{}", session.borrow().sched()),
                "gc" => {
                    let code = "{ var ms runtime.MemStats; runtime.GC(); runtime.ReadMemStats(&ms); \
                        fmt.Printf(\"gc %d: %d KB live in %d objects, next collection at %d KB; %d goroutines\\n\", \
                        ms.NumGC, ms.HeapAlloc/1024, ms.HeapObjects, ms.NextGC/1024, runtime.NumGoroutine()) }";
                    eval(&session, &target, code);
                }
                "reset" => {
                    if let Some(s) = new_session(&at_prompt, &printer) {
                        *session.borrow_mut() = s;
                        println!("new session");
                    }
                }
                _ => eprintln!("unknown command :{name} (:help lists them)"),
            }
            continue;
        }
        if let Some(code) = eval(&session, &target, &input) {
            status = ExitCode::from(code.clamp(0, 255) as u8);
            break;
        }
    }
    if let Some(h) = &hist {
        let _ = rl.save_history(h);
    }
    status
}

/// Runs one input; Some(status) when the program ended the session.
fn eval(
    session: &Rc<RefCell<Session>>,
    target: &Arc<Mutex<Option<gol::session::Interrupter>>>,
    input: &str,
) -> Option<i32> {
    let mut s = session.borrow_mut();
    *target.lock().unwrap_or_else(|e| e.into_inner()) = Some(s.interrupter());
    let r = s.eval(input);
    *target.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let _ = std::io::stdout().flush();
    match r {
        Ok(Outcome::Done) | Ok(Outcome::Panicked(_)) | Ok(Outcome::Deadlock(_)) => None,
        Ok(Outcome::Interrupted) => {
            eprintln!("interrupted");
            None
        }
        Ok(Outcome::Exited(c)) => Some(c),
        Ok(Outcome::Fatal(_)) => Some(2),
        Err(e) => {
            report(&e);
            None
        }
    }
}

fn report(e: &InputError) {
    match e {
        InputError::Compile(d) => d.emit_stderr(),
        InputError::Session(m) => eprintln!("gol: {m}"),
    }
}
