//! `pyo3-introspection BINARY MODULE OUTPUT_DIR`: writes the stubs of `MODULE` found in
//! `BINARY` under `OUTPUT_DIR`.

use anyhow::{anyhow, Context, Result};
use pyo3_introspection::{introspect_cdylib, module_stub_files};
use std::path::Path;
use std::{env, fs};

fn main() -> Result<()> {
    let args: Vec<String> = env::args().collect();
    let [_, binary, module, output] = <[String; 4]>::try_from(args).map_err(|_| {
        anyhow!("usage: pyo3-introspection BINARY MODULE OUTPUT_DIR (the built extension module, the Python module name, where to write the .pyi files)")
    })?;
    let module = introspect_cdylib(&binary, &module)
        .with_context(|| format!("failed to introspect {binary}"))?;
    for (path, content) in module_stub_files(&module) {
        let file = Path::new(&output).join(path);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("failed to create {}", parent.display()))?;
        }
        fs::write(&file, content).with_context(|| format!("failed to write {}", file.display()))?;
    }
    Ok(())
}
