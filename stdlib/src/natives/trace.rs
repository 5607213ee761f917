//! Package runtime/trace's natives: starting and stopping the VM's
//! execution tracer (gol_vm's sched/tracer.rs) and recording tasks,
//! regions and logs in it.

use gol_vm::{Native, NativeResult};

/// The natives of this module: name, code, and the Go signature the code
/// implements (checked at load, see gol_vm's native module).
pub const NATIVES: &[(&str, Native)] = &[
    (
        "start",
        Native::new(
            |c| {
                let ok = c.trace_start();
                c.ret_bool(0, ok);
                NativeResult::Ok
            },
            "func() bool",
        ),
    ),
    (
        "stop",
        Native::new(
            |c| {
                let name = String::from_utf8_lossy(&c.str(0)).into_owned();
                let data = c.trace_stop(&name);
                let s = c.new_bytes(&data);
                c.ret_slice(0, s);
                NativeResult::Ok
            },
            "func(name string) []byte",
        ),
    ),
    (
        "enabled",
        Native::new(
            |c| {
                let on = c.trace_enabled();
                c.ret_bool(0, on);
                NativeResult::Ok
            },
            "func() bool",
        ),
    ),
    (
        "event",
        Native::new(
            |c| {
                let kind = c.int(0);
                let id = c.uint(1);
                let name = String::from_utf8_lossy(&c.str(2)).into_owned();
                let message = String::from_utf8_lossy(&c.str(3)).into_owned();
                let id = c.trace_annotation(kind, id, name, message);
                c.ret_uint(0, id);
                NativeResult::Ok
            },
            "func(kind int, id uint64, name string, message string) uint64",
        ),
    ),
];
