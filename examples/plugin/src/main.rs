//! `cargo run -p plugin [-- PLUGIN_DIR [TEXT]]`: loads the Python plugins of PLUGIN_DIR
//! (default: this example's `plugins/`) and prints the log and the filtered text.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    plugin::install_api();
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plugins"));
    let text = args
        .next()
        .unwrap_or_else(|| "the quick brown fox jumps over the lazy dog".to_owned());
    let outcome = plugin::run_plugins(&dir, &text)?;
    for line in &outcome.log {
        println!("log: {line}");
    }
    println!("text: {}", outcome.text);
    Ok(())
}
