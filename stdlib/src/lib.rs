//! gol's standard packages.
//!
//! The type checker needs the exported names and types of every package a
//! program may import before any of them has an implementation. They are
//! declared as Go source under `stdlib/go/<import path>/<name>.go`: Go where
//! functions and methods may have no body (the VM implements those
//! natively), constants carry their exact values, and everything gol's
//! subset cannot express (unsafe, reflect) is left out and named in each
//! file's doc comment.
//!
//! [`StdImporter`] hands those files to the checker. They are compiled into
//! the binary with `include_str!`, so a `gol` executable needs no GOROOT and
//! the declarations can never disagree with the binary that checks against
//! them. Each file is named `<gol>/<import path>/<name>.go`, the way Go
//! shows `$GOROOT/src/fmt/print.go`, so diagnostics and stack traces say
//! plainly that the code lives in gol's standard library.
//!
//! How the declarations are made and checked (development aids, not part of
//! the build): `stdlib/tools/declgen` generates most of them from Go's own
//! source with go/types (os and net are written by hand, as only their
//! common part is declared), and `stdlib/tools/validate` gives every
//! bodyless function a `panic` body and has native `go build` and `go vet`
//! confirm that the packages are well-typed against each other.
//!
//! Rejected alternative: reading the files from disk at run time. That
//! needs an install location, and a stale or edited copy would make the
//! checker accept programs the VM cannot run.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod format;
pub mod natives;

use gol_lang::Importer;

/// Prefix of the file names of standard package sources, in place of Go's
/// `$GOROOT/src`.
pub const FILE_PREFIX: &str = "<gol>";

/// One standard package: its import path and its declaration files
/// (file name within the package directory, text).
struct Package {
    path: &'static str,
    files: &'static [(&'static str, &'static str)],
}

/// Declares the table of packages: import path => file names. Each file is
/// included from `stdlib/go/<path>/<file>`.
macro_rules! packages {
    ($($path:literal => [$($file:literal),+ $(,)?]),+ $(,)?) => {
        &[$(Package {
            path: $path,
            files: &[$(($file, include_str!(concat!("../go/", $path, "/", $file)))),+],
        }),+]
    };
}

/// Every standard package, sorted by import path (a unit test keeps it so,
/// and checks it against the directories under `stdlib/go`).
static PACKAGES: &[Package] = packages! {
    "bufio" => ["bufio.go"],
    "bytes" => ["bytes.go", "iter.go"],
    "cmp" => ["cmp.go"],
    "container/heap" => ["heap.go"],
    "container/list" => ["list.go"],
    "container/ring" => ["ring.go"],
    "context" => ["context.go"],
    "crypto/hmac" => ["hmac.go"],
    "crypto/md5" => ["md5.go"],
    "crypto/rand" => ["rand.go"],
    "crypto/sha1" => ["sha1.go"],
    "crypto/sha256" => ["sha256.go"],
    "encoding" => ["encoding.go"],
    "encoding/base64" => ["base64.go"],
    "encoding/binary" => ["binary.go"],
    "encoding/csv" => ["csv.go"],
    "encoding/hex" => ["hex.go"],
    "encoding/json" => ["json.go"],
    "encoding/xml" => ["xml.go", "marshal.go", "names.go", "read.go"],
    "errors" => ["errors.go"],
    "flag" => ["flag.go"],
    "fmt" => ["fmt.go"],
    "hash" => ["hash.go"],
    "hash/crc32" => ["crc32.go"],
    "hash/fnv" => ["fnv.go"],
    "io" => ["io.go"],
    "io/fs" => ["fs.go"],
    "io/ioutil" => ["ioutil.go"],
    "iter" => ["iter.go"],
    "log" => ["log.go"],
    "log/slog" => ["slog.go"],
    "maps" => ["maps.go"],
    "math" => ["math.go"],
    "math/bits" => ["bits.go"],
    "math/cmplx" => ["cmplx.go"],
    "math/rand" => ["rand.go"],
    "math/rand/v2" => ["rand.go"],
    "net" => ["net.go", "ip.go", "pipe.go"],
    "net/http" => ["client.go", "conflict.go", "cookie.go", "header.go", "mux.go", "request.go", "server.go", "sniff.go", "status.go", "transfer.go"],
    "net/http/cookiejar" => ["jar.go", "punycode.go"],
    "net/url" => ["url.go"],
    "os" => ["os.go"],
    "os/signal" => ["signal.go"],
    "path" => ["path.go"],
    "path/filepath" => ["filepath.go"],
    "regexp" => ["regexp.go"],
    "runtime" => ["runtime.go"],
    "runtime/debug" => ["debug.go"],
    "runtime/pprof" => ["pprof.go"],
    "runtime/trace" => ["trace.go"],
    "slices" => ["slices.go"],
    "sort" => ["sort.go"],
    "strconv" => ["strconv.go"],
    "strings" => ["strings.go", "iter.go"],
    "sync" => ["sync.go"],
    "sync/atomic" => ["atomic.go"],
    "syscall" => ["syscall.go"],
    "text/tabwriter" => ["tabwriter.go"],
    "text/template" => ["exec.go", "funcs.go", "lex.go", "parse.go", "template.go", "value.go"],
    "time" => ["time.go", "format.go", "zoneinfo.go"],
    "unicode" => ["unicode.go"],
    "unicode/utf16" => ["utf16.go"],
    "unicode/utf8" => ["utf8.go"],
};

