//! The `gol` command: run, check and inspect gol programs.
//!
//! Exit statuses follow Go's tools: 0 success, 1 compile errors or an
//! unreadable file, 2 a bad command line (and, once programs run, an
//! unrecovered panic or fatal error).

mod explore;
mod fault;
mod repl;

use clap::{Parser, Subcommand};
use gol_lang::diag;
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gol",
    version,
    about = "gol runs programs written in a subset of Go on a VM with Go's runtime in small",
    disable_version_flag = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Compile and run a program (.gol script or .go file)
    Run {
        /// Run with the race detector (`-race` as Go spells it; `GORACE`
        /// options apply: exitcode, halt_on_error, log_path)
        #[arg(long)]
        race: bool,
        /// Run on a seeded schedule, `random:SEED` or `pct:SEED,DEPTH`: one
        /// P, every scheduling decision drawn from the seed, virtual time;
        /// the same seed replays the same run
        #[arg(long, value_name = "SPEC", value_parser = parse_sched)]
        sched: Option<gol::SchedSpec>,
        /// Try N seeded schedules (PCT, depth 3, seeds 1..=N, or from
        /// -sched's seed and policy) and stop at the first that ends in a
        /// race, a panic, a deadlock or another failing status, printing
        /// its output and the command that replays it
        #[arg(long, value_name = "N")]
        explore: Option<u64>,
        /// Write an execution trace to FILE (Chrome trace-event JSON, or
        /// Perfetto's protobuf for FILE.pftrace: open it in ui.perfetto.dev)
        #[arg(long, value_name = "FILE")]
        trace: Option<String>,
        /// The format of the run's traces whatever their files' names
        /// (--trace's, the flight recorder's, runtime/trace's): json or
        /// perfetto
        #[arg(long, value_name = "FORMAT", value_parser = parse_trace_format)]
        trace_format: Option<gol::TraceFormat>,
        /// Keep the last five seconds of an execution trace and write them
        /// to FILE if the run ends in a panic, a fatal error or a deadlock
        #[arg(long, value_name = "FILE", conflicts_with = "trace")]
        flight_recorder: Option<String>,
        /// The program's source file; as with `go run`, the `.go` words
        /// that follow it are more files of the same package main
        file: String,
        /// Arguments passed to the program (os.Args[1:])
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Type-check files and report every error; exit status 1 if any
    Check {
        /// The files of one program (one package)
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Compile a program and print the bytecode of every function, with source lines
    Disasm {
        /// The program's source file
        file: String,
    },
    /// An interactive Go session whose goroutines keep running between inputs
    Repl,
    /// Print gol's version
    Version,
}

/// Raises the soft limit on open files to the hard limit, as Go's runtime
/// does at start (since Go 1.19): a server's connections are descriptors,
/// and the soft limit (often 1024) is a leftover of select(2). Children
/// started by the program inherit the raised limit, as under Go.
fn raise_open_file_limit() {
    // SAFETY: getrlimit/setrlimit with a valid rlimit struct for this
    // process; failure leaves the limit as it was.
    unsafe {
        let mut lim: libc::rlimit = std::mem::zeroed();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 && lim.rlim_cur < lim.rlim_max {
            lim.rlim_cur = lim.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        }
    }
}

fn main() -> ExitCode {
    // First, so a fault anywhere in gol (compiling included) is loud.
    fault::install();
    raise_open_file_limit();
    let cli = Cli::parse_from(go_flags(std::env::args_os().collect()));
    let Some(command) = cli.command else {
        // `gol` alone: the REPL on a terminal, the help elsewhere.
        // SAFETY: isatty on descriptor 0 only reads its state.
        if unsafe { libc::isatty(0) } == 1 {
            return repl::run();
        }
        let help = <Cli as clap::CommandFactory>::command().render_help();
        eprint!("{help}");
        return ExitCode::from(2);
    };
    match command {
        Command::Repl => repl::run(),
        Command::Version => {
            // A closed stdout (`gol version | head -0`) is not an error
            // worth a panic: ignore write failures.
            let _ = writeln!(
                std::io::stdout(),
                "gol version {} {}/{}",
                env!("CARGO_PKG_VERSION"),
                std::env::consts::OS,
                std::env::consts::ARCH
            );
            ExitCode::SUCCESS
        }
        Command::Check { files } => match check(&files) {
            Ok(_) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Command::Run {
            race,
            sched,
            explore: Some(n),
            file,
            args,
            ..
        } => explore::run(race, sched, n, &file, &args),
        Command::Run {
            race,
            sched,
            explore: None,
            trace,
            trace_format,
            flight_recorder,
            file,
            args,
        } => {
            let mut builder = gol::Vm::builder();
            if race {
                match gol::RaceOptions::from_env() {
                    Ok(o) => builder = builder.race(o),
                    Err(msg) => {
                        eprintln!("gol: {msg}");
                        return ExitCode::from(2);
                    }
                }
            }
            if let Some(spec) = sched {
                builder = builder.sched(spec);
            }
            if let Some(path) = trace {
                builder = builder.trace(path, false);
            }
            if let Some(path) = flight_recorder {
                builder = builder.trace(path, true);
            }
            if let Some(f) = trace_format {
                builder = builder.trace_format(f);
            }
            let vm = match builder.build() {
                Ok(vm) => vm,
                Err(e) => {
                    eprintln!("gol: {e}");
                    return ExitCode::from(2);
                }
            };
            // `go run a.go b.go arg`: the files are the leading words that
            // end in `.go` (a `.gol` script is one file).
            let more = if file.ends_with(".go") {
                args.iter().take_while(|a| a.ends_with(".go")).count()
            } else {
                0
            };
            let (extra, args) = args.split_at(more);
            let mut sources = Vec::with_capacity(1 + extra.len());
            for f in std::iter::once(&file).chain(extra) {
                match read_source(f) {
                    Ok(t) => sources.push((f.clone(), t)),
                    Err(code) => return code,
                }
            }
            let prog = match vm.compile_files(sources) {
                Ok(p) => p,
                Err(diags) => {
                    diags.emit_stderr();
                    return ExitCode::from(1);
                }
            };
            // The compiler's syntax trees and type tables are freed by now;
            // hand their pages back to the OS, or they would stay resident
            // beside the collector's heap, which maps its own memory and
            // cannot reuse them (a few MB of every program's peak RSS).
            // SAFETY: malloc_trim only releases free memory of the
            // allocator; it is safe to call at any time.
            unsafe { libc::malloc_trim(0) };
            // The program's output and the runtime's reports go to this
            // process's descriptors as they happen (the library's
            // defaults); only the status is left to give.
            match vm.run_with_args(
                &prog,
                std::iter::once(file.clone())
                    .chain(args.iter().cloned())
                    .collect(),
            ) {
                Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
                Err(gol::Error::Load(msg)) => {
                    eprintln!("gol: {file}: {msg}");
                    ExitCode::from(1)
                }
                Err(_) => ExitCode::from(2),
            }
        }
        Command::Disasm { file } => match compile(&file) {
            Ok(p) => {
                let _ = std::io::stdout().write_all(p.disassemble().as_bytes());
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
    }
}

fn parse_trace_format(s: &str) -> Result<gol::TraceFormat, String> {
    gol::TraceFormat::parse(s)
        .ok_or_else(|| format!("unknown trace format {s:?} (json or perfetto)"))
}

fn parse_sched(s: &str) -> Result<gol::SchedSpec, String> {
    gol::SchedSpec::parse(s)
}

/// `run`'s flags that take a value (`-sched pct:1,3` as well as
/// `-sched=pct:1,3`).
const RUN_VALUE_FLAGS: [&str; 5] = [
    "sched",
    "explore",
    "trace",
    "trace-format",
    "flight-recorder",
];

/// The command line with Go's single-dash spelling of `run`'s flags
/// (`gol run -race x.go`, `-sched=pct:1,3`) turned into the double dash
/// clap reads as a long flag (it would read `-race` as the short flags
/// `-r -a -c -e`). Only the flags between `run` and the program's file
/// are touched: what follows the file is the program's own arguments.
fn go_flags(mut argv: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if argv.get(1).is_some_and(|a| a == "run") {
        let mut i = 2;
        while i < argv.len() {
            let a = argv[i].to_string_lossy().into_owned();
            if !a.starts_with('-') {
                break;
            }
            let name = a.trim_start_matches('-');
            let (name, has_value) = match name.split_once('=') {
                Some((n, _)) => (n, true),
                None => (name, false),
            };
            if !a.starts_with("--") && (name == "race" || RUN_VALUE_FLAGS.contains(&name)) {
                argv[i] = format!("-{a}").into();
            }
            if RUN_VALUE_FLAGS.contains(&name) && !has_value {
                i += 1;
            }
            i += 1;
        }
    }
    argv
}

/// Reads, type-checks and compiles a program to bytecode, printing
/// diagnostics to stderr.
fn compile(file: &str) -> Result<gol_lang::bytecode::Program, ExitCode> {
    let inputs = vec![(file.to_string(), read_source(file)?)];
    let (checked, out) = gol_lang::check_and_compile(
        |bodies| gol_lang::check_sources_with(inputs.clone(), &gol_stdlib::StdImporter, bodies),
        gol_lang::codegen::compile,
    )
    .map_err(|checked| {
        diag::emit_stderr(&checked.sources, &checked.diagnostics);
        ExitCode::from(1)
    })?;
    match out {
        Ok(p) => Ok(p),
        Err(diags) => {
            diag::emit_stderr(&checked.sources, &diags);
            Err(ExitCode::from(1))
        }
    }
}

/// Reads and type-checks the files of one program, printing diagnostics to
/// stderr.
fn check(files: &[String]) -> Result<gol_lang::Checked, ExitCode> {
    let mut inputs = Vec::with_capacity(files.len());
    for f in files {
        inputs.push((f.clone(), read_source(f)?));
    }
    let checked = gol_lang::check_sources(inputs, &gol_stdlib::StdImporter);
    if checked.diagnostics.is_empty() {
        Ok(checked)
    } else {
        diag::emit_stderr(&checked.sources, &checked.diagnostics);
        Err(ExitCode::from(1))
    }
}

/// A source file's text, or the error printed and exit status 1.
fn read_source(f: &str) -> Result<String, ExitCode> {
    match std::fs::read(f) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(_) => {
                eprintln!("gol: {f}: source is not valid UTF-8");
                Err(ExitCode::from(1))
            }
        },
        Err(e) => {
            eprintln!("gol: open {f}: {}", io_error_text(&e));
            Err(ExitCode::from(1))
        }
    }
}

/// Go's wording of the common I/O errors ("no such file or directory").
fn io_error_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
