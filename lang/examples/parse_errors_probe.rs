use gol_lang::ast::NodeIdGen;
use gol_lang::parser::parse_file;
use gol_lang::source::SourceMap;
use gol_lang::FileKind;
fn main() {
    for arg in std::env::args().skip(1) {
        let src = arg.replace("\\n", "\n").replace("\\t", "\t");
        let mut sm = SourceMap::new();
        let id = sm.add("x.go", src.clone());
        let mut ids = NodeIdGen::new();
        let (_, d) = parse_file(&src, sm.file(id).base, FileKind::Go, &mut ids);
        println!("== {arg}");
        for d in d {
            println!("{}", d.one_line(&sm));
        }
    }
}
