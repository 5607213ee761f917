mod check_util;
#[test]
fn scratch() {
    let src = std::fs::read_to_string("/tmp/scratch.go").unwrap();
    let name = if std::path::Path::new("/tmp/scratch.gol").exists() { "main.gol" } else { "main.go" };
    for e in check_util::errors_of(name, &src) { println!("{e}"); }
}
