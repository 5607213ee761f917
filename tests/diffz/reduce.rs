//! A line-based reducer: deletes whole statements, blocks and functions
//! from a program while a predicate holds (the program still builds under
//! Go and gol still differs in the same way).
//!
//! A chunk is one line whose braces balance, or a line that opens more
//! braces than it closes together with the lines up to where they close
//! (a block, a function, a struct type). Chunks are tried from the largest
//! down; imports are rewritten after each deletion, so a deletion that
//! removes the last use of a package is still valid Go.

use std::time::{Duration, Instant};

fn delta(line: &str) -> i32 {
    let mut d = 0;
    let mut in_str = false;
    let mut esc = false;
    for c in line.chars() {
        if in_str {
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' => d += 1,
            '}' => d -= 1,
            _ => {}
        }
    }
    d
}

/// Chunks of `lines` as (first, last) line, largest first. The
/// program's own helpers (`idx`, `fi`) stay whole: without their guards
/// a reduction drifts to a different difference.
fn chunks(lines: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut in_helper = false;
    for i in 0..lines.len() {
        if lines[i].starts_with("func idx(") || lines[i].starts_with("func fi(") {
            in_helper = true;
        }
        if in_helper {
            if lines[i] == "}" {
                in_helper = false;
            }
            continue;
        }
        let d = delta(&lines[i]);
        if lines[i].trim().is_empty() || lines[i].starts_with("package ") {
            continue;
        }
        if d == 0 {
            out.push((i, i));
        } else if d > 0 {
            let mut acc = d;
            let mut j = i + 1;
            while j < lines.len() {
                acc += delta(&lines[j]);
                if acc <= 0 {
                    break;
                }
                j += 1;
            }
            if j < lines.len() && acc == 0 {
                out.push((i, j));
            }
        }
    }
    out.sort_by_key(|&(a, b)| std::cmp::Reverse(b - a));
    out
}

/// Shrinks `src` while `interesting` holds, for at most `budget`.
pub fn reduce(src: &str, budget: Duration, interesting: &mut dyn FnMut(&str) -> bool) -> String {
    let start = Instant::now();
    let mut lines: Vec<String> = src.lines().map(|s| s.to_string()).collect();
    loop {
        let mut progress = false;
        let cs = chunks(&lines);
        let mut removed: Vec<(usize, usize)> = Vec::new();
        for (a, b) in cs {
            if start.elapsed() > budget {
                return join(&lines);
            }
            // Chunks overlapping an earlier deletion of this pass are
            // stale; the next pass sees them afresh.
            if removed.iter().any(|&(x, y)| a <= y && x <= b) {
                continue;
            }
            let mut cand = lines.clone();
            for l in cand.iter_mut().take(b + 1).skip(a) {
                *l = String::from("\u{0}");
            }
            let text = join(&cand);
            if interesting(&text) {
                lines = cand;
                removed.push((a, b));
                progress = true;
            }
        }
        lines.retain(|l| l != "\u{0}");
        if !progress {
            break;
        }
    }
    join(&lines)
}

fn join(lines: &[String]) -> String {
    let kept: Vec<&str> = lines
        .iter()
        .filter(|l| l.as_str() != "\u{0}")
        .map(|s| s.as_str())
        .collect();
    let mut s = kept.join("\n");
    s.push('\n');
    super::gen::fix_imports(&s)
}
