//! A differential harness used during development: checks every file of
//! the directory named by `GOL_CHECK_DIR` and prints one line per
//! diagnostic. Without the variable it does nothing.
mod check_util;

#[test]
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
        for e in check_util::errors_of(kind_name, &src) {
            println!("{e}");
        }
    }
}
