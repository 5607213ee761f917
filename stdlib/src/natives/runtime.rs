//! Package runtime: the part that needs no scheduler. `GC` collects now
//! (with the goroutine's stack, the globals and its defer and panic
//! records as roots); `ReadMemStats` fills a `MemStats` from the heap's
//! exact statistics (the fields gol keeps: Alloc, TotalAlloc, Sys,
//! Mallocs, Frees, HeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased,
//! HeapObjects, NextGC, LastGC, PauseTotalNs, PauseNs, PauseEnd, NumGC,
//! GCSys, EnableGC; the others stay zero). `Breakpoint` dies as Go's
//! does, of SIGTRAP with exit status 2, printing only the signal line (no
//! registers or goroutine dump). What belongs to the scheduler
//! (`NumGoroutine`, `GOMAXPROCS`, `Gosched`, `Goexit`) is not here.

use gol_lang::bytecode::TypeKind;
use gol_vm::{Native, NativeCtx, NativeResult};

/// The natives of this module: name, code, and the Go signature the code
/// implements (checked at load, see gol_vm's native module).
pub const NATIVES: &[(&str, Native)] = &[
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
];

/// The natives of runtime/debug.
pub const DEBUG_NATIVES: &[(&str, Native)] = &[
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
];

fn num_cpu() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u64)
}

fn breakpoint(ctx: &mut NativeCtx<'_>) -> NativeResult {
    ctx.flush_stdout();
    ctx.write_stderr(b"SIGTRAP: trace trap\n");
    NativeResult::Exit(2)
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
        let off = f.off as usize;
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
