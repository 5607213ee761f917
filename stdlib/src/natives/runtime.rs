//! Package runtime. `GC` collects now
//! (with the goroutine's stack, the globals and its defer and panic
//! records as roots); `ReadMemStats` fills a `MemStats` from the heap's
//! exact statistics (the fields gol keeps: Alloc, TotalAlloc, Sys,
//! Mallocs, Frees, HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased,
//! HeapObjects, NextGC, LastGC, PauseTotalNs, PauseNs, PauseEnd, NumGC,
//! GCSys, EnableGC; the others stay zero). `Breakpoint` executes a
//! trap as Go's does (`gol_vm::crashtrace::trap`): a debugger stops
//! there; else the program dies of SIGTRAP as Go's does, printing Go's
//! signal lines and every goroutine, with status 2 (134 under
//! `GOTRACEBACK=crash`; no registers: gol has no machine state of the
//! program to show).
//! The scheduler's part (`NumGoroutine`, `GOMAXPROCS`, `Gosched`,
//! `Goexit`) and `SetFinalizer` are thin calls of `NativeCtx` services.
//!
//! # Program counters
//! `Caller`, `Callers`, `FuncForPC` and `CallersFrames` (written in Go in
//! the package's declaration, over the natives `callers` and `funcInfo`)
//! speak of code addresses as `uintptr`s. gol's code is a function index
//! and an instruction index, encoded as
//! `(function + 1) << 32 | instruction * 4`: never zero, the same in every
//! run of one build, ordered within a function, and the entry of a
//! function is its instruction 0. As in Go, `Callers` stores return
//! addresses (the instruction after the call) and `Caller` and `Frames`
//! report the address one before it, inside the call, so that looking up
//! either names the calling line. Below the goroutine's first frame sits
//! `runtime.goexit`, and a deferred call that a panic runs is called by
//! `runtime.gopanic`, as in Go's stacks: these two have code numbers past
//! the program's functions and one instruction each.

use gol_lang::bytecode::TypeKind;
use gol_vm::{Native, NativeCtx, NativeResult};

/// The natives of this module: name, code, and the Go signature the code
/// implements (checked at load, see gol_vm's native module).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "Stack",
        Native::new(stack, "func(buf []byte, all bool) int"),
    ),
    (
        "GC",
        Native::new(
            |c| {
                c.collect();
                NativeResult::Ok
            },
            "func()",
        ),
    ),
    (
        "ReadMemStats",
        Native::new(read_mem_stats, "func(m *MemStats)"),
    ),
    (
        "NumCPU",
        Native::new(
            |c| {
                c.ret_int(0, num_cpu() as i64);
                NativeResult::Ok
            },
            "func() int",
        ),
    ),
    (
        "KeepAlive",
        Native::new(|_| NativeResult::Ok, "func(x any)"),
    ),
    (
        "Version",
        Native::new(
            |c| {
                c.ret_str(0, b"go1.27-gol");
                NativeResult::Ok
            },
            "func() string",
        ),
    ),
    (
        "GOROOT",
        Native::new(
            |c| {
                // Go's: the variable as the process started with it; gol
                // has no build tree to name instead.
                let root = std::env::var_os("GOROOT").unwrap_or_default();
                c.ret_str(0, root.as_encoded_bytes());
                NativeResult::Ok
            },
            "func() string",
        ),
    ),
    (
        "NumCgoCall",
        Native::new(
            |c| {
                c.ret_int(0, 0);
                NativeResult::Ok
            },
            "func() int64",
        ),
    ),
    ("Breakpoint", Native::new(breakpoint, "func()")),
    (
        "callers",
        Native::new(callers, "func(skip int, pc []uintptr) int"),
    ),
    (
        "funcInfo",
        Native::new(
            func_info,
            "func(pc uintptr) (entry uintptr, name string, file string, line int, ok bool)",
        ),
    ),
    // The scheduler's part.
    ("Gosched", Native::new(|c| c.gosched(), "func()")),
    ("Goexit", Native::new(|_| NativeResult::Goexit, "func()")),
    (
        "NumGoroutine",
        Native::new(
            |c| {
                let n = c.num_goroutine();
                c.ret_int(0, n as i64);
                NativeResult::Ok
            },
            "func() int",
        ),
    ),
    (
        "GOMAXPROCS",
        Native::new(
            |c| {
                let n = c.gomaxprocs(c.int(0));
                c.ret_int(0, n as i64);
                NativeResult::Ok
            },
            "func(n int) int",
        ),
    ),
    (
        "SetFinalizer",
        Native::new(set_finalizer, "func(obj any, finalizer any)"),
    ),
];

