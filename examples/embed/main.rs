//! Embedding gol in a Rust program: a host function Go calls
//! (`host.Rate`), running the program with its output captured, and
//! calling one of its functions by name.
//!
//! Run it with `cargo run --release --example embedding`.

use gol::{FromValue, Output, SharedBuffer, ToValue, Value, Vm};
use std::collections::HashMap;

/// What the example prints: the program's output, then the results of
/// the host's own calls.
pub fn run() -> Result<String, Box<dyn std::error::Error>> {
    let rates: HashMap<&str, f64> = [("EUR", 1.0), ("USD", 0.92), ("GBP", 1.17)].into();
    let out = SharedBuffer::new();
    let vm = Vm::builder()
        .gomaxprocs(2)
        .stdout(Output::writer(out.clone()))
        .native(
            "host",
            "Rate",
            "func(currency string) (float64, error)",
            move |args| {
                let cur = String::from_value(&args[0])?;
                match rates.get(cur.as_str()) {
                    Some(r) => Ok(vec![r.to_value()]),
                    None => Err(format!("no rate for {cur}")),
                }
            },
        )
        .build()?;
    let prog = vm.compile(include_str!("orders.go"))?;
    let status = vm.run(&prog)?;
    let mut text = out.text();
    text.push_str(&format!("exit status {status}\n"));
    let total = vm.call(&prog, "Total", &[Value::Int(2000), "usd".to_value()])?;
    text.push_str(&format!(
        "Total(2000, usd) = {}\n",
        i64::from_value(&total[0])?
    ));
    match vm.call(&prog, "Total", &[Value::Int(1), "abc".to_value()]) {
        Err(gol::Error::Returned(e)) => text.push_str(&format!("Total(1, abc) failed: {e}\n")),
        other => return Err(format!("unexpected {other:?}").into()),
    }
    Ok(text)
}

fn main() {
    match run() {
        Ok(text) => print!("{text}"),
        Err(e) => {
            eprintln!("embedding: {e}");
            std::process::exit(1);
        }
    }
}
