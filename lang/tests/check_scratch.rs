//! A differential harness used during development: checks every file of
//! the directory named by `GOL_CHECK_DIR` and prints one line per
//! diagnostic. Without the variable it does nothing.
mod check_util;

#[test]
#[ignore = "development harness: run with GOL_CHECK_DIR=DIR -- --ignored"]
fn scratch() {
    let Ok(dir) = std::env::var("GOL_CHECK_DIR") else {
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".go") && !name.ends_with(".gol") {
            continue;
        }
        let src = std::fs::read_to_string(&p).unwrap();
        println!("== {name}");
        let kind_name = if name.ends_with(".gol") {
            "main.gol"
        } else {
            "main.go"
        };
        if let Ok(std_dir) = std::env::var("GOL_STDLIB_DIR") {
            let imp = DirImporter(std_dir.into());
            let mut sources = gol_lang::source::SourceMap::new();
            let mut ids = gol_lang::ast::NodeIdGen::new();
            let kind = gol_lang::FileKind::from_path(kind_name);
            let file = sources.add(kind_name, src);
            let f = sources.file(file);
            let (ast, errs) = gol_lang::parser::parse_file(&f.text, f.base, kind, &mut ids);
            for d in &errs {
                println!("{}", d.one_line(&sources));
            }
            if errs.is_empty() {
                let parsed = vec![gol_lang::check::ParsedFile {
                    file,
                    kind,
                    ast,
                    session: None,
                }];
                let (_, diags) =
                    gol_lang::check::check_program(&mut sources, &mut ids, parsed, &imp);
                for d in &diags {
                    println!("{}", d.one_line(&sources));
                }
            }
            continue;
        }
        for e in check_util::errors_of(kind_name, &src) {
            println!("{e}");
        }
    }
}

/// An importer over a directory laid out as `<dir>/<import path>/*.go`.
struct DirImporter(std::path::PathBuf);

impl gol_lang::Importer for DirImporter {
    fn package(&self, path: &str) -> Option<Vec<(String, String)>> {
        let dir = self.0.join(path);
        let mut files = Vec::new();
        for e in std::fs::read_dir(&dir).ok()?.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) == Some("go") {
                let text = std::fs::read_to_string(&p).ok()?;
                files.push((
                    format!("<gol>/{path}/{}", p.file_name()?.to_string_lossy()),
                    text,
                ));
            }
        }
        if files.is_empty() {
            return None;
        }
        files.sort();
        Some(files)
    }
    fn available(&self) -> Vec<String> {
        fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
            let Ok(rd) = std::fs::read_dir(dir) else {
                return;
            };
            let mut has_go = false;
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(root, &p, out);
                } else if p.extension().and_then(|x| x.to_str()) == Some("go") {
                    has_go = true;
                }
            }
            if has_go {
                if let Ok(rel) = dir.strip_prefix(root) {
                    out.push(rel.to_string_lossy().to_string());
                }
            }
        }
        let mut v = Vec::new();
        walk(&self.0, &self.0, &mut v);
        v.sort();
        v
    }
}

/// With `GOL_STDLIB_DIR` set: checks a program importing every package
/// of that directory, then Go's ken/chan programs against it.
#[test]
fn stdlib_dir() {
    use gol_lang::Importer;
    let Ok(dir) = std::env::var("GOL_STDLIB_DIR") else {
        return;
    };
    let imp = DirImporter(dir.into());
    let mut src = String::from("package main\n\n");
    for p in imp.available() {
        src.push_str(&format!("import _ \"{p}\"\n"));
    }
    src.push_str("\nfunc main() {}\n");
    let mut programs = vec![("all.go".to_string(), src)];
    for sub in ["ken", "chan"] {
        let d = format!("/usr/share/go-1.19/test/{sub}");
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut ps: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        ps.sort();
        for p in ps {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            if !first.trim().starts_with("// run")
                || text.contains("complex")
                || text.contains("real(")
                || text.contains("imag(")
            {
                continue;
            }
            programs.push((p.display().to_string(), text));
        }
    }
    for (name, text) in programs {
        let mut sources = gol_lang::source::SourceMap::new();
        let mut ids = gol_lang::ast::NodeIdGen::new();
        let file = sources.add(name.clone(), text);
        let f = sources.file(file);
        let (ast, errs) =
            gol_lang::parser::parse_file(&f.text, f.base, gol_lang::FileKind::Go, &mut ids);
        assert!(errs.is_empty(), "{name}: parse errors");
        let parsed = vec![gol_lang::check::ParsedFile {
            file,
            kind: gol_lang::FileKind::Go,
            ast,
            session: None,
        }];
        let t = std::time::Instant::now();
        let (_, diags) = gol_lang::check::check_program(&mut sources, &mut ids, parsed, &imp);
        for d in &diags {
            println!("{}", d.one_line(&sources));
        }
        if name == "all.go" {
            println!("all packages: {} errors in {:?}", diags.len(), t.elapsed());
        }
    }
}
