//! gol as a library: compile and run Go code (gol's subset) from a Rust
//! program, with Go's runtime in small underneath.
//!
//! ```
//! let vm = gol::Vm::builder()
//!     .gomaxprocs(2)
//!     .native("host", "Twice", "func(s string, n int) (string, error)", |args| {
//!         let s: String = gol::FromValue::from_value(&args[0])?;
//!         let n: i64 = gol::FromValue::from_value(&args[1])?;
//!         Ok(vec![gol::Value::Str(s.repeat(n as usize))])
//!     })
//!     .build()
//!     .unwrap();
//! let prog = vm
//!     .compile("package main\nimport \"host\"\nfunc main() { s, _ := host.Twice(\"go\", 2); println(s) }")
//!     .unwrap();
//! assert_eq!(vm.run(&prog).unwrap(), 0);
//! ```
//!
//! # Where this lives, and why
//! The library is the workspace's top crate, `gol`, whose binary (`gol
//! run`) is its first client: the name a user looks for is the name they
//! get (`gol::Vm`, as `mlua::Lua` or `rhai::Engine`), and the command and
//! an embedding program cannot drift apart because `gol run` compiles and
//! runs through [`Vm::compile`] and [`Vm::run`]. The rejected alternative,
//! a separate `gol-embed` crate, would be one more name to find and one
//! more layer with nothing of its own: everything it wraps (`gol-lang`,
//! `gol-vm`, `gol-stdlib`) is already a crate. What the binary alone
//! needs stays in the binary: the command line and the crash-signal
//! handler (`src/fault.rs`; a library must not install signal handlers
//! in its host). The cost: an embedding program also builds the command
//! line parser, `clap`.
//!
//! # The model
//! * A [`Vm`] is a configuration (GOMAXPROCS, GOGC, a soft memory limit,
//!   hard heap and goroutine limits, where output goes, the host's native
//!   functions) and a [`CancelHandle`]. It is `Send + Sync` and owns no thread between
//!   runs: each [`Vm::run`] builds the runtime (heap, scheduler, Ms),
//!   runs the program to its end on the calling thread plus GOMAXPROCS
//!   Ms, and joins every thread it started before returning. Several
//!   runs may proceed at once on different threads.
//! * A [`Program`] is compiled bytecode, shared (`Arc`) by every run.
//! * How a run ends is a value: `Ok(status)` for main's return (0) or
//!   `os.Exit`; `Err(`[`Error`]`)` for a panic, a fatal error, a deadlock
//!   (each with Go's report text) or a cancel. Nothing in a run exits the
//!   host process or unwinds into it (but see "Limits").
//! * [`Vm::call`] calls one function of the program by name with
//!   [`Value`]s ([`ToValue`]/[`FromValue`] convert Rust values): a run
//!   of package initialisation and that function (see `call.rs`).
//! * Standard input is the host process's.
//!
//! # Native functions of the host
//! [`Builder::native`] registers a closure under a package path and a Go
//! signature. The package is made of Go source, generated: a body-less
//! declaration the VM resolves to the closure, and an exported wrapper
//! with the stated signature. Programs import the package as any other,
//! so calls are type-checked at compile time against the signature, with
//! the same diagnostics as every other call. The closure's `Err(text)`
//! becomes the function's `error` result (`errors.New(text)`) when the
//! signature ends in `error`, else a Go panic with that text.
//!
//! # Limits
//! * Memory the system cannot give, asked for while a goroutine runs (a
//!   huge `make`, a string no budget covers), ends the run with Go's
//!   `fatal error: runtime: out of memory` as [`Error::Fatal`]; the host
//!   goes on (`gol_gc::catch_throws` around every goroutine slice). A
//!   broken runtime invariant met outside a goroutine's slice (in the
//!   collector's or the scheduler's own threads) still ends the process
//!   with Go's `fatal error` text: that is a bug of gol, not an outcome of
//!   a program. [`Builder::memory_limit`] is Go's soft
//!   `GOMEMLIMIT`; [`Builder::max_heap`] is the hard cap (checked between
//!   slices: one huge allocation still reaches the allocator first).
//! * A goroutine blocked reading standard input is not interrupted by a
//!   cancel; the run gives up waiting for it after two seconds.
//! * The environment's `GODEBUG` still applies (gctrace, schedtrace, ...).