/// The natives of runtime/debug.
pub const DEBUG_NATIVES: &[(&str, Native)] = &[
    (
        // Per goroutine, as in Go (gol_vm::usermap: what a fault is).
        "SetPanicOnFault",
        Native::new(
            |c| {
                let old = c.set_panic_on_fault(c.bool(0));
                c.ret_bool(0, old);
                NativeResult::Ok
            },
            "func(enabled bool) bool",
        ),
    ),
    (
        "SetGCPercent",
        Native::new(
            |c| {
                let old = c.set_gc_percent(c.int(0));
                c.ret_int(0, old);
                NativeResult::Ok
            },
            "func(percent int) int",
        ),
    ),
    (
        "SetMemoryLimit",
        Native::new(
            |c| {
                let old = c.set_memory_limit(c.int(0));
                c.ret_int(0, old);
                NativeResult::Ok
            },
            "func(limit int64) int64",
        ),
    ),
    (
        "FreeOSMemory",
        Native::new(
            |c| {
                c.free_os_memory();
                NativeResult::Ok
            },
            "func()",
        ),
    ),
    // The calling goroutine's trace, as `runtime.Stack(buf, false)` gives
    // it (this native's own frame, `runtime/debug.Stack`, on top, as in
    // Go); `PrintStack` is Go code that writes it to os.Stderr.
    (
        "Stack",
        Native::new(
            |c| {
                let text = c.goroutine_dump(false);
                let s = c.new_bytes(&text);
                c.ret_slice(0, s);
                NativeResult::Ok
            },
            "func() []byte",
        ),
    ),
    (
        "SetTraceback",
        Native::new(
            |c| {
                let level = c.str(0);
                gol_vm::gotraceback::set_traceback(&String::from_utf8_lossy(&level));
                NativeResult::Ok
            },
            "func(level string)",
        ),
    ),
];

/// The natives of `runtime/pprof` (its Go file says what it covers).
pub const PPROF_NATIVES: &[(&str, Native)] = &[
    (
        "runtime_goroutineLeakGC",
        Native::new(
            |c| {
                c.goroutine_leak_check();
                NativeResult::Ok
            },
            "func()",
        ),
    ),
    (
        "runtime_goroutineleakcount",
        Native::new(
            |c| {
                let n = c.goroutine_leak_count();
                c.ret_int(0, n as i64);
                NativeResult::Ok
            },
            "func() int",
        ),
    ),
    (
        "goroutineDump",
        Native::new(
            |c| {
                let leaked = if c.bool(0) {
                    c.goroutine_leak_ids()
                } else {
                    Vec::new()
                };
                let text = c.goroutine_dump_marking(true, &leaked);
                let s = c.new_bytes(&text);
                c.ret_slice(0, s);
                NativeResult::Ok
            },
            "func(leaked bool) []byte",
        ),
    ),
    (
        "leakText",
        Native::new(
            |c| {
                let text = leak_text(c);
                let s = c.new_bytes(&text);
                c.ret_slice(0, s);
                NativeResult::Ok
            },
            "func() []byte",
        ),
    ),
];

/// The goroutineleak profile at `debug=1`, in Go's legacy text form:
/// `goroutineleak profile: total N`, then per distinct stack the number
/// of goroutines with it, its code addresses (as `runtime.Callers` gives
/// them), and one `#` line per frame: address, function+offset, file:line.
fn leak_text(ctx: &NativeCtx<'_>) -> Vec<u8> {
    let stacks = ctx.goroutine_leak_stacks();
    let mut out = format!("goroutineleak profile: total {}\n", stacks.len());
    let mut groups: Vec<(Vec<(u32, u32)>, usize)> = Vec::new();
    for st in stacks {
        match groups.iter_mut().find(|(s, _)| *s == st) {
            Some(g) => g.1 += 1,
            None => groups.push((st, 1)),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.1));
    let prog = ctx.program();
    for (st, n) in groups {
        let frames: Vec<_> = st
            .iter()
            .filter_map(|&(f, pc)| Some((f, pc, prog.funcs.get(f as usize)?)))
            .filter(|(_, _, func)| !func.name.starts_with("runtime."))
            .collect();
        out.push_str(&format!("{n} @"));
        for &(f, pc, _) in &frames {
            out.push_str(&format!(" {:#x}", code_addr(f, pc)));
        }
        out.push('\n');
        for (f, pc, func) in frames {
            let at = pc.saturating_sub(1);
            let line = func.lines.get(at as usize).copied().unwrap_or(0);
            let file = ctx.func_file(f, at as usize);
            out.push_str(&format!(
                "#\t{:#x}\t{}+{:#x}\t{}:{}\n",
                code_addr(f, at),
                func.name,
                at * 4,
                file,
                line
            ));
        }
        out.push('\n');
    }
    out.into_bytes()
}

