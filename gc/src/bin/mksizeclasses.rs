//! Prints gol-gc's `sizeclasses.rs` to standard output.

#[path = "../mksizeclasses.rs"]
#[allow(dead_code)]
mod mksizeclasses;

fn main() {
    print!("{}", mksizeclasses::generate());
}