use gol_lang::bytecode;
use gol_vm::stdio::{Host as VmHost, Stream};
use std::io::Write;
use std::sync::{Arc, Mutex};

mod call;
mod host;
pub mod session;
mod value;

pub use gol_vm::sched::{Policy, SchedSpec};
pub use gol_vm::{RaceOptions, TraceFormat};
pub use value::{FromValue, ToValue, Value};

/// Why a run (or loading a program) failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The program cannot be loaded (a standard function gol does not
    /// implement yet).
    Load(String),
    /// An unrecovered panic: Go's report (`panic: ...` and the traces).
    Panic(String),
    /// A fatal error: Go's `fatal error: ...` and the trace.
    Fatal(String),
    /// Every goroutine is asleep: Go's `fatal error: all goroutines are
    /// asleep - deadlock!` and the dump.
    Deadlock(String),
    /// [`CancelHandle::cancel`] stopped the run.
    Cancelled,
    /// [`Vm::call`] cannot make the call (no such function, arguments
    /// that do not fit its parameters, types the host cannot convert).
    Call(String),
    /// The called function returned a non-nil `error`: its text.
    Returned(String),
}

impl Error {
    /// Go's report text (empty for a cancel).
    pub fn text(&self) -> &str {
        match self {
            Error::Load(t)
            | Error::Panic(t)
            | Error::Fatal(t)
            | Error::Deadlock(t)
            | Error::Call(t)
            | Error::Returned(t) => t,
            Error::Cancelled => "",
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Cancelled => write!(f, "cancelled"),
            e => write!(f, "{}", e.text().trim_end()),
        }
    }
}

impl std::error::Error for Error {}

/// Compile errors, rendered as `gol check` renders them (codespan
/// diagnostics with the source underlined).
pub struct Diagnostics {
    sources: gol_lang::source::SourceMap,
    diags: Vec<gol_lang::diag::Diagnostic>,
}

impl Diagnostics {
    /// The diagnostics as plain text, exactly as the command prints them
    /// without colour.
    pub fn render(&self) -> String {
        gol_lang::diag::render_plain(&self.sources, &self.diags)
    }

    /// Writes them to stderr as the command does (colour on a terminal).
    pub fn emit_stderr(&self) {
        gol_lang::diag::emit_stderr(&self.sources, &self.diags);
    }

    /// One line per error (`file:line:col: message`), as Go's compiler
    /// prints them.
    pub fn lines(&self) -> Vec<String> {
        self.diags
            .iter()
            .map(|d| d.one_line(&self.sources))
            .collect()
    }

    /// The number of errors.
    pub fn len(&self) -> usize {
        self.diags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.diags.is_empty()
    }
}

impl std::fmt::Debug for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Diagnostics {}

/// A compiled program, cheap to clone and share between threads and runs.
#[derive(Clone)]
pub struct Program {
    prog: Arc<bytecode::Program>,
    /// The source files, compiled again with call wrappers on the first
    /// [`Vm::call`] (see `call`).
    files: Arc<Vec<(String, String)>>,
    calls: Arc<std::sync::OnceLock<Result<call::Calls, String>>>,
}

impl Program {
    /// Every function's bytecode with its source lines (`gol disasm`).
    pub fn disassemble(&self) -> String {
        self.prog.disassemble()
    }
}

/// Where a stream of the program's output goes.
#[derive(Clone, Default)]
pub enum Output {
    /// The host process's own file descriptor (1 or 2), written as `gol
    /// run` writes it.
    #[default]
    Inherit,
    /// Each write of the program, whole, to this writer.
    Writer(Arc<Mutex<dyn Write + Send>>),
    /// Dropped.
    Discard,
}

impl Output {
    /// Each write of the program to `w`.
    pub fn writer(w: impl Write + Send + 'static) -> Output {
        Output::Writer(Arc::new(Mutex::new(w)))
    }
}