fn num_cpu() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u64)
}

fn breakpoint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    ctx.flush_stdout();
    // A real trap: a debugger stops there and may continue the program;
    // else the gol binary's handler hands it back, and the program dies
    // of SIGTRAP (crashtrace.rs).
    let (pc, code) = match gol_vm::crashtrace::trap() {
        gol_vm::crashtrace::Trap::Continued => return NativeResult::Ok,
        gol_vm::crashtrace::Trap::Caught { pc, code } => (pc, code),
        // No handler (an embedding host): the same report, at the
        // caller's code address, with the code Linux gives a trap
        // instruction (SI_KERNEL).
        gol_vm::crashtrace::Trap::NotTrapped => (
            ctx.frames()
                .get(1)
                .map_or(0, |&(func, pc, _)| code_addr(func, pc)),
            0x80,
        ),
    };
    ctx.signal_report("SIGTRAP: trace trap", pc, code)
}

/// Bits of a code address below the function number.
const FUNC_SHIFT: u32 = 32;

/// The code address of instruction `instr` of function number `func`
/// (see the module docs).
fn code_addr(func: u32, instr: u32) -> u64 {
    ((func as u64 + 1) << FUNC_SHIFT) | (instr as u64 * 4)
}

/// Function numbers past the program's: `runtime.goexit` and
/// `runtime.gopanic`.
fn goexit_func(ctx: &NativeCtx<'_>) -> u32 {
    ctx.program().funcs.len() as u32
}

/// `callers(skip, pc)`: the return addresses of the calling goroutine's
/// frames, innermost first, from the `skip`th frame (0: the Go function
/// that called `callers`), as many as `pc` holds; returns how many it
/// stored. The innermost frame is the wrapper that every bodiless
/// function is compiled to (it runs this native): not counted; nor are
/// the wrappers of method values, as in Go.
fn callers(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let skip = ctx.int(0).max(0) as usize;
    let (ptr, len, _) = ctx.slice(1);
    let goexit = goexit_func(ctx);
    let mut pcs = Vec::new();
    for (func, pc, under_panic) in ctx.frames().into_iter().skip(1) {
        // The wrapper a method value calls through (`main.T.M-fm`) is
        // code the compiler made up: Go's stack walk elides such frames.
        let wrapper = ctx
            .program()
            .funcs
            .get(func as usize)
            .is_some_and(|f| f.name.ends_with("-fm"));
        if !wrapper {
            pcs.push(code_addr(func, pc));
        }
        if under_panic {
            pcs.push(code_addr(goexit + 1, 1));
        }
    }
    pcs.push(code_addr(goexit, 1));
    let pcs: Vec<u64> = pcs.into_iter().skip(skip).take(len as usize).collect();
    let elem = ctx.slice_elem(1);
    ctx.store(ptr, 0, &pcs, elem);
    ctx.ret_int(0, pcs.len() as i64);
    NativeResult::Ok
}

