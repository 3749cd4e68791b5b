//! Builds and runs `examples/embedding` and checks what it prints.

use std::process::Command;

#[test]
fn embedding_example_output() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| env!("CARGO").to_string());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/embedding/Cargo.toml");
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--manifest-path", manifest])
        .output()
        .expect("failed to run cargo");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert_eq!(
        stdout,
        "eval: hello from python\n\
         sum of squares: 30\n\
         squares: [0, 1, 4, 9, 16]\n\
         call: RUST CALLS PYTHON!\n\
         json: [0, 1, 4, 9, 16]\n\
         error: ZeroDivisionError: division by zero\n"
    );
}
