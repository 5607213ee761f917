use gol_lang::ast::NodeIdGen;
use gol_lang::parser::parse_file;
use gol_lang::source::SourceMap;
use gol_lang::FileKind;
fn main() {
    let mut bad = 0;
    let mut total = 0;
    for arg in std::env::args().skip(1) {
        let Ok(src) = std::fs::read_to_string(&arg) else {
            continue;
        };
        total += 1;
        let mut sm = SourceMap::new();
        let id = sm.add(arg.clone(), src.clone());
        let mut ids = NodeIdGen::new();
        let (_, d) = parse_file(&src, sm.file(id).base, FileKind::Go, &mut ids);
        if !d.is_empty() {
            bad += 1;
            for d in d.iter().take(2) {
                println!("{}", d.one_line(&sm));
            }
        }
    }
    println!("{bad}/{total} files with diagnostics");
}