/// `funcInfo(pc)`: the function whose code holds address `pc` (its entry
/// address and name) and the source position of the instruction there;
/// `ok` false when no function's code holds it. An address just past a
/// function's last instruction (the return address of a call that ends
/// it) belongs to the function and reports the last line.
fn func_info(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let pc = ctx.uint(0);
    let goexit = goexit_func(ctx);
    let found = (pc >> FUNC_SHIFT).checked_sub(1).and_then(|func| {
        let func = u32::try_from(func).ok()?;
        let instr = (pc & ((1 << FUNC_SHIFT) - 1)) / 4;
        let (name, file, line) = if func == goexit {
            (
                "runtime.goexit".to_string(),
                "runtime/asm_amd64.s".into(),
                0,
            )
        } else if func == goexit + 1 {
            ("runtime.gopanic".to_string(), "runtime/panic.go".into(), 0)
        } else {
            let f = ctx.program().funcs.get(func as usize)?;
            if instr > f.code.len() as u64 {
                return None;
            }
            let at = (instr as usize).min(f.lines.len().saturating_sub(1));
            let line = f.lines.get(at).copied();
            (f.name.clone(), ctx.func_file(func, at), line.unwrap_or(0))
        };
        if func >= goexit && instr > 1 {
            return None;
        }
        Some((code_addr(func, 0), name, file, line))
    });
    match found {
        Some((entry, name, file, line)) => {
            ctx.ret_uint(0, entry);
            ctx.ret_str(1, name.as_bytes());
            ctx.ret_str(2, file.as_bytes());
            ctx.ret_int(3, line as i64);
            ctx.ret_bool(4, true);
        }
        None => {
            ctx.ret_uint(0, 0);
            ctx.ret_str(1, b"");
            ctx.ret_str(2, b"");
            ctx.ret_int(3, 0);
            ctx.ret_bool(4, false);
        }
    }
    NativeResult::Ok
}

fn read_mem_stats(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let p = ctx.ptr(0);
    if p == 0 {
        return NativeResult::RuntimeError(
            "runtime error: invalid memory address or nil pointer dereference".into(),
        );
    }
    let st = ctx.mem_stats();
    let Some(&pt) = ctx.signature().0.first() else {
        return NativeResult::Panic("runtime: bad declaration".into());
    };
    let TypeKind::Pointer(s) = *ctx.type_kind(pt) else {
        return NativeResult::Panic("runtime: bad declaration".into());
    };
    let TypeKind::Struct(fields) = ctx.type_kind(s).clone() else {
        return NativeResult::Panic("runtime: bad declaration".into());
    };
    for f in fields {
        let off = f.moff;
        let v: u64 = match f.name.as_str() {
            "Alloc" => st.alloc,
            "TotalAlloc" => st.total_alloc,
            "Sys" => st.sys,
            "Mallocs" => st.mallocs,
            "Frees" => st.frees,
            "HeapAlloc" => st.heap_alloc,
            "HeapSys" => st.heap_sys,
            "HeapIdle" => st.heap_idle,
            "HeapInuse" => st.heap_inuse,
            "HeapReleased" => st.heap_released,
            "HeapObjects" => st.heap_objects,
            "NextGC" => st.next_gc,
            "LastGC" => st.last_gc,
            "PauseTotalNs" => st.pause_total_ns,
            "NumGC" => st.num_gc as u64,
            "GCSys" => st.gc_sys,
            "EnableGC" => 1,
            "PauseNs" | "PauseEnd" => {
                let a = if f.name == "PauseNs" {
                    st.pause_ns
                } else {
                    st.pause_end
                };
                ctx.store(p, off, &a, elem_of(ctx, f.ty));
                continue;
            }
            _ => continue,
        };
        ctx.store(p, off, &[v], f.ty);
    }
    NativeResult::Ok
}

fn elem_of(ctx: &NativeCtx<'_>, t: gol_lang::bytecode::RtType) -> gol_lang::bytecode::RtType {
    match ctx.type_kind(t) {
        TypeKind::Array(_, e) => *e,
        _ => t,
    }
}

/// Misuse is Go's `throw`: a fatal error, not a panic.
fn set_finalizer(ctx: &mut NativeCtx<'_>) -> NativeResult {
    match ctx.set_finalizer(ctx.iface(0), ctx.iface(1)) {
        Ok(()) => NativeResult::Ok,
        Err(msg) => NativeResult::Fatal(msg),
    }
}

/// `runtime.Stack(buf, all)`: the goroutine dump (the caller's stack, and
/// with `all` every other goroutine's), as much as fits in buf.
fn stack(ctx: &mut NativeCtx<'_>) -> NativeResult {
    let (ptr, len, _) = ctx.slice(0);
    let all = ctx.bool(1);
    let text = ctx.goroutine_dump(all);
    let n = text.len().min(len as usize);
    ctx.write_bytes_at(ptr, &text[..n]);
    ctx.ret_int(0, n as i64);
    NativeResult::Ok
}