/// A growable byte buffer shared with the program, for [`Output::Writer`]:
/// clone it, hand one clone to the builder and read the other.
#[derive(Clone, Default)]
pub struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl SharedBuffer {
    pub fn new() -> SharedBuffer {
        SharedBuffer::default()
    }

    /// A copy of what was written so far.
    pub fn contents(&self) -> Vec<u8> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// What was written so far, as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.contents()).into_owned()
    }

    /// Takes what was written so far, leaving the buffer empty.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Write for SharedBuffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A host function as [`Builder::native`] registers it: the arguments as
/// [`Value`]s in order, the results (without the trailing `error`) or the
/// error's text.
pub type NativeClosure = dyn Fn(&[Value]) -> Result<Vec<Value>, String> + Send + Sync;

/// Configures a [`Vm`].
#[derive(Default)]
pub struct Builder {
    gomaxprocs: Option<usize>,
    gogc: Option<i32>,
    memory_limit: Option<u64>,
    max_heap: u64,
    max_goroutines: usize,
    race: Option<gol_vm::RaceOptions>,
    sched: Option<SchedSpec>,
    trace: Option<gol_vm::TraceConfig>,
    trace_format: Option<gol_vm::TraceFormat>,
    stdout: Output,
    stderr: Output,
    reports_to_stderr: Option<bool>,
    natives: Vec<host::HostFunc>,
    errors: Vec<String>,
}

impl Builder {
    /// GOMAXPROCS: how many goroutines run in parallel (default: the
    /// `GOMAXPROCS` variable, else the CPU count).
    pub fn gomaxprocs(mut self, n: usize) -> Builder {
        self.gomaxprocs = Some(n.max(1));
        self
    }

    /// GOGC: the collector's heap growth percentage; `None` turns the
    /// collector off (Go's `GOGC=off`). Default: the `GOGC` variable, else 100.
    pub fn gogc(mut self, percent: Option<u32>) -> Builder {
        self.gogc = Some(percent.map_or(-1, |p| p.min(i32::MAX as u32) as i32));
        self
    }

    /// GOMEMLIMIT: the soft memory limit in bytes the collector paces
    /// against (it collects more often near it; it does not fail
    /// allocations). Default: the `GOMEMLIMIT` variable, else none.
    pub fn memory_limit(mut self, bytes: u64) -> Builder {
        self.memory_limit = Some(bytes);
        self
    }

    /// A hard cap on the heap, in bytes: a run whose live heap passes it
    /// ends with [`Error::Fatal`] (`fatal error: runtime: out of memory
    /// ...`) instead of growing until the host runs out of memory. Checked
    /// when a goroutine's slice starts; an allocating slice ends early at
    /// the collector's trigger, so the heap overshoots by about one
    /// trigger's worth (more with the collector off). Default: none.
    pub fn max_heap(mut self, bytes: u64) -> Builder {
        self.max_heap = bytes;
        self
    }

    /// Runs programs under the race detector (`go run -race`): data
    /// races are reported as Go reports them and a run that found one
    /// ends with `opts.exitcode` (66) where it would have ended with 0.
    /// `RaceOptions::from_env` reads `GORACE`.
    pub fn race(mut self, opts: RaceOptions) -> Builder {
        self.race = Some(opts);
        self
    }

    /// Runs programs on a seeded schedule (`gol run -sched=pct:48213,3`):
    /// one P, every scheduling decision (which goroutine runs next, where
    /// its slice ends, which ready select case wins, map orders) drawn
    /// from the seed, and virtual time for timers and `time.Now`, so a run
    /// repeats byte for byte with its seed. Parse one with
    /// [`SchedSpec::parse`].
    pub fn sched(mut self, spec: SchedSpec) -> Builder {
        self.sched = Some(spec);
        self
    }

