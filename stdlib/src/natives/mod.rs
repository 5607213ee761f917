//! Native implementations of standard package functions, registered with
//! the VM by name ([`resolve`]).
//!
//! Each native reads its arguments as words (in parameter order, each
//! parameter taking its type's words: a string two, a slice three, an
//! interface one) and writes its results over the same window. Natives
//! never hold heap addresses across a safepoint: they run to completion
//! between interpreter instructions, and the collector only runs between
//! slices.
//!
//! | package | module |
//! |---|---|
//! | fmt | [`fmt`] (through [`crate::format`], with [`value::VmValue`] as the printer's view of VM values) |
//! | os | [`os`] |

pub mod fmt;
pub mod os;
pub mod value;

use gol_vm::{Hooks, NativeFn};

/// The native implementing `name` (`fmt.Println`, `os.Exit`), if gol has it.
pub fn resolve(name: &str) -> Option<NativeFn> {
    Some(match name {
        "fmt.Println" => fmt::println,
        "fmt.Print" => fmt::print,
        "fmt.Printf" => fmt::printf,
        "fmt.Sprintf" => fmt::sprintf,
        "fmt.Sprint" => fmt::sprint,
        "fmt.Sprintln" => fmt::sprintln,
        "os.Exit" => os::exit,
        _ => return None,
    })
}

/// The hooks the runtime needs from the standard library.
pub fn hooks() -> Hooks {
    Hooks {
        format_float: |v, bits| {
            crate::format::format_float(v, b'g', -1, bits as i64)
                .map(String::into_bytes)
                .unwrap_or_default()
        },
    }
}
