//! Prints the analysis of a text file (first line = title) as JSON: `cargo run --example analyze -- FILE`.

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let title_len = text.find('\n').unwrap_or(0);
    let started = std::time::Instant::now();
    let analysis = kiosk::analyze::analyze(&text, title_len, None);
    let took = started.elapsed();
    println!(
        "{}",
        serde_json::to_string_pretty(&analysis).unwrap_or_default()
    );
    eprintln!("analysed in {took:?} (includes gazetteer load on first use)");
    Ok(())
}