    /// Writes an execution trace of each run to `path`: Chrome trace-event
    /// JSON, or Perfetto's protobuf when the name ends in `.pftrace` or
    /// `.perfetto-trace` (see [`Builder::trace_format`]); ui.perfetto.dev
    /// opens both (goroutine segments per P, Ms, the collector's phases,
    /// wake-up arrows, counters). With `flight_recorder`, only the last
    /// five seconds are kept, and written only if the run ends in a panic,
    /// a fatal error or a deadlock.
    pub fn trace(mut self, path: impl Into<std::path::PathBuf>, flight_recorder: bool) -> Builder {
        let path = path.into();
        self.trace = Some(gol_vm::TraceConfig {
            format: gol_vm::TraceFormat::for_path(&path),
            path,
            flight_recorder,
        });
        self
    }

    /// The format of every trace of a run, whatever its file's name:
    /// [`Builder::trace`]'s, and the one a program's `runtime/trace.Stop`
    /// writes (which is otherwise Perfetto's protobuf for a file named
    /// `*.pftrace` or `*.perfetto-trace`, else JSON).
    pub fn trace_format(mut self, format: gol_vm::TraceFormat) -> Builder {
        self.trace_format = Some(format);
        self
    }

    /// The most goroutines alive at once; past it the run ends with
    /// [`Error::Fatal`] (`fatal error: too many goroutines (limit N)`).
    /// Checked when a goroutine's slice starts, so a program may overshoot
    /// by what one slice starts. Default: no limit.
    pub fn max_goroutines(mut self, n: usize) -> Builder {
        self.max_goroutines = n;
        self
    }

    /// Where the program's standard output goes (default: the process's).
    pub fn stdout(mut self, out: Output) -> Builder {
        self.stdout = out;
        self
    }

    /// Where the program's standard error goes (default: the process's).
    pub fn stderr(mut self, out: Output) -> Builder {
        self.stderr = out;
        self
    }

    /// Whether the runtime's reports (panic, fatal error, deadlock) are
    /// also written to the program's stderr, as Go writes them, besides
    /// being the [`Error`]'s text. Default: yes when stderr is inherited,
    /// no when it is redirected (the host has the text in the error).
    pub fn reports_to_stderr(mut self, yes: bool) -> Builder {
        self.reports_to_stderr = Some(yes);
        self
    }

    /// Registers `f` as the Go function `name` of package `pkg` (an import
    /// path of one or more lowercase segments that no standard package
    /// uses), with the Go signature `sig` (`func(s string, n int) (int,
    /// error)`). Parameters and results may be booleans, integers, floats,
    /// strings, `[]byte`, and slices of those; the last result may be
    /// `error`. The closure may be called from several goroutines at once,
    /// and runs as a system call (the goroutine's P released), so it may
    /// block.
    pub fn native(
        mut self,
        pkg: &str,
        name: &str,
        sig: &str,
        f: impl Fn(&[Value]) -> Result<Vec<Value>, String> + Send + Sync + 'static,
    ) -> Builder {
        match host::HostFunc::new(pkg, name, sig, Arc::new(f)) {
            Ok(h) => self.natives.push(h),
            Err(e) => self.errors.push(e),
        }
        self
    }

    /// The VM; an error names a native whose package, name or signature
    /// cannot be used.
    pub fn build(mut self) -> Result<Vm, Error> {
        if !self.errors.is_empty() {
            return Err(Error::Load(self.errors.join("\n")));
        }
        let natives = std::mem::take(&mut self.natives);
        let packages = host::Packages::new(natives).map_err(Error::Load)?;
        Ok(self.finish(packages))
    }

    fn finish(self, packages: host::Packages) -> Vm {
        let reports_to_stderr = self
            .reports_to_stderr
            .unwrap_or(matches!(self.stderr, Output::Inherit));
        Vm {
            inner: Arc::new(Inner {
                gomaxprocs: self.gomaxprocs,
                gogc: self.gogc,
                memory_limit: self.memory_limit,
                max_heap: self.max_heap,
                max_goroutines: self.max_goroutines,
                race: self.race,
                sched: self.sched,
                // The chosen format applies to `--trace` whichever came
                // first, trace or trace_format.
                trace: self.trace.map(|mut t| {
                    if let Some(f) = self.trace_format {
                        t.format = f;
                    }
                    t
                }),
                trace_format: self.trace_format,
                stdout: self.stdout,
                stderr: self.stderr,
                reports_to_stderr,
                packages: Arc::new(packages),
            }),
            canceller: gol_vm::Canceller::new(),
        }
    }
}

