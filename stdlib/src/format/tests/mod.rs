//! Table-driven tests against outputs of native Go 1.27, recorded by the
//! programs in `../testdata/gen/` (the tests themselves never run `go`).

mod fmt_table;
mod printer_values;
mod strconv_table;

/// Decodes a hex field of a table line.
pub(super) fn unhex(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    assert!(b.len() % 2 == 0, "odd hex field {s:?}");
    (0..b.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex digit"))
        .collect()
}

/// Shows bytes readably in failure messages.
pub(super) fn show(b: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(b))
}

/// Collects mismatches and fails once with the first few, so one run shows
/// the extent of a problem.
pub(super) struct Failures {
    what: &'static str,
    cases: usize,
    list: Vec<String>,
}

impl Failures {
    pub(super) fn new(what: &'static str) -> Failures {
        Failures {
            what,
            cases: 0,
            list: Vec::new(),
        }
    }
    pub(super) fn case(&mut self) {
        self.cases += 1;
    }
    pub(super) fn fail(&mut self, msg: String) {
        self.list.push(msg);
    }
    pub(super) fn finish(self, min_cases: usize) {
        assert!(
            self.cases >= min_cases,
            "{}: only {} cases ran (table truncated?)",
            self.what,
            self.cases
        );
        if !self.list.is_empty() {
            let shown: Vec<&String> = self.list.iter().take(40).collect();
            panic!(
                "{}: {} of {} cases differ from Go:\n{}",
                self.what,
                self.list.len(),
                self.cases,
                shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
            );
        }
    }
}
