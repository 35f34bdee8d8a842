//! Writes a generated map for trying motmap on a large journey:
//! `cargo run --release --example generate -- 10000 big.ron`.

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let moments: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let path = args
        .next()
        .unwrap_or_else(|| format!("generated-{moments}.ron"));
    let text = motmap::store::to_ron(&support::journey(moments));
    if let Err(error) = std::fs::write(&path, text) {
        eprintln!("cannot write {path}: {error}");
        std::process::exit(1);
    }
    println!("wrote {path} with {moments} moments");
}
