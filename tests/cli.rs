//! The `gol` command line: exit statuses, usage errors, check output.

use std::io::Write;
use std::process::{Command, Output};

fn gol(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gol"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the gol binary runs")
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gol-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::File::create(&p)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    p
}

#[test]
fn no_arguments_is_a_usage_error() {
    let o = gol(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Usage"));
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let o = gol(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("frobnicate"));
}

#[test]
fn check_without_files_is_a_usage_error() {
    assert_eq!(gol(&["check"]).status.code(), Some(2));
}

#[test]
fn help_lists_the_commands() {
    let o = gol(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    for cmd in ["run", "check", "version"] {
        assert!(out.contains(cmd), "help lacks {cmd}:\n{out}");
    }
}

#[test]
fn version_prints_the_version() {
    let o = gol(&["version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout)
        .starts_with(&format!("gol version {}", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn check_of_a_clean_program_exits_0_silently() {
    let p = temp_file(
        "clean.go",
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n",
    );
    let o = gol(&["check", p.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stderr.is_empty() && o.stdout.is_empty());
}

#[test]
fn check_reports_every_error_with_the_source_line_and_exits_1() {
    let p = temp_file(
        "bad.go",
        "package main\n\nfunc main() {\n\tx := 1\n\ty := \"s\" + 2\n}\n",
    );
    let o = gol(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("declared and not used: x"), "{err}");
    assert!(err.contains("\tx := 1") || err.contains("x := 1"), "{err}");
    assert!(err.contains('^'), "no underline:\n{err}");
    assert!(!err.contains("\x1b["), "colour on a non-terminal:\n{err}");
}

#[test]
fn check_of_a_missing_file_says_so() {
    let o = gol(&["check", "/nonexistent/x.go"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file or directory"));
}

#[test]
fn run_takes_the_leading_go_files_as_one_program_as_go_run_does() {
    let main = temp_file(
        "multi_main.go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() { fmt.Println(greet(), os.Args[1:]) }\n",
    );
    let other = temp_file(
        "multi_other.go",
        "package main\n\nfunc greet() string { return \"hello from the second file\" }\n",
    );
    let (m, o) = (main.to_str().unwrap(), other.to_str().unwrap());
    // The files first, then the program's arguments (a later `.go` word
    // is an argument).
    let out = gol(&["run", m, o, "arg1", "x.go"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "hello from the second file [arg1 x.go]\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
    // Alone, the first file does not compile, and the error names it.
    let alone = gol(&["run", m]);
    assert_eq!(alone.status.code(), Some(1));
    let err = String::from_utf8_lossy(&alone.stderr);
    assert!(
        err.contains("undefined: greet") && err.contains("multi_main.go"),
        "{err}"
    );
    // A missing second file is reported as such.
    let missing = gol(&["run", m, "no_such_file.go"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no_such_file.go"));
}
