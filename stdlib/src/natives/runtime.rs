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
use gol_vm::{NativeCtx, NativeResult};

/// The natives of this module.
pub const NATIVES: &[(&str, &str)] = &[
    ("GC", "func()"),
    ("ReadMemStats", "func(m *MemStats)"),
    ("NumCPU", "func() int"),
    ("KeepAlive", "func(x any)"),
    ("Version", "func() string"),
    ("NumCgoCall", "func() int64"),
    ("Breakpoint", "func()"),
];

/// The natives of runtime/debug.
pub const DEBUG_NATIVES: &[(&str, &str)] = &[
    ("SetGCPercent", "func(percent int) int"),
    ("SetMemoryLimit", "func(limit int64) int64"),
    ("FreeOSMemory", "func()"),
];

/// Dispatches `runtime/debug.<name>`.
pub fn call_debug(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    match name {
        "SetGCPercent" => {
            let old = ctx.set_gc_percent(ctx.int(0));
            ctx.set_result(0, old as u64);
        }
        "SetMemoryLimit" => {
            let old = ctx.set_memory_limit(ctx.int(0));
            ctx.set_result(0, old as u64);
        }
        "FreeOSMemory" => ctx.free_os_memory(),
        _ => return None,
    }
    Some(NativeResult::Ok)
}

fn num_cpu() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u64)
}

/// Dispatches `runtime.<name>`; `None` when it is not a native here.
pub fn call(name: &str, ctx: &mut NativeCtx<'_>) -> Option<NativeResult> {
    match name {
        "GC" => ctx.collect(),
        "Breakpoint" => {
            ctx.flush_stdout();
            ctx.write_stderr(b"SIGTRAP: trace trap\n");
            return Some(NativeResult::Exit(2));
        }
        "ReadMemStats" => {
            let p = ctx.ptr(0);
            if p == 0 {
                return Some(NativeResult::RuntimeError(
                    "runtime error: invalid memory address or nil pointer dereference".into(),
                ));
            }
            let st = ctx.mem_stats();
            let Some(&pt) = ctx.signature().0.first() else {
                return Some(NativeResult::Panic("runtime: bad declaration".into()));
            };
            let TypeKind::Pointer(s) = *ctx.type_kind(pt) else {
                return Some(NativeResult::Panic("runtime: bad declaration".into()));
            };
            let TypeKind::Struct(fields) = ctx.type_kind(s).clone() else {
                return Some(NativeResult::Panic("runtime: bad declaration".into()));
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
        }
        "NumCPU" => ctx.set_result(0, num_cpu()),
        "KeepAlive" => {}
        "NumCgoCall" => ctx.set_result(0, 0),
        "Version" => super::ret_str(ctx, 0, b"go1.27-gol"),
        _ => return None,
    }
    Some(NativeResult::Ok)
}

fn elem_of(ctx: &NativeCtx<'_>, t: gol_lang::bytecode::RtType) -> gol_lang::bytecode::RtType {
    match ctx.type_kind(t) {
        TypeKind::Array(_, e) => *e,
        _ => t,
    }
}