struct Inner {
    gomaxprocs: Option<usize>,
    gogc: Option<i32>,
    memory_limit: Option<u64>,
    max_heap: u64,
    max_goroutines: usize,
    race: Option<gol_vm::RaceOptions>,
    sched: Option<SchedSpec>,
    trace: Option<gol_vm::TraceConfig>,
    trace_format: Option<gol_vm::TraceFormat>,
    stdout: Output,
    stderr: Output,
    reports_to_stderr: bool,
    packages: Arc<host::Packages>,
}

/// A gol virtual machine: compiles programs and runs them (see the crate
/// docs for the model). `Send + Sync`; clones share the configuration and
/// the cancel handle.
#[derive(Clone)]
pub struct Vm {
    inner: Arc<Inner>,
    canceller: gol_vm::Canceller,
}

/// Stops the runs of a [`Vm`] from any thread (see [`CancelHandle::cancel`]).
#[derive(Clone)]
pub struct CancelHandle(gol_vm::Canceller);

impl CancelHandle {
    /// Stops the runs of the VM in progress: each returns
    /// [`Error::Cancelled`] once its Ms have left (a running goroutine
    /// stops at its next preemption safepoint, within one slice's budget
    /// of calls and loop iterations; parked goroutines are dropped).
    /// False when no run is in progress (a later run is not affected).
    pub fn cancel(&self) -> bool {
        self.0.cancel()
    }

    /// Whether a run of the VM is in progress.
    pub fn running(&self) -> bool {
        self.0.running()
    }
}

impl Vm {
    /// A VM with the default configuration (see [`Builder`]).
    pub fn new() -> Vm {
        Builder::default().finish(host::Packages::default())
    }

    pub fn builder() -> Builder {
        Builder::default()
    }

    /// A handle to cancel this VM's runs from another thread.
    pub fn cancel_handle(&self) -> CancelHandle {
        CancelHandle(self.canceller.clone())
    }

    /// Compiles one file of Go source (named `main.go` in diagnostics).
    pub fn compile(&self, source: &str) -> Result<Program, Diagnostics> {
        self.compile_files(vec![("main.go".to_string(), source.to_string())])
    }

    /// Compiles the files of one program, each (name, text); a name
    /// ending in `.gol` is a script.
    pub fn compile_files(&self, files: Vec<(String, String)>) -> Result<Program, Diagnostics> {
        let importer = host::Importer {
            packages: &self.inner.packages,
        };
        let kept = Arc::new(files.clone());
        let (checked, compiled) =
            compile_sources(files, &importer).map_err(|checked| Diagnostics {
                sources: checked.sources,
                diags: checked.diagnostics,
            })?;
        match compiled {
            Ok(p) => Ok(Program {
                prog: Arc::new(p),
                files: kept,
                calls: Default::default(),
            }),
            Err(diags) => Err(Diagnostics {
                sources: checked.sources,
                diags,
            }),
        }
    }

    /// Runs `prog` (package initialisation, then `main.main`) with `os.Args`
    /// `["main"]`.
    pub fn run(&self, prog: &Program) -> Result<i32, Error> {
        self.run_with_args(prog, vec!["main".to_string()])
    }

    /// Runs `prog` with these `os.Args` (the program's name first).
    pub fn run_with_args(&self, prog: &Program, args: Vec<String>) -> Result<i32, Error> {
        self.run_bytecode(prog.prog.clone(), args, call::CallState::default())
            .0
    }

