//! Racy programs: goroutines that write strings, slices, ints and
//! interface values while others read them, with no synchronisation.
//! Go promises nothing about what such a program computes; gol promises
//! that it never corrupts or crashes the VM (a wrong value or a Go panic
//! is fine). Maps are never shared: a map race is a fatal error in Go.

use super::gen::{fix_imports, Rng};
use std::fmt::Write as _;

/// One racy program from `seed`. Without `torn`, only the races that gol
/// survives today (see the harness's docs): counters and interface values.
pub fn generate(seed: u64, torn: bool) -> String {
    let mut r = Rng(seed);
    let mut body = String::new();
    let mut globals = String::new();
    let n = r.range(1, 3);
    for k in 0..n {
        // Readers walk whole values: the work stays at a few million
        // steps per goroutine.
        let big = *r.pick(&[2i64, 64, 4096, 1 << 16, 1 << 20, 1 << 24]);
        let iters = r.range(200, 3000).min(4_000_000 / big + 50);
        // Readers that touch one element race for longer.
        let cheap_iters = r.range(1000, 100_000);
        let recover = r.chance(60);
        let rec = if recover {
            "defer func() { _ = recover() }()\n\t\t"
        } else {
            ""
        };
        // What is allocated in a loop stays small: a racy program is
        // about torn values, not the collector's speed.
        let small = big.min(4096);
        let writers = r.range(1, 2);
        let readers = r.range(1, 3);
        let kind = if torn { r.below(6) } else { *r.pick(&[2, 3]) };
        match kind {
            0 => {
                // A string torn between a short and a long value.
                let _ = writeln!(globals, "var s{k} string = \"a\"");
                let _ = writeln!(globals, "var long{k} = strings.Repeat(\"x\", {big})");
                let cheap = r.chance(50);
                let iters = if cheap { cheap_iters } else { iters };
                for _ in 0..writers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tif i%2 == 0 {{ s{k} = long{k} }} else {{ s{k} = \"ab\" }}\n\t\t}}\n\t}}()"
                    );
                }
                let read = if cheap {
                    *r.pick(&[
                        "if len(t) > 0 { n += int(t[len(t)-1]) }",
                        "if t == \"ab\" { n++ }",
                        "n += len(t)",
                    ])
                } else {
                    *r.pick(&[
                        "if len(t) > 0 { n += int(t[len(t)-1]) }",
                        "n += strings.Count(t, \"x\")",
                        "n += len(t + \"!\")",
                        "for _, c := range t { n += int(c) & 1 }",
                        "n += len([]byte(t))",
                        "if t == \"ab\" { n++ }",
                        "n += strings.Index(t, \"b\")",
                    ])
                };
                for _ in 0..readers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\t{rec}n := 0\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tt := s{k}\n\t\t\t{read}\n\t\t}}\n\t\tsink.Add(int64(n))\n\t}}()"
                    );
                }
            }
            1 => {
                // A slice torn between a short and a long backing array.
                let _ = writeln!(globals, "var sl{k} = make([]int, 1)");
                let cheap = r.chance(50);
                let iters = if cheap { cheap_iters } else { iters };
                for _ in 0..writers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tsmall, large := make([]int, 1), make([]int, {big})\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tif i%2 == 0 {{ sl{k} = large }} else {{ sl{k} = small }}\n\t\t}}\n\t}}()"
                    );
                }
                let op = if cheap {
                    *r.pick(&["t[len(t)-1] = i", "n += t[len(t)-1]"])
                } else {
                    *r.pick(&[
                        "t[len(t)-1] = i",
                        "n += t[len(t)-1]",
                        "t = append(t, i); n += len(t)",
                        "copy(t, []int{1, 2, 3})",
                        "for j := range t { if j > 8 { break }; t[j]++ }",
                        "n += len(t[len(t)/2:])",
                    ])
                };
                for _ in 0..readers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\t{rec}n := 0\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tt := sl{k}\n\t\t\t{op}\n\t\t\t_ = t\n\t\t}}\n\t\tsink.Add(int64(n))\n\t}}()"
                    );
                }
            }
            2 => {
                // Unsynchronised counters.
                let _ = writeln!(globals, "var c{k} int");
                for _ in 0..writers + readers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tc{k}++\n\t\t\tif c{k} < 0 {{ c{k} = 0 }}\n\t\t}}\n\t}}()"
                    );
                }
            }
            3 => {
                // An interface value torn between dynamic types.
                let _ = writeln!(globals, "var x{k} any = 0");
                for _ in 0..writers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tswitch i % 3 {{\n\t\t\tcase 0: x{k} = i\n\t\t\tcase 1: x{k} = strings.Repeat(\"y\", {small})\n\t\t\tdefault: x{k} = []int{{i, i}}\n\t\t\t}}\n\t\t}}\n\t}}()"
                    );
                }
                for _ in 0..readers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\t{rec}n := 0\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tswitch v := x{k}.(type) {{\n\t\t\tcase int: n += v & 1\n\t\t\tcase string: if len(v) > 0 {{ n += int(v[len(v)-1]) }}\n\t\t\tcase []int: n += v[len(v)-1]\n\t\t\t}}\n\t\t}}\n\t\tsink.Add(int64(n))\n\t}}()"
                    );
                }
            }
            4 => {
                // A struct with a string and a slice, copied whole.
                let _ = writeln!(
                    globals,
                    "type rec{k} struct {{ name string; vals []int; n int }}"
                );
                let _ = writeln!(globals, "var st{k} rec{k}");
                for _ in 0..writers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tif i%2 == 0 {{ st{k} = rec{k}{{strings.Repeat(\"z\", {small}), make([]int, {small}), i}} }} else {{ st{k} = rec{k}{{\"q\", nil, -i}} }}\n\t\t}}\n\t}}()"
                    );
                }
                for _ in 0..readers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\t{rec}n := 0\n\t\tfor i := 0; i < {iters}; i++ {{\n\t\t\tv := st{k}\n\t\t\tn += len(v.name) + len(v.vals)\n\t\t\tif len(v.vals) > 0 {{ n += v.vals[len(v.vals)-1] }}\n\t\t\tif len(v.name) > 0 {{ n += int(v.name[len(v.name)-1]) }}\n\t\t}}\n\t\tsink.Add(int64(n))\n\t}}()"
                    );
                }
            }
            _ => {
                // Appends to one shared slice from several goroutines.
                let _ = writeln!(globals, "var ap{k} []string");
                for _ in 0..writers + readers {
                    let _ = writeln!(
                        body,
                        "\twg.Add(1)\n\tgo func() {{\n\t\tdefer wg.Done()\n\t\t{rec}for i := 0; i < {iters}; i++ {{\n\t\t\tap{k} = append(ap{k}, \"v\")\n\t\t\tif len(ap{k}) > {big} {{ ap{k} = nil }}\n\t\t}}\n\t}}()"
                    );
                }
            }
        }
    }
    let src = format!(
        "package main\n\nimport (\n)\n\nvar wg sync.WaitGroup\nvar sink atomic.Int64\n{globals}\nfunc main() {{\n{body}\twg.Wait()\n\tfmt.Println(\"done\", sink.Load() != -1)\n}}\n"
    );
    let src = fix_imports(&src);
    // sync/atomic is not in the list of fix_imports.
    src.replacen("import (\n", "import (\n\t\"sync/atomic\"\n", 1)
}

/// Whether gol's end is one Go could have: a normal exit, or a Go panic or
/// fatal error (exit 2). Anything else, or a fault reported by the VM's
/// own signal handler, is a crash.
pub fn acceptable(o: &super::procs::Outcome) -> Result<(), String> {
    if let Some(c) = o.crash() {
        return Err(c);
    }
    let first = o.stderr_first();
    match o.code {
        Some(0) => Ok(()),
        Some(2)
            if (first.starts_with("panic: ") || first.starts_with("fatal error: "))
                && !first.contains("unexpected signal")
                && !first.contains("fault address") =>
        {
            Ok(())
        }
        c => Err(format!("exit status {c:?}, stderr first line {first:?}")),
    }
}
