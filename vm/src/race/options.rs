//! `GORACE`: the detector's settings, read as Go's race runtime reads
//! them (a space-separated list of `name=value`).
//!
//! Known here: `exitcode` (the status of a run that found a race and
//! would have exited 0; default 66), `halt_on_error` (end the program
//! at the first report, with `exitcode`), `log_path` (reports go to the
//! file `PATH.PID` instead of standard error; `stdout` and `stderr` name
//! those streams). Other names Go's runtime knows (`history_size`,
//! `strip_path_prefix`, ...) are accepted and ignored; an unknown name or
//! a value that does not parse is an error, as in Go, which prints it and
//! exits.

/// The detector's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaceOptions {
    /// Exit status of a run that found races (and would exit 0).
    pub exitcode: i32,
    /// End the program at the first report.
    pub halt_on_error: bool,
    /// Where reports go: None for standard error; `stdout`, `stderr`,
    /// or a path prefix to which `.PID` is added.
    pub log_path: Option<String>,
}

impl Default for RaceOptions {
    fn default() -> Self {
        RaceOptions {
            exitcode: 66,
            halt_on_error: false,
            log_path: None,
        }
    }
}

/// Names Go's race runtime accepts that change nothing here.
const IGNORED: &[&str] = &[
    "strip_path_prefix",
    "history_size",
    "atexit_sleep_ms",
    "report_signal_unsafe",
    "verbosity",
];

impl RaceOptions {
    /// Parses a `GORACE` value; Err names the first bad entry.
    pub fn parse(s: &str) -> Result<RaceOptions, String> {
        let mut o = RaceOptions::default();
        for item in s.split_whitespace() {
            let Some((name, val)) = item.split_once('=') else {
                return Err(format!("malformed GORACE entry {item:?}"));
            };
            match name {
                "exitcode" => {
                    o.exitcode = val
                        .parse()
                        .map_err(|_| format!("GORACE: bad exitcode value {val:?}"))?
                }
                "halt_on_error" => {
                    o.halt_on_error = match val {
                        "0" | "false" => false,
                        "1" | "true" => true,
                        _ => return Err(format!("GORACE: bad halt_on_error value {val:?}")),
                    }
                }
                "log_path" => o.log_path = Some(val.to_string()),
                n if IGNORED.contains(&n) => {}
                _ => return Err(format!("GORACE: unknown option {name:?}")),
            }
        }
        Ok(o)
    }

    /// The options of the `GORACE` environment variable (the defaults
    /// when it is unset).
    pub fn from_env() -> Result<RaceOptions, String> {
        match std::env::var("GORACE") {
            Ok(s) => RaceOptions::parse(&s),
            Err(_) => Ok(RaceOptions::default()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gorace_is_read_as_go_reads_it() {
        assert_eq!(RaceOptions::parse("").unwrap(), RaceOptions::default());
        let o = RaceOptions::parse("exitcode=3 halt_on_error=1 log_path=/tmp/r").unwrap();
        assert_eq!(o.exitcode, 3);
        assert!(o.halt_on_error);
        assert_eq!(o.log_path.as_deref(), Some("/tmp/r"));
        assert!(RaceOptions::parse("history_size=2").is_ok());
        assert!(RaceOptions::parse("exitcode=x").is_err());
        assert!(RaceOptions::parse("bogus=1").is_err());
        assert!(RaceOptions::parse("exitcode").is_err());
    }
}