    /// Calls the package-level function `name` of `prog`'s main package
    /// with `args` and returns its results (a trailing `error` result is
    /// [`Error::Returned`] when not nil). The call is a run of its own:
    /// package initialisation, then the function (not `main`); nothing
    /// persists between calls. Parameters and results may be booleans,
    /// integers, floats, strings, `[]byte`, and slices, maps and package
    /// main's struct types (with named fields) of those, nested.
    pub fn call(&self, prog: &Program, name: &str, args: &[Value]) -> Result<Vec<Value>, Error> {
        let calls = prog.calls.get_or_init(|| self.compile_calls(prog));
        let calls = calls.as_ref().map_err(|e| Error::Call(e.clone()))?;
        let (bytecode, callable, words) = calls.prepare(name, args).map_err(Error::Call)?;
        let st = call::CallState {
            args: words.into(),
            results: Vec::new(),
            error: None,
        };
        let (r, st) = self.run_bytecode(bytecode, vec![name.to_string()], st);
        match r? {
            0 => callable.results(st),
            c => Err(Error::Call(format!("{name} called os.Exit({c})"))),
        }
    }

    /// `prog`'s sources compiled again with the call wrappers.
    fn compile_calls(&self, prog: &Program) -> Result<call::Calls, String> {
        let importer = host::Importer {
            packages: &self.inner.packages,
        };
        let checked = gol_lang::check_sources((*prog.files).clone(), &importer);
        let Some(program) = &checked.program else {
            return Err("the program does not compile".into());
        };
        let funcs = call::callables(program, &checked.sources);
        let mut files = (*prog.files).clone();
        files.push(("golembed_calls.go".into(), call::wrappers(&funcs)));
        let (checked, compiled) = compile_sources(files, &importer).map_err(|checked| {
            format!(
                "the call wrappers do not compile:\n{}",
                gol_lang::diag::render_plain(&checked.sources, &checked.diagnostics)
            )
        })?;
        match compiled {
            Ok(p) => Ok(call::Calls::new(p, funcs)),
            Err(d) => Err(format!(
                "the call wrappers do not compile:\n{}",
                gol_lang::diag::render_plain(&checked.sources, &d)
            )),
        }
    }

    /// One run of `prog`, with the call state its natives read and write.
    fn run_bytecode(
        &self,
        prog: Arc<bytecode::Program>,
        args: Vec<String>,
        call: call::CallState,
    ) -> (Result<i32, Error>, call::CallState) {
        let (mut vm, host) = match self.load(prog, args, call) {
            Ok(v) => v,
            Err((e, call)) => return (Err(e), call),
        };
        let ending = vm.run_to_end();
        drop(vm);
        let report = String::from_utf8_lossy(&std::mem::take(
            &mut *host.report.lock().unwrap_or_else(|e| e.into_inner()),
        ))
        .into_owned();
        let call = std::mem::take(&mut *host.call.lock().unwrap_or_else(|e| e.into_inner()));
        let r = match ending {
            gol_vm::Ending::Exit(c) => Ok(c),
            gol_vm::Ending::Panic => Err(Error::Panic(report)),
            gol_vm::Ending::Fatal => Err(Error::Fatal(report)),
            gol_vm::Ending::Deadlock => Err(Error::Deadlock(report)),
            gol_vm::Ending::Cancelled => Err(Error::Cancelled),
        };
        (r, call)
    }

    /// An interactive session on this VM's configuration (see
    /// [`session`]): nothing runs until its first input.
    pub fn session(&self) -> session::Session {
        session::Session::new(self.clone())
    }

    /// A runtime for a session's first program.
    pub(crate) fn runtime_vm(&self, prog: Arc<bytecode::Program>) -> Result<gol_vm::Vm, Error> {
        self.load(prog, vec!["gol".to_string()], call::CallState::default())
            .map(|(vm, _)| vm)
            .map_err(|(e, _)| e)
    }

    /// Finds a native by name: the host's, the call wrappers', the
    /// standard library's.
    pub(crate) fn resolver(&self) -> impl Fn(&str) -> Option<gol_vm::Native> {
        let packages = self.inner.packages.clone();
        move |name: &str| {
            packages
                .resolve(name)
                .or_else(|| call::resolve(name))
                .or_else(|| gol_stdlib::natives::resolve(name))
        }
    }

