//! The `GOTRACEBACK` setting (Go's `runtime1.go`: `gotraceback`,
//! `setTraceback`) and the abort of `crash`. What each level prints is
//! traceback.rs's to explain; this module is below every module that
//! reports (panic.rs, crashtrace.rs, exec.rs) and depends on none.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

/// How much of the goroutines a failure prints (Go's traceback level).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// No goroutine: the message alone.
    None = 0,
    /// The goroutine that failed.
    Single = 1,
    /// Every goroutine.
    All = 2,
    /// Every goroutine and the runtime's frames (here: as `All`, with
    /// Go's `gp=`/`m=` fields in each header: traceback.rs).
    System = 3,
}

/// The `GOTRACEBACK` setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub level: Level,
    /// Abort with SIGABRT after the report (`crash`).
    pub crash: bool,
}

impl Setting {
    /// Go's parse of a `GOTRACEBACK` value (`runtime.setTraceback`); None
    /// for a value Go rejects (Go then keeps the default).
    pub fn parse(v: &str) -> Option<Setting> {
        let (level, crash) = match v {
            "none" => (Level::None, false),
            "single" | "" => (Level::Single, false),
            "all" => (Level::All, false),
            "system" => (Level::System, false),
            "crash" | "wer" => (Level::System, true),
            n => match n.parse::<u32>().ok()? {
                0 => (Level::None, false),
                1 => (Level::All, false),
                _ => (Level::System, false),
            },
        };
        Some(Setting { level, crash })
    }

    fn encode(self) -> u8 {
        self.level as u8 | (self.crash as u8) << 2
    }

    fn decode(b: u8) -> Setting {
        let level = match b & 3 {
            0 => Level::None,
            1 => Level::Single,
            2 => Level::All,
            _ => Level::System,
        };
        Setting {
            level,
            crash: b & 4 != 0,
        }
    }

    /// Whether every goroutine is printed.
    pub fn all(self) -> bool {
        self.level >= Level::All
    }
}

/// The setting in force, encoded (`UNSET` until first read). Relaxed: a
/// value read once per failure; `debug.SetTraceback` racing a panic may
/// print either level.
static SETTING: AtomicU8 = AtomicU8::new(UNSET);
const UNSET: u8 = 0xff;

/// The environment's setting (`GOTRACEBACK`, default `single`).
fn env_setting() -> Setting {
    std::env::var("GOTRACEBACK")
        .ok()
        .and_then(|v| Setting::parse(&v))
        .unwrap_or(Setting {
            level: Level::Single,
            crash: false,
        })
}

/// The traceback setting in force.
pub fn setting() -> Setting {
    match SETTING.load(Ordering::Relaxed) {
        UNSET => {
            let s = env_setting();
            SETTING.store(s.encode(), Ordering::Relaxed);
            s
        }
        b => Setting::decode(b),
    }
}

/// The setting in force without reading the environment: for a signal
/// handler, which may not allocate. The setting is cached at start
/// (`crashtrace::init` reads it); before that, the default.
pub fn setting_cached() -> Setting {
    match SETTING.load(Ordering::Relaxed) {
        UNSET => Setting {
            level: Level::Single,
            crash: false,
        },
        b => Setting::decode(b),
    }
}

/// From a fatal signal's handler once its report is written: the abort
/// of `crash` if the setting asks for it (in gol's own process only);
/// else returns, and the handler exits with status 2. Async-signal-safe:
/// one atomic load, then `signal`, `raise` and `abort`.
pub fn crash_after_signal() {
    crash_if_asked(setting_cached());
}

/// `debug.SetTraceback(level)`: raises the level (never below the
/// environment's, as Go's); an unknown name is ignored.
pub fn set_traceback(v: &str) {
    let Some(mut s) = Setting::parse(v) else {
        return;
    };
    let env = env_setting();
    if s.level < env.level {
        s.level = env.level;
    }
    s.crash |= env.crash;
    SETTING.store(s.encode(), Ordering::Relaxed);
}

/// `crash` if the setting asks for it and this process is gol's own (its
/// signal handlers installed: `crashtrace::init`), not a host that
/// embeds the VM.
pub(crate) fn crash_if_asked(s: Setting) {
    if s.crash && INSTALLED.load(Ordering::Relaxed) {
        crash();
    }
}

/// Ends the process as `GOTRACEBACK=crash` asks: SIGABRT with its
/// default action (a core dump where the limits allow one), as Go's
/// `crash` does.
pub fn crash() -> ! {
    // SAFETY: signal, raise and abort touch no memory of ours; SIGABRT's
    // default action ends the process.
    unsafe {
        libc::signal(libc::SIGABRT, libc::SIG_DFL);
        libc::raise(libc::SIGABRT);
        libc::abort()
    }
}

/// Whether gol's signal handlers own this process (`crashtrace::init`):
/// only then may `crash` abort it, never a host that embeds the VM.
static INSTALLED: AtomicBool = AtomicBool::new(false);

/// Records that gol's signal handlers own the process.
pub(crate) fn set_installed() {
    INSTALLED.store(true, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gotraceback_values_parse_as_go_reads_them() {
        let p = |v| Setting::parse(v).map(|s| (s.level, s.crash));
        assert_eq!(p("none"), Some((Level::None, false)));
        assert_eq!(p("0"), Some((Level::None, false)));
        assert_eq!(p(""), Some((Level::Single, false)));
        assert_eq!(p("single"), Some((Level::Single, false)));
        assert_eq!(p("1"), Some((Level::All, false)));
        assert_eq!(p("all"), Some((Level::All, false)));
        assert_eq!(p("2"), Some((Level::System, false)));
        assert_eq!(p("system"), Some((Level::System, false)));
        assert_eq!(p("crash"), Some((Level::System, true)));
        assert_eq!(p("bogus"), None);
        for s in ["none", "single", "all", "system", "crash"] {
            let v = Setting::parse(s).unwrap();
            assert_eq!(Setting::decode(v.encode()), v);
        }
    }
}
