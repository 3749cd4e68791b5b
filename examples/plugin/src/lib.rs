//! A host program's plugin system in Python.
//!
//! The host (`src/main.rs`) embeds Python and exposes a Rust API to it as the module
//! `host_api` (registered with [`append_to_inittab!`](pyo3::append_to_inittab) before the
//! interpreter starts). Each `*.py` file of the plugin folder is loaded as a module and must
//! define `setup(api)`; in it, a plugin registers text filters with `api.register_filter(name,
//! function)` and may log with `api.log(message)`. The host then pipes a [`Document`] through
//! every registered filter, in plugin-name order. A plugin that fails to load or whose filter
//! raises is reported with its Python traceback, and the others still run.

use std::path::{Path, PathBuf};

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The Rust API that plugins import as `host_api`.
#[pymodule]
pub mod host_api {
    use pyo3::prelude::*;

    /// The document that filters transform: plugins read `text` and `words()`, and change
    /// `text` by returning a new string from their filter.
    #[pyclass]
    pub struct Document {
        #[pyo3(get)]
        pub text: String,
    }

    #[pymethods]
    impl Document {
        /// The whitespace-separated words of the text.
        fn words(&self) -> Vec<String> {
            self.text.split_whitespace().map(str::to_owned).collect()
        }
    }

    /// What `setup(api)` receives: the registry of filters and the host's log.
    #[pyclass]
    #[derive(Default)]
    pub struct Registry {
        pub filters: Vec<(String, Py<PyAny>)>,
        pub log: Vec<String>,
    }

    #[pymethods]
    impl Registry {
        /// Registers `function(document) -> str` under `name`.
        fn register_filter(&mut self, name: String, function: Bound<'_, PyAny>) -> PyResult<()> {
            if !function.is_callable() {
                return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "filter {name:?} is not callable"
                )));
            }
            self.filters.push((name, function.unbind()));
            Ok(())
        }

        /// Adds a line to the host's log.
        fn log(&mut self, message: String) {
            self.log.push(message);
        }
    }

    /// The host's version, for plugins that check compatibility.
    #[pymodule_export]
    pub const VERSION: &str = env!("CARGO_PKG_VERSION");
}

pub use host_api::{Document, Registry};

/// What a run of the plugins produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The text after every filter that succeeded.
    pub text: String,
    /// The log lines, in order: the plugins' own and the host's.
    pub log: Vec<String>,
}

/// Registers `host_api`; call before anything starts the interpreter.
pub fn install_api() {
    pyo3::append_to_inittab!(host_api);
}

/// The plugin files of `dir`, sorted by name.
fn plugin_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    Ok(files)
}

/// Loads one plugin file and calls its `setup(api)`.
fn load_plugin(py: Python<'_>, path: &Path, registry: &Bound<'_, Registry>) -> PyResult<()> {
    let code = std::ffi::CString::new(std::fs::read(path)?)?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let file = std::ffi::CString::new(path.to_string_lossy().as_bytes())?;
    let module_name = std::ffi::CString::new(format!("plugins.{stem}"))?;
    let module = PyModule::from_code(py, &code, &file, &module_name)?;
    module.getattr("setup")?.call1((registry,))?;
    Ok(())
}

/// One line describing a Python error: its type and message.
fn describe(py: Python<'_>, err: &PyErr) -> String {
    let kind = err
        .get_type(py)
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    format!("{kind}: {}", err.value(py))
}

/// Loads every plugin of `dir` and runs `text` through their filters.
pub fn run_plugins(dir: &Path, text: &str) -> std::io::Result<Outcome> {
    let files = plugin_files(dir)?;
    Python::attach(|py| {
        let registry = Bound::new(py, Registry::default()).expect("allocating the registry");
        let mut host_log = Vec::new();
        for path in &files {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            match load_plugin(py, path, &registry) {
                Ok(()) => host_log.push(format!("loaded {name}")),
                Err(err) => host_log.push(format!("failed to load {name}: {}", describe(py, &err))),
            }
        }
        let mut text = text.to_owned();
        let filters: Vec<(String, Py<PyAny>)> = registry
            .borrow()
            .filters
            .iter()
            .map(|(n, f)| (n.clone(), f.clone_ref(py)))
            .collect();
        for (name, filter) in filters {
            let doc = Bound::new(py, Document { text: text.clone() }).expect("allocating");
            match filter
                .bind(py)
                .call1((doc,))
                .and_then(|r| r.extract::<String>())
            {
                Ok(new_text) => text = new_text,
                Err(err) => host_log.push(format!("filter {name} failed: {}", describe(py, &err))),
            }
        }
        let mut log = std::mem::take(&mut registry.borrow_mut().log);
        log.extend(host_log);
        // The plugins' modules stay importable under `plugins.*` only while this runs.
        let modules = py.import("sys").and_then(|s| s.getattr("modules"));
        if let Ok(modules) = modules.and_then(|m| m.cast_into::<PyDict>().map_err(Into::into)) {
            for path in &files {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                let _ = modules.del_item(format!("plugins.{stem}"));
            }
        }
        Ok(Outcome { text, log })
    })
}
