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