    /// Loads `prog` into a runtime with this VM's configuration.
    #[allow(clippy::type_complexity)]
    fn load(
        &self,
        prog: Arc<bytecode::Program>,
        args: Vec<String>,
        call: call::CallState,
    ) -> Result<(gol_vm::Vm, Arc<RunHost>), (Error, call::CallState)> {
        let resolve = self.resolver();
        let mut vm = match gol_vm::Vm::new(prog, &resolve, gol_stdlib::natives::hooks()) {
            Ok(vm) => vm,
            Err(e) => return Err((Error::Load(e), call)),
        };
        vm.set_args(args);
        if let Some(p) = self.inner.gogc {
            vm.set_gogc(p);
        }
        if let Some(b) = self.inner.memory_limit {
            vm.set_memory_limit(b);
        }
        vm.set_run_config(gol_vm::RunConfig {
            gomaxprocs: self.inner.gomaxprocs,
            max_goroutines: self.inner.max_goroutines,
            max_heap_bytes: self.inner.max_heap,
            canceller: Some(self.canceller.clone()),
            race: self.inner.race.clone(),
            sched: self.inner.sched,
            trace: self.inner.trace.clone(),
            trace_format: self.inner.trace_format,
        });
        let host = Arc::new(RunHost {
            stdout: self.inner.stdout.clone(),
            stderr: self.inner.stderr.clone(),
            reports_to_stderr: self.inner.reports_to_stderr,
            report: Mutex::new(Vec::new()),
            packages: self.inner.packages.clone(),
            call: Mutex::new(call),
        });
        vm.set_host(host.clone());
        Ok((vm, host))
    }
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}

/// The most bytes of a runtime report an [`Error`] keeps.
const REPORT_MAX: usize = 4 << 20;

/// The VM's view of the host for one run (`gol_vm::stdio::Host`): the
/// output streams, the report being collected, the host's natives.
pub(crate) struct RunHost {
    stdout: Output,
    stderr: Output,
    reports_to_stderr: bool,
    /// The runtime's report of the run's end (panic, fatal, deadlock).
    report: Mutex<Vec<u8>>,
    pub(crate) packages: Arc<host::Packages>,
    /// The state of a host's call into the program ([`Vm::call`]).
    pub(crate) call: Mutex<call::CallState>,
}

impl VmHost for RunHost {
    fn write(&self, stream: Stream, b: &[u8]) -> Option<std::io::Result<()>> {
        let out = match stream {
            Stream::Stdout => &self.stdout,
            Stream::Stderr => &self.stderr,
        };
        match out {
            Output::Inherit => None,
            Output::Discard => Some(Ok(())),
            Output::Writer(w) => Some(w.lock().unwrap_or_else(|e| e.into_inner()).write_all(b)),
        }
    }

    fn report(&self, b: &[u8]) {
        {
            // A deadlock dump of a million goroutines is hundreds of MB:
            // the error keeps its head.
            let mut r = self.report.lock().unwrap_or_else(|e| e.into_inner());
            let room = REPORT_MAX.saturating_sub(r.len());
            r.extend_from_slice(&b[..b.len().min(room)]);
        }
        if self.reports_to_stderr {
            match &self.stderr {
                Output::Inherit => {
                    let _ = std::io::stderr().write_all(b);
                }
                Output::Discard => {}
                Output::Writer(w) => {
                    let _ = w.lock().unwrap_or_else(|e| e.into_inner()).write_all(b);
                }
            }
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[allow(dead_code)]
fn _assert_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Vm>();
    is::<Program>();
    is::<CancelHandle>();
}

/// The code generator's result: the program, or its diagnostics.
type Compiled = gol_lang::Compiled<bytecode::Program>;

/// Checks and compiles a program's files ([`gol_lang::check_and_compile`]).
fn compile_sources(
    files: Vec<(String, String)>,
    importer: &dyn gol_lang::Importer,
) -> Result<(gol_lang::Checked, Compiled), Box<gol_lang::Checked>> {
    gol_lang::check_and_compile(
        |bodies| gol_lang::check_sources_with(files.clone(), importer, bodies),
        gol_lang::codegen::compile,
    )
}