/// The importer of gol's standard packages, for the type checker.
#[derive(Clone, Copy, Debug, Default)]
pub struct StdImporter;

impl Importer for StdImporter {
    fn package(&self, path: &str) -> Option<Vec<(String, String)>> {
        let pkg = PACKAGES.iter().find(|p| p.path == path)?;
        Some(
            pkg.files
                .iter()
                .map(|(name, text)| {
                    (
                        format!("{FILE_PREFIX}/{}/{name}", pkg.path),
                        (*text).to_string(),
                    )
                })
                .collect(),
        )
    }

    fn available(&self) -> Vec<String> {
        let mut paths: Vec<String> = PACKAGES.iter().map(|p| p.path.to_string()).collect();
        // The table is sorted already; sorting again keeps the promise of
        // the trait even if someone adds a package out of order.
        paths.sort();
        paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The import paths that have a directory with .go files under
    /// stdlib/go, found by walking the tree.
    fn packages_on_disk() -> Vec<String> {
        fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
            let mut has_go = false;
            for entry in std::fs::read_dir(dir).expect("read stdlib/go") {
                let path = entry.expect("dir entry").path();
                if path.is_dir() {
                    walk(root, &path, out);
                } else if path.extension().is_some_and(|e| e == "go") {
                    has_go = true;
                }
            }
            if has_go {
                let rel = dir.strip_prefix(root).expect("under root");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("go");
        let mut out = Vec::new();
        walk(&root, &root, &mut out);
        out.sort();
        out
    }

    #[test]
    fn available_is_sorted_and_matches_the_tree() {
        let avail = StdImporter.available();
        let mut sorted = avail.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(avail, sorted, "available() must be sorted and unique");
        assert_eq!(avail, packages_on_disk());
    }

    #[test]
    fn every_package_returns_its_sources() {
        for path in StdImporter.available() {
            let files = StdImporter
                .package(&path)
                .unwrap_or_else(|| panic!("{path}: no files"));
            assert!(!files.is_empty(), "{path}: empty");
            // A major-version suffix (math/rand/v2) is not the name.
            let mut parts = path.rsplit('/');
            let mut name = parts.next().expect("nonempty path");
            if name.len() > 1
                && name.starts_with('v')
                && name[1..].bytes().all(|b| b.is_ascii_digit())
            {
                name = parts.next().unwrap_or(name);
            }
            for (file, text) in &files {
                assert!(
                    file.starts_with(&format!("{FILE_PREFIX}/{path}/")),
                    "{file}"
                );
                // The text is the file on disk, byte for byte.
                let disk = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("go")
                    .join(&path)
                    .join(file.rsplit('/').next().expect("file name"));
                assert_eq!(
                    text,
                    &std::fs::read_to_string(&disk).expect("read declaration")
                );
                let clause = format!("\npackage {name}\n");
                assert!(text.contains(&clause), "{file}: no `package {name}`");
            }
        }
    }

    #[test]
    fn unknown_packages_are_absent() {
        assert!(StdImporter.package("reflect").is_none());
        assert!(StdImporter.package("").is_none());
        assert!(StdImporter.package("fmt/").is_none());
    }

    /// Whitespace-insensitive search, so gofmt's alignment does not matter.
    fn declares(path: &str, decl: &str) -> bool {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let files = StdImporter.package(path).expect("package");
        files
            .iter()
            .any(|(_, text)| squash(text).contains(&squash(decl)))
    }

    #[test]
    fn declarations_keep_exact_values() {
        assert!(declares(
            "math",
            "Pi = 3.14159265358979323846264338327950288419716939937510582097494459"
        ));
        assert!(declares("math", "MaxInt64 = 1<<63 - 1"));
        assert!(declares("time", "Second Duration = 1000 * Millisecond"));
        assert!(declares("io", "EOF = errors.New(\"EOF\")"));
        assert!(declares("os", "O_CREATE int = 0x40"));
        assert!(declares("sync", "func (m *Mutex) Lock()"));
    }

    /// Native Go type-checks the declarations (stdlib/tools/validate).
    /// Needs `go` 1.27 on the PATH and takes a few seconds, so it only runs
    /// on request: `cargo test -p gol-stdlib -- --ignored`.
    #[test]
    #[ignore = "needs native Go on the PATH"]
    fn native_go_accepts_the_declarations() {
        let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("tools");
        let status = std::process::Command::new("go")
            .args(["run", "./validate", "../go"])
            .current_dir(&tools)
            .status()
            .expect("run go");
        assert!(status.success(), "stdlib/tools/validate failed");
    }
}
